using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>Writes the audit log (审计日志): the signed-in user (or a given name) and the client's address come from the request.</summary>
public sealed class AuditTrail(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>The client's address as this server sees it (after a trusted proxy's X-Forwarded-For), or 本机 for an in-process caller.</summary>
    public static string AddressOf(HttpContext? context) => context?.Connection.RemoteIpAddress?.ToString() ?? "本机";

    /// <summary>Adds the entry and saves it (with whatever else the context holds).</summary>
    public async Task RecordAsync(string action, string? target, string? detail, CancellationToken ct, string? actor = null)
    {
        var context = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, Action = action,
            Actor = Cap(actor ?? context?.User.Identity?.Name ?? "系统", 100)!,
            Target = Cap(target, 200), Detail = Cap(detail, 1000), Address = Cap(AddressOf(context), 64),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string? Cap(string? text, int max)
    {
        if (text is null) return null;
        // Control characters (a line break typed into a name) never reach the log or its export.
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length > max ? clean[..max] : clean;
    }
}
