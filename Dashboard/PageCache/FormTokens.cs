using GzBioPlan.Dashboard.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GzBioPlan.Dashboard.PageCache;

/// <summary>
/// The antiforgery token for the forms of a page served from the cache. A request token stays good for as long as the
/// browser's antiforgery cookie and the signed-in person are the same, so one is made per (cookie, person) and used
/// again, instead of decrypting the cookie and encrypting a new token for every page. A browser without the cookie gets
/// both made as usual.
/// </summary>
public sealed class FormTokens(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    private readonly MemoryCache made = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string For(HttpContext http)
    {
        var cookie = options.Value.Cookie.Name is { } name ? http.Request.Cookies[name] : null;
        if (cookie is null) return antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
        var key = cookie + "\n" + http.User.Identity?.Name + "\n" + http.User.District() + http.User.Unit();
        if (made.TryGetValue(key, out string? token)) return token!;
        token = antiforgery.GetAndStoreTokens(http).RequestToken ?? "";
        made.Set(key, token, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return token;
    }
}
