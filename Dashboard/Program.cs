using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Hosting;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Ingest;

// A command's own words (backup /path/file, create-admin name password) come before its settings and are not
// settings: a path starting with "/" would otherwise be read as one and swallow the next argument.
var settings = AdminCommand.Matches(args) || BackupCommand.Matches(args) ? args.SkipWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray() : args;
var builder = WebApplication.CreateBuilder(settings);
try
{
    builder.AddObservability();
    builder.AddPersistence();
    builder.AddTracking();
    builder.AddIngest();
    builder.AddAccounts();
    builder.AddDashboard();
}
catch (StartupException ex)
{
    // A setting a person must fix: one line saying what, not a stack trace.
    Console.Error.WriteLine($"启动失败：{ex.Message}");
    return 1;
}

// Disposed on every way out, so the background log writer flushes what it holds (a start-up failure included).
await using var app = builder.Build();
if (AdminCommand.Matches(args)) return await AdminCommand.RunAsync(app, args);
if (BackupCommand.Matches(args)) return await BackupCommand.RunAsync(app, args);
if (!await app.InitializeAsync()) return 1;

app.UseDashboard();
await app.RunAsync();
return 0;

public partial class Program;
