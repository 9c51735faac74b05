using GzBioPlan.Domain.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Dashboard.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token (the layout's 退出 button).
        app.MapPost("/logout", async Task<Results<RedirectHttpResult, BadRequest>> (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return TypedResults.BadRequest();
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/login");
        });
        return app;
    }
}
