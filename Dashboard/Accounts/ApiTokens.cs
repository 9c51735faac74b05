using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>Personal access tokens: created once, shown once, stored as their SHA-256.</summary>
public sealed class ApiTokenService(AppDbContext db, TimeProvider clock)
{
    public const int MaxDays = 365;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <returns>The token text, to show to the person once.</returns>
    public async Task<string> IssueAsync(string userId, string name, int days, CancellationToken ct)
    {
        var token = "gzb_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = userId, Name = name.Trim(), Hash = Hash(token), Prefix = token[..10], CreatedAt = now,
            ExpiresAt = now.AddDays(Math.Clamp(days, 1, MaxDays)),
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Every live token of the user, when its password is reset or the account disabled.</summary>
    public Task<int> RevokeAllAsync(string userId, CancellationToken ct) =>
        db.ApiTokens.Where(t => t.UserId == userId && t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), ct);

    public async Task<bool> RevokeAsync(long id, string userId, CancellationToken ct) =>
        await db.ApiTokens.Where(t => t.Id == id && t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), ct) == 1;
}

/// <summary>
/// <c>Authorization: Bearer gzb_…</c>: the token's owner, with their role and district, as long as the
/// token is neither revoked nor expired and the account is not disabled.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AppDbContext db, UserManager<AppUser> users, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(15);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = ApiTokenService.Hash(header[7..].Trim());
        var now = clock.GetUtcNow();
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now) return AuthenticateResult.Fail("invalid, revoked or expired token");
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.Disabled) return AuthenticateResult.Fail("account disabled");
        // Last use is written at most once every 15 minutes: a script's requests do not each wait for a write lock.
        if (token.LastUsedAt is not { } last || now - last > LastUseResolution)
            await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        var principal = await principals.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, principal.Identities.First().NameClaimType, principal.Identities.First().RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
