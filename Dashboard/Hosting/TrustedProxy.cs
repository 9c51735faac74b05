using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy: the client's address and scheme are taken from X-Forwarded-For / -Proto, but only
/// when the request comes from a trusted proxy (loopback, plus <c>Hosting:TrustedProxies</c>). A request seen as HTTPS
/// gets <c>Secure</c> cookies (sign-in and antiforgery).
/// </summary>
public static class TrustedProxy
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in (configuration["Hosting:TrustedProxies"] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
            }
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
        });
        return services;
    }
}
