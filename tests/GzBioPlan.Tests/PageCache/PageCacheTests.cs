using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.PageCache;

/// <summary>
/// The page cache: a page, export or JSON answer is rendered once and served until a write moves the data version; the
/// key has the resolved default quarter and the audience, and what is one person's own is filled in per request.
/// (The two-node test shows a write on one node reaching the other's kept answers.)
/// </summary>
public class PageCacheTests(AppFactory app) : IClassFixture<AppFactory>
{
    private long Version() => app.WithDb(db => db.DataVersions.AsNoTracking().Single().Value);

    /// <summary>Changes the figures behind the app's back: SQL that does not move the data version.</summary>
    private void ChangeFiguresUnseen(string period, decimal by) =>
        app.WithDb(db => db.Database.ExecuteSqlRaw($"UPDATE \"IndicatorValues\" SET \"Value\" = \"Value\" + {by} WHERE \"Period\" = '{period}'"));

    private async Task<string> NewUser(string role, string? district = null, string? unit = null)
    {
        using var scope = app.Services.CreateScope();
        var name = "c" + Guid.NewGuid().ToString("N")[..10];
        var created = await AccountSeeder.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), name, "缓存测试" + name[..4], role, district, unit, "Passw0rd!", isDemo: false);
        Assert.True(created.Succeeded);
        return name;
    }

    private static string Without(string html, params string[] patterns) =>
        patterns.Aggregate(html, (h, p) => Regex.Replace(h, p, ""));

    [Fact]
    public async Task A_kept_answer_is_served_until_a_write_moves_the_data_version_then_rendered_anew()
    {
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/?period=2026Q2");
        var json = await office.GetStringAsync("/api/v1/progress?period=2026Q2");
        var version = Version();

        ChangeFiguresUnseen("2026Q2", 1000);
        Assert.Equal(json, await office.GetStringAsync("/api/v1/progress?period=2026Q2")); // kept: the unseen change is not read
        Assert.Equal(Without(page, "value=\"[^\"]{40,}\""), Without(await office.GetStringAsync("/?period=2026Q2"), "value=\"[^\"]{40,}\""));

        // Any write through the app moves the version in its own transaction; the next request renders anew.
        var token = AppFactory.Antiforgery(await office.GetStringAsync("/reporting/completeness?period=2027Q3"));
        var exempt = await office.PostAsync("/reporting/exemptions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["district"] = "440117", ["period"] = "2027Q3", ["reason"] = "缓存测试",
        }));
        Assert.Equal(HttpStatusCode.Redirect, exempt.StatusCode);
        Assert.True(Version() > version);
        Assert.NotEqual(json, await office.GetStringAsync("/api/v1/progress?period=2026Q2"));
        Assert.NotEqual(Without(page, "value=\"[^\"]{40,}\""), Without(await office.GetStringAsync("/?period=2026Q2"), "value=\"[^\"]{40,}\""));
        ChangeFiguresUnseen("2026Q2", -1000);
        app.WithDb(db =>
        {
            db.BumpDataVersionAsync(default).GetAwaiter().GetResult();
            return true;
        });
    }

    [Fact]
    public async Task Writes_no_page_shows_leave_the_version_where_it_is()
    {
        var before = Version();
        var leader = await app.SignedIn("leader"); // a sign-in writes the audit log only
        await leader.GetStringAsync("/?period=2026Q1");
        Assert.Equal(before, Version());
    }

    [Fact]
    public async Task Two_districts_never_see_each_others_kept_pages_or_exports()
    {
        var other = await NewUser(Roles.District, district: "440113");
        var huangpu = await app.SignedIn("huangpu");
        var panyu = await app.SignedIn(other, "Passw0rd!");

        var own = await huangpu.GetAsync("/districts/440112?period=2026Q3");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("黄埔区", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await huangpu.GetAsync("/export/districts/440112.xlsx?period=2026Q3")).StatusCode);

        // The same addresses, now kept for 黄埔, are refused to 番禺 as before they were kept.
        var theirs = await panyu.GetAsync("/districts/440112?period=2026Q3");
        Assert.DoesNotContain("黄埔区工信局（演示）", await theirs.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        Assert.Contains("无权查看", await theirs.Content.ReadAsStringAsync());
        var export = await panyu.GetAsync("/export/districts/440112.xlsx?period=2026Q3");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.StartsWith("/access-denied", export.Headers.Location!.PathAndQuery);
        Assert.Contains("番禺区", await panyu.GetStringAsync("/districts/440113?period=2026Q3"));
    }

    [Fact]
    public async Task Each_reader_gets_their_own_name_watermark_and_form_token_in_a_kept_page_and_its_forms_post()
    {
        var second = await NewUser(Roles.Coordination);
        var office = await app.SignedIn("office");
        var other = await app.SignedIn(second, "Passw0rd!");
        var mine = await office.GetStringAsync("/targets/target-2?period=2026Q3");
        var theirs = await other.GetStringAsync("/targets/target-2?period=2026Q3");

        Assert.Contains("协调办（演示）", mine);
        Assert.DoesNotContain("协调办（演示）", theirs);
        Assert.Contains("内部资料 · 缓存测试" + second[..4], theirs);
        Assert.DoesNotContain(second, mine);
        Assert.NotEqual(AppFactory.Antiforgery(mine), AppFactory.Antiforgery(theirs));
        Assert.DoesNotContain("gz-personal", theirs);

        // The form on the kept page posts with the token it was filled with.
        var post = await other.PostAsync("/targets/target-2/judgements", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(theirs), ["period"] = "2026Q3", ["rating"] = "AmberGreen",
            ["rationale"] = "缓存页面上的表单", ["actions"] = "继续跟踪",
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("缓存页面上的表单", await office.GetStringAsync("/targets/target-2?period=2026Q3")); // a write: everyone's next page has it
    }

    [Fact]
    public async Task Exports_are_kept_per_reader_because_they_carry_the_readers_name()
    {
        var second = await NewUser(Roles.Leader);
        var leader = await app.SignedIn("leader");
        var other = await app.SignedIn(second, "Passw0rd!");
        string Header(byte[] bytes)
        {
            using var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(bytes));
            return package.Workbook.Worksheets["工作目标"].HeaderFooter.OddHeader.RightAlignedText;
        }
        var first = await leader.GetByteArrayAsync("/export/targets.xlsx?period=2026Q3");
        Assert.Equal(first, await leader.GetByteArrayAsync("/export/targets.xlsx?period=2026Q3")); // kept: the same bytes
        Assert.Contains("市领导（演示）", Header(first));
        Assert.Contains("缓存测试" + second[..4], Header(await other.GetByteArrayAsync("/export/targets.xlsx?period=2026Q3")));
    }

    [Fact]
    public async Task A_default_quarter_that_moves_when_the_deadline_passes_is_never_served_stale()
    {
        app.UsedOn(FixedClock.On("2026-10-15"));
        var leader = await app.SignedIn("leader");
        var version = Version();
        Assert.Contains("截至 2026年第2季度", await leader.GetStringAsync("/"));
        Assert.Contains("\"periodLabel\":\"2026年第2季度\"", await leader.GetStringAsync("/api/v1/progress"));

        app.UsedOn(FixedClock.On("2026-10-16")); // nothing written: only the day moved (a new session, the old one has timed out)
        leader = await app.SignedIn("leader");
        Assert.Equal(version, Version());
        Assert.Contains("截至 2026年第3季度", await leader.GetStringAsync("/"));
        Assert.Contains("\"periodLabel\":\"2026年第3季度\"", await leader.GetStringAsync("/api/v1/progress"));
        app.UsedOn(FixedClock.Default);
    }
}
