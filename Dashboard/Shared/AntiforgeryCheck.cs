using Microsoft.AspNetCore.Antiforgery;

namespace GzBioPlan.Dashboard.Shared;

public static class AntiforgeryCheck
{
    /// <summary>
    /// Validates the antiforgery token of a form post whatever its parameters (the framework only checks
    /// endpoints that bind form values); a missing or tampered token gets 400 and nothing changes.
    /// </summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(context.HttpContext) ? await next(context) : TypedResults.BadRequest();
        });
}
