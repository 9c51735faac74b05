using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// Roles always; the first admin from configuration (<c>Admin:UserName</c>, <c>Admin:Password</c>);
/// in demo mode one account per role, removed again when demo mode is off.
/// </summary>
public static class AccountSeeder
{
    public const string DemoPassword = "Demo2024!";

    /// <summary>The demo 申报单位 account (README's table).</summary>
    public const string DemoApplicant = "applicant";

    /// <summary>The demo accounts README lists: user name, display name, role, district, unit.</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? District, string? Unit)> DemoAccounts =
    [
        ("leader", "市领导（演示）", Roles.Leader, null, null),
        ("office", "协调办（演示）", Roles.Coordination, null, null),
        ("huangpu", "黄埔区工信局（演示）", Roles.District, "440112", null),
        ("huangpu-review", "黄埔区工信局审核人（演示）", Roles.District, "440112", null),
        ("kjj", "市科技局（演示）", Roles.Unit, null, "kjj"),
        ("admin", "管理员（演示）", Roles.Admin, null, null),
    ];

    public static async Task SeedAsync(IServiceProvider sp, CancellationToken ct)
    {
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var config = sp.GetRequiredService<IConfiguration>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccountSeeder));
        if (config["Admin:UserName"] is { Length: > 0 } adminName && config["Admin:Password"] is { Length: > 0 } adminPassword
            && await users.FindByNameAsync(adminName) is null)
        {
            var result = await CreateAsync(users, adminName, "系统管理员", Roles.Admin, null, null, adminPassword, isDemo: false);
            if (result.Succeeded) logger.LogInformation("Created admin account {UserName} from configuration", adminName);
            else logger.LogError("Could not create admin account {UserName}: {Errors}", adminName, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        if (sp.GetRequiredService<DemoOptions>().Enabled)
        {
            foreach (var a in DemoAccounts)
            {
                if (await users.FindByNameAsync(a.UserName) is null)
                    await CreateAsync(users, a.UserName, a.DisplayName, a.Role, a.District, a.Unit, DemoPassword, isDemo: true);
            }
            // The demo 申报单位 applies for the first demo organisation of the flagship collection.
            var db = sp.GetRequiredService<AppDbContext>();
            if (await users.FindByNameAsync(DemoApplicant) is null
                && await db.Applicants.AsNoTracking().Where(x => x.IsDemo).OrderBy(x => x.Id).FirstOrDefaultAsync(ct) is { } org)
            {
                var user = new AppUser { UserName = DemoApplicant, DisplayName = $"{org.Name}（演示）", ApplicantId = org.Id, IsDemo = true };
                if ((await users.CreateAsync(user, DemoPassword)).Succeeded) await users.AddToRoleAsync(user, Roles.Applicant);
            }
        }
        else
        {
            foreach (var demo in await users.Users.Where(u => u.IsDemo).ToListAsync(ct)) await users.DeleteAsync(demo);
        }
    }

    public static async Task<IdentityResult> CreateAsync(UserManager<AppUser> users, string userName, string displayName, string role,
        string? district, string? unit, string password, bool isDemo)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName, DistrictCode = district, UnitCode = unit, IsDemo = isDemo };
        var created = await users.CreateAsync(user, password);
        return created.Succeeded ? await users.AddToRoleAsync(user, role) : created;
    }
}
