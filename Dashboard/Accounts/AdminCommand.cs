using GzBioPlan.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// Commands for an administrator at the server:
/// <c>create-admin &lt;user name&gt; &lt;password&gt;</c> for the first admin of a production install, and
/// <c>issue-token &lt;user name&gt; &lt;purpose&gt; [days]</c> for a scripted client's access token.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] is "create-admin" or "issue-token";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Settings such as --Database:SqlitePath=… follow the command's words; they are read by the host, not here.
        args = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return args[0] == "issue-token" ? await IssueTokenAsync(app, args) : await CreateAdminAsync(app, args);
    }

    private static async Task<int> IssueTokenAsync(WebApplication app, string[] args)
    {
        if (args.Length is < 3 or > 4 || (args.Length == 4 && (!int.TryParse(args[3], out var d) || d is < 1 or > ApiTokenService.MaxDays)))
        {
            Console.Error.WriteLine("用法：issue-token <用户名> <用途> [有效天数，默认 90，最多 365]");
            return 2;
        }
        if (!await Hosting.DashboardSetup.InitializeAsync(app)) return 1;
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(args[1]);
        if (user is null || user.Disabled)
        {
            Console.Error.WriteLine($"用户“{args[1]}”不存在或已停用。");
            return 1;
        }
        var days = args.Length == 4 ? int.Parse(args[3]) : 90;
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, args[2], days, app.Lifetime.ApplicationStopping);
        Console.WriteLine(token);
        return 0;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("用法：create-admin <用户名> <密码>");
            return 2;
        }
        if (!await Hosting.DashboardSetup.InitializeAsync(app)) return 1;
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(args[1]) is not null)
        {
            Console.Error.WriteLine($"用户名“{args[1]}”已存在；如需重置密码，请登录管理员页面操作。");
            return 1;
        }
        var result = await AccountSeeder.CreateAsync(users, args[1], "系统管理员", Roles.Admin, null, null, args[2], isDemo: false);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine("创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"已创建管理员账号“{args[1]}”。");
        return 0;
    }
}
