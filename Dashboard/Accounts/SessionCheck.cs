using System.Security.Claims;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// On every signed-in request, the cookie's security stamp against the account's. Disabling, a password reset, a new
/// binding and 退出 renew the stamp, and every write moves the data version, so the stamp is read from the database
/// again only when the version has moved: the old cookie stops working on its next request, on any node, at the cost
/// of one small read per request instead of reloading the account and re-issuing the cookie each time.
/// </summary>
public sealed class SessionCheck(IOptions<IdentityOptions> identity)
{
    private readonly KeptPerVersion<string?> stamps = new();

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        // The error page renders for nobody in particular: it must show even when the database is what failed.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            context.RejectPrincipal();
            return;
        }
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is not null && stamp is not null && stamp == await CurrentStampAsync(http, id)) return;
        context.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    private Task<string?> CurrentStampAsync(HttpContext http, string id) =>
        stamps.GetAsync(http, id, day: null, () => http.RequestServices.GetRequiredService<AppDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(http.RequestAborted));
}
