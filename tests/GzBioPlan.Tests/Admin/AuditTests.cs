using System.Net;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Admin;
using GzBioPlan.Dashboard.Hosting;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;
using Serilog.Parsing;

namespace GzBioPlan.Tests.Admin;

/// <summary>审计日志: sign-ins, account changes and approvals are recorded; the admin reads and exports them; they are kept at least six months.</summary>
public class AuditTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Sign_ins_account_changes_and_approvals_are_recorded_and_the_admin_reads_and_exports_them()
    {
        string name;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            name = "a" + Guid.NewGuid().ToString("N")[..10];
            Assert.True((await AccountSeeder.CreateAsync(users, name, "审计测试", Roles.Leader, null, null, "Audit2026!", isDemo: false)).Succeeded);
        }
        var anonymous = app.Anonymous();
        await anonymous.PostAsync("/login", await AppFactory.LoginForm(anonymous, name, "wrong-password1"));
        await app.SignedIn(name, "Audit2026!");
        var admin = await app.SignedIn("admin");
        var id = app.WithDb(db => db.Users.Single(u => u.UserName == name).Id);
        await Post(admin, "/admin/users", $"/admin/users/{id}/disable", []);
        var office = await app.SignedIn("office");
        await Post(office, "/reporting/completeness?period=2027Q1", "/reporting/exemptions", new() { ["district"] = "440117", ["period"] = "2027Q1", ["reason"] = "测试免报" });

        var page = await admin.GetStringAsync($"/admin/audit?actor={name}");
        Assert.Contains("登录失败", page);
        Assert.Contains("密码错误", page);
        Assert.Contains("data-action=\"sign-in\"", page);
        var all = await admin.GetStringAsync("/admin/audit");
        Assert.Contains("停用账号", all);
        Assert.Contains("设置免报", all);
        Assert.Contains("440117 2027Q1", all);
        var onlyDisabling = await admin.GetStringAsync($"/admin/audit?action={AuditActions.AccountDisabled}");
        Assert.DoesNotContain("data-action=\"sign-in\"", onlyDisabling);

        var export = await admin.GetAsync($"/admin/audit.xlsx?actor={name}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
        var rows = WorkbookReader.Read(await export.Content.ReadAsByteArrayAsync())["审计日志"];
        Assert.Equal(AuditLog.Headers, rows[1].Select(c => c?.ToString()));
        Assert.Contains(rows.Skip(2), r => (string?)r[2] == "登录失败" && (string?)r[1] == name);
        Assert.All(rows.Skip(2), r => Assert.IsType<DateTime>(r[0])); // a date, not text

        Assert.StartsWith("/access-denied", (await office.GetAsync("/admin/audit")).Headers.Location!.PathAndQuery);
        Assert.StartsWith("/access-denied", (await office.GetAsync("/admin/audit.xlsx")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Records_are_kept_at_least_six_months_whatever_the_setting()
    {
        await using var own = new AppFactory();
        own.Settings["Audit:RetentionDays"] = "30";
        var now = own.Clock.Now.UtcDateTime;
        own.WithDb(db =>
        {
            db.AuditEntries.AddRange(
                new AuditEntry { At = now.AddDays(-200), Actor = "old", Action = AuditActions.SignIn },
                new AuditEntry { At = now.AddDays(-100), Actor = "recent", Action = AuditActions.SignIn });
            return db.SaveChanges();
        });
        var run = await own.RunJob(AuditRetentionJob.Key);
        Assert.Contains("删除 183 天前的审计记录 1 条", run.Summary);
        Assert.Equal(["recent"], own.WithDb(db => db.AuditEntries.Where(e => e.Actor == "old" || e.Actor == "recent").Select(e => e.Actor).ToList()));
    }

    [Fact]
    public void A_line_break_in_a_logged_value_never_starts_a_new_line()
    {
        var e = new LogEvent(DateTimeOffset.Now, LogEventLevel.Warning, null, new MessageTemplateParser().Parse("Failed sign-in for {UserName}"),
            [new LogEventProperty("UserName", new ScalarValue("eve\r\n2026-12-01 [INF] User admin signed in\u0007"))]);
        new ControlCharacterEscaper().Enrich(e, null!);
        var rendered = e.RenderMessage();
        Assert.DoesNotContain('\n', rendered);
        Assert.DoesNotContain('\r', rendered);
        Assert.Contains("eve\\r\\n2026-12-01", rendered);
        Assert.Contains("\\u0007", rendered);
    }
}
