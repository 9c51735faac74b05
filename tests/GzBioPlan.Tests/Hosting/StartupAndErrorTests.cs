using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Hosting;

public class StartupAndErrorTests
{
    /// <summary>Starts the built dashboard as a newcomer would, with extra settings, and returns its exit code and output.</summary>
    private static Task<(int ExitCode, string Output)> RunDashboard(params string[] settings) => DashboardProcess.RunAsync(settings);

    [Fact]
    public async Task A_setting_given_as_key_and_value_apart_is_read()
    {
        var (code, output) = await RunDashboard("--Database:Provider", "Oracle", "--Logging:Folder", Path.Combine(Path.GetTempPath(), "gzbioplan-logs"));
        Assert.Equal(1, code);
        Assert.Contains("未知的数据库类型 Database:Provider=Oracle", output);
    }

    [Fact]
    public async Task A_job_schedule_that_is_not_a_cron_expression_stops_start_up_with_one_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gzbioplan-cron-{Guid.NewGuid():N}");
        var (code, output) = await RunDashboard($"--Database:SqlitePath={folder}/app.db", $"--Logging:Folder={folder}/logs", "--Jobs:inbox-scan:Cron=every minute");
        Assert.Equal(1, code);
        Assert.Contains("Jobs:inbox-scan:Cron=every minute 不是有效的 Quartz cron 表达式", output);
    }

    [Fact]
    public async Task A_database_folder_that_cannot_be_created_stops_start_up_with_the_path()
    {
        var blocker = Path.GetTempFileName(); // a file where a folder should be
        var path = Path.Combine(blocker, "data", "gzbioplan.db");
        var (code, output) = await RunDashboard($"--Database:SqlitePath={path}", $"--Logging:Folder={Path.GetTempPath()}gzbioplan-logs");
        Assert.Equal(1, code);
        Assert.Contains("无法创建数据库文件夹", output);
        Assert.Contains(path, output);
        File.Delete(blocker);
    }

    [Fact]
    public async Task A_locked_database_file_stops_start_up_with_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"locked-{Guid.NewGuid():N}.db");
        await using (var holder = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using var cmd = holder.CreateCommand();
            cmd.CommandText = "PRAGMA locking_mode=EXCLUSIVE; CREATE TABLE hold(x); BEGIN EXCLUSIVE; INSERT INTO hold VALUES (1);";
            await cmd.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);

            var (code, output) = await RunDashboard($"--Database:SqlitePath={path}", "--Database:BusyTimeoutSeconds=1", $"--Logging:Folder={Path.GetTempPath()}gzbioplan-logs");
            Assert.Equal(1, code);
            Assert.Contains("被其他程序锁定", output);
            Assert.Contains(path, output);
        }
        File.Delete(path);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("7")]
    public async Task An_unknown_database_provider_stops_start_up_with_one_line_listing_the_accepted_values(string provider)
    {
        var (code, output) = await RunDashboard($"--Database:Provider={provider}", $"--Logging:Folder={Path.GetTempPath()}gzbioplan-logs");
        Assert.Equal(1, code);
        Assert.Contains($"未知的数据库类型 Database:Provider={provider}：可选 Sqlite、SqlServer", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>Publishes what this test run built (no second build) and looks at what a server would get.</summary>
    [Fact]
    public async Task Published_output_holds_no_compiler_assemblies()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gzbioplan-publish-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", Path.Combine(Repo.Root, "Dashboard", "Dashboard.csproj"), "--no-build", "-c", Configuration, "-o", folder }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, output);
        Assert.True(File.Exists(Path.Combine(folder, "GzBioPlan.Dashboard.dll")));
        Assert.Empty(Directory.GetFiles(folder, "Microsoft.CodeAnalysis*", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(folder, "Microsoft.EntityFrameworkCore.Design*", SearchOption.AllDirectories));
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task The_create_admin_command_makes_the_first_admin_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gzbioplan-admin-{Guid.NewGuid():N}");
        string[] settings = [$"--Database:SqlitePath={folder}/app.db", $"--Logging:Folder={folder}/logs"];
        var (code, output) = await RunDashboard(["create-admin", "chief", "Zhuren2026!", .. settings]);
        Assert.Equal(0, code);
        Assert.Contains("已创建管理员账号“chief”", output);
        (code, output) = await RunDashboard(["create-admin", "chief", "Other2026!", .. settings]);
        Assert.Equal(1, code);
        Assert.Contains("已存在", output);
        (code, output) = await RunDashboard(["create-admin", "weak", "abc", .. settings]);
        Assert.Equal(1, code);
        Assert.Contains("密码至少需要 8 位", output);
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, true);
    }

    private sealed class ThrowingApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Appended after the app's own pipeline, so it runs inside its error handling.
            builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ThrowingFilter>());
        }
    }

    private sealed class ThrowingFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path == "/test-boom" ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_friendly_page_with_a_reference_that_is_in_the_log()
    {
        await using var app = new ThrowingApp();
        var response = await app.Anonymous().GetAsync("/test-boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("抱歉，系统出错了", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        var reference = Regex.Match(html, "data-ref>([^<]+)<").Groups[1].Value;
        Assert.NotEmpty(reference);

        var folder = Path.Combine(app.Folder, "logs");
        string text = "";
        for (var i = 0; i < 150 && !text.Contains(reference); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken); // the file sink creates and writes the file in the background
            var logs = Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
            text = string.Join("\n", logs.Select(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); return new StreamReader(s).ReadToEnd(); }));
        }
        Assert.Contains(reference, text);
        Assert.Contains("boom", text);
    }
}
