using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>Every password set (created, changed, reset) meets <see cref="PasswordRule"/> and repeats none of the account's last few.</summary>
internal sealed class AppPasswordValidator(AppDbContext db) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        if (PasswordRule.Problem(password, user.UserName) is { } problem)
            return IdentityResult.Failed(new IdentityError { Code = "PasswordRule", Description = problem });
        var earlier = await db.PasswordHistories.AsNoTracking().Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id)
            .Take(PasswordRule.Remembered).Select(h => h.Hash).ToListAsync();
        if (user.PasswordHash is { } current) earlier.Add(current);
        if (earlier.Any(hash => manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed))
            return IdentityResult.Failed(new IdentityError { Code = "PasswordReused", Description = $"新密码不能与最近 {PasswordRule.Remembered} 次使用过的密码相同，请换一个。" });
        return IdentityResult.Success;
    }
}

/// <summary>Keeps each new password's hash, for <see cref="AppPasswordValidator"/>: every way a password is set (create, change, reset) goes through here, and the row is saved with the account's own update.</summary>
internal sealed class AppUserStore(AppDbContext db, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.UserStore<AppUser, IdentityRole, AppDbContext>(db, describer)
{
    public override async Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken cancellationToken = default)
    {
        await base.SetPasswordHashAsync(user, passwordHash, cancellationToken);
        if (passwordHash is null) return;
        Context.PasswordHistories.Add(new PasswordHistory { UserId = user.Id, Hash = passwordHash, ChangedAt = clock.GetUtcNow() });
        // Only the last few are ever compared; older ones are of no use to keep.
        var stale = await Context.PasswordHistories.Where(h => h.UserId == user.Id).OrderByDescending(h => h.Id).Skip(PasswordRule.Remembered).ToListAsync(cancellationToken);
        Context.PasswordHistories.RemoveRange(stale);
    }
}
