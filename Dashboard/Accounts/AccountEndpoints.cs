using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Dashboard.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // The layout's 退出 button: a form post with the antiforgery token.
        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        }).RequireAntiforgeryToken();

        app.MapPost("/account/tokens/{id:long}/revoke", async (long id, HttpContext http, UserManager<AppUser> users, ApiTokenService tokens, CancellationToken ct) =>
        {
            await tokens.RevokeAsync(id, users.GetUserId(http.User)!, ct);
            return TypedResults.Redirect("/account/tokens?done=revoked");
        }).RequireAuthorization().RequireAntiforgeryToken();
        return app;
    }
}
