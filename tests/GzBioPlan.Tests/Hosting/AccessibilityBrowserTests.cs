using System.Text.RegularExpressions;
using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Hosting;

/// <summary>axe-core on every page, as each role sees it: no critical or serious violation anywhere.</summary>
public class AccessibilityBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        [""] = ["/login", "/not-found", "/status/404"],
        ["leader"] = ["/", "/?period=2026Q3&sort=bio_firms", "/?period=2026Q4", "/screen", "/targets/target-1", "/targets/target-3", "/districts/440112",
            "/tasks/task-3", "/units/kjj", "/briefing", "/laggards", "/supervision", "/todo"],
        ["office"] = ["/laggards", "/breakdown", "/breakdown/task-3", "/briefing", "/supervision", "/supervision/new", "/reporting/review",
            "/reporting/completeness", "/account/tokens", "/account/password", "/todo"],
        ["huangpu"] = ["/reporting", "/reporting/entry", "/progress", "/supervision", "/districts/440112", "/account/password", "/", "/todo"],
        ["kjj"] = ["/progress", "/units/kjj", "/supervision", "/todo"],
        ["admin"] = ["/admin/users", "/admin/jobs", "/admin/holidays", "/admin/audit"],
    };

    private Task<IPage> Page(string user) => browser.SignedInPage(user, new BrowserNewContextOptions { BypassCSP = true });

    private static async Task Check(IPage page, string url, List<string> found)
    {
        await page.GotoAsync(url);
        foreach (var v in await Axe.SeriousViolationsAsync(page)) found.Add($"{url} — {v}");
    }

    [Fact]
    public async Task No_page_has_a_critical_or_serious_violation()
    {
        var found = new List<string>();
        foreach (var (user, urls) in PagesByRole)
        {
            var page = await Page(user);
            foreach (var url in urls) await Check(page, url, found);
        }

        // The pages that show one record: a version the district uploaded, the submission the office reviews,
        // a 督办 item, a breakdown import.
        var district = await Page("huangpu");
        var template = await (await district.APIRequest.GetAsync("/reporting/template?period=2026Q4")).BodyAsync();
        var file = Path.Combine(browser.App.Folder, "a11y.xlsx");
        await File.WriteAllBytesAsync(file, Workbooks.Filled(template), TestContext.Current.CancellationToken);
        await district.GotoAsync("/reporting?period=2026Q4");
        await district.SetInputFilesAsync("[data-upload] input[type=file]", file);
        await district.ClickAsync("[data-upload] button[type=submit]");
        await district.WaitForURLAsync(url => url.Contains("/reporting/versions/"));
        await Check(district, new Uri(district.Url).PathAndQuery, found);

        var office = await Page("office");
        await office.GotoAsync("/reporting/review?period=2026Q4");
        await Check(office, await office.Locator("a[href^='/reporting/submissions/']").First.GetAttributeAsync("href") ?? "", found);

        await office.GotoAsync("/laggards?period=2026Q3");
        await office.Locator("[data-open-supervision]").First.ClickAsync();
        await office.FillAsync("textarea[name='Input.Requirement']", "请报告进展。");
        await office.ClickAsync("form[data-open-item] button[type=submit]");
        await office.WaitForURLAsync(url => Regex.IsMatch(url, "/supervision/\\d+$"));
        await Check(office, new Uri(office.Url).PathAndQuery, found);

        var export = Path.Combine(browser.App.Folder, "breakdown.xlsx");
        await File.WriteAllBytesAsync(export, await (await office.APIRequest.GetAsync("/export/breakdown.xlsx")).BodyAsync(), TestContext.Current.CancellationToken);
        await office.GotoAsync("/breakdown");
        await office.SetInputFilesAsync("[data-import] input[type=file]", export);
        await office.ClickAsync("[data-import] button[type=submit]");
        await office.WaitForURLAsync(url => url.Contains("/breakdown/imports/"));
        await Check(office, new Uri(office.Url).PathAndQuery, found);

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
