using GzBioPlan.Domain.Persistence;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> at the server, for the configured database (README, 备份与恢复).
/// Neither starts the web host; a restore then starts like any first start (migrations bring an older backup up to date).
/// </summary>
public static class BackupCommand
{
    public static bool Matches(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        // Settings such as --Database:SqlitePath=… follow the command's words; they are read by the host, not here.
        args = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (args.Length != 2)
        {
            Console.Error.WriteLine("用法：backup <备份文件>   或   restore <备份文件>");
            return 2;
        }
        var backup = app.Services.GetRequiredService<DatabaseBackup>();
        var location = app.Services.GetRequiredService<DatabaseLocation>();
        var ct = app.Lifetime.ApplicationStopping;
        var problem = args[0] == "backup" ? await backup.BackupAsync(args[1], ct) : await backup.RestoreAsync(args[1], ct);
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return 1;
        }
        Console.WriteLine(args[0] == "backup"
            ? $"已备份 {location.Describe()} 到 {Path.GetFullPath(args[1])}。"
            : $"已从 {Path.GetFullPath(args[1])} 恢复到 {location.Describe()}。启动系统即可使用。");
        return 0;
    }
}
