using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Dashboard.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The layout's 退出 button: a form post with the antiforgery token.
        app.MapPost("/logout", async (HttpContext http, SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditTrail audit) =>
        {
            // Renewing the stamp ends the session on the server too: a copy of the cookie stops working on its next request.
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
                await audit.RecordAsync(AuditActions.SignOut, user.UserName, null, http.RequestAborted);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).RequireAntiforgeryToken();

        app.MapPost("/account/tokens/{id:long}/revoke", async (long id, HttpContext http, UserManager<AppUser> users, ApiTokenService tokens, AuditTrail audit, CancellationToken ct) =>
        {
            await tokens.RevokeAsync(id, users.GetUserId(http.User)!, ct);
            await audit.RecordAsync(AuditActions.TokenRevoked, $"令牌 {id}", null, ct);
            return TypedResults.Redirect("/account/tokens?done=revoked");
        }).RequireAuthorization().RequireAntiforgeryToken();
        return app;
    }
}
