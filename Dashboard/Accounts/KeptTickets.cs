using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// The sign-in cookie decrypted once per cookie value, not on every request: the same protected text always opens to
/// the same ticket, and what makes a ticket no longer good (its expiry, a renewed security stamp) is still checked on
/// every request by the cookie handler and <see cref="SessionCheck"/>. Decrypting costs more than serving a kept page.
/// </summary>
public sealed class KeptTickets(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
{
    private readonly MemoryCache opened = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null) return null;
        var key = purpose + "\n" + protectedText;
        // A copy each time: a request may change its ticket's properties (sliding renewal) or principal.
        if (opened.TryGetValue(key, out AuthenticationTicket? ticket)) return ticket!.Clone();
        ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null) return null;
        opened.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return ticket.Clone();
    }

    /// <summary>Wraps the format the framework sets up for the sign-in cookie (registered after the Identity cookies).</summary>
    public sealed class Setup : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == IdentityConstants.ApplicationScheme && options.TicketDataFormat is not KeptTickets)
                options.TicketDataFormat = new KeptTickets(options.TicketDataFormat);
        }
    }
}
