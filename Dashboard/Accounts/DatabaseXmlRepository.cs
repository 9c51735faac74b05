using System.Xml.Linq;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// Keeps the Data Protection keys (which sign cookies and antiforgery tokens) in the application's
/// database, so sign-ins survive restarts and every web node shares them.
/// DataProtection.EntityFrameworkCore is not available here (stack.md).
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.DataProtectionKeys.AsEnumerable().Select(k => XElement.Parse(k.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
