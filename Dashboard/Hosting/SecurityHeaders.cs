using Microsoft.Net.Http.Headers;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>
/// Headers on every response: a content security policy that allows no inline or foreign script (a progress
/// bar's width is an inline style, so styles may be inline), no MIME sniffing, no referrer to other sites, and
/// <c>Cache-Control: no-store</c> on everything that is not a static asset (pages, exports, API answers and
/// downloads all carry someone's data; static assets set their own caching).
/// </summary>
public static class SecurityHeaders
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = Policy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey(HeaderNames.CacheControl)) headers[HeaderNames.CacheControl] = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
