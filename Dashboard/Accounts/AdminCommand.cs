using GzBioPlan.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// One-time command for a first admin on a production install:
/// <c>dotnet run --project Dashboard -- create-admin &lt;user name&gt; &lt;password&gt;</c>.
/// </summary>
public static class AdminCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "create-admin";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Settings such as --Database:SqlitePath=… may follow; they are read by the host, not here.
        args = args.Where(a => !a.StartsWith("--")).ToArray();
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
