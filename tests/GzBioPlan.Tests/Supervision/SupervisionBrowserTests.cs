using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Supervision;

public class SupervisionBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Office_opens_an_item_from_the_laggard_review_the_unit_answers_the_office_closes_it()
    {
        var office = await browser.SignedInPage("office");
        await office.GotoAsync("/laggards?period=2026Q3");
        var row = office.Locator("tr[data-kind=WorkItem]", new() { HasText = "夯实产业基础设施" });
        await row.Locator("[data-open-supervision]").ClickAsync();
        await office.Locator("form[data-open-item] textarea").WaitForAsync();
        Assert.Contains("任务滞后", await office.InputValueAsync("input[name='Input.Title']"));
        Assert.Equal("Unit:kjj", await office.InputValueAsync("select[name='Input.Addressee']"));
        await office.FillAsync("textarea[name='Input.Requirement']", "请于年底前完成菌种库建设方案并报告进展。");
        await office.SelectOptionAsync("select[name='Input.Level']", "Key");
        await office.CheckAsync("input[name='Input.CoHandlers'][value='Unit:fgw']");
        var shots = Environment.GetEnvironmentVariable("GZ_SCREENSHOTS");
        if (shots is not null) await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "supervision-new-1440.png"), FullPage = true });
        await office.ClickAsync("form[data-open-item] button[type=submit]");
        await office.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/supervision/\\d+$"));
        var itemUrl = new Uri(office.Url).PathAndQuery;

        var unit = await browser.SignedInPage("kjj");
        await unit.GotoAsync("/supervision");
        await unit.ClickAsync("table[data-table=ledger] a");
        await unit.ClickAsync("form[data-action=Acknowledge] button");
        await unit.Locator("form[data-action=RequestClose]").WaitForAsync();
        await unit.FillAsync("form[data-action=RequestClose] textarea", "建设方案已经市政府同意，菌种库已开工。");
        await unit.ClickAsync("form[data-action=RequestClose] button");
        await unit.Locator("[data-status=CloseRequested]").WaitForAsync();

        await office.GotoAsync(itemUrl);
        var asked = "";
        office.Dialog += (_, dialog) => { asked = dialog.Message; dialog.AcceptAsync(); };
        await office.FillAsync("form[data-action=Close] textarea", "经核实，菌种库已开工，同意销号。");
        await office.ClickAsync("form[data-action=Close] button");
        await office.Locator("[data-status=Closed]").WaitForAsync();
        var steps = await office.Locator("table[data-table=steps] tr[data-step]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.step)");
        Assert.Equal(["Open", "Acknowledge", "RequestClose", "Close"], steps);
        Assert.StartsWith("确认销号", asked);

        await office.GotoAsync("/supervision");
        Assert.Contains("已销号", await office.InnerTextAsync("table[data-table=ledger]"));
        Assert.Contains("协办：市发展改革委", await office.InnerTextAsync("table[data-table=ledger]"));
        if (shots is not null) await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "supervision-ledger-1440.png"), FullPage = true });
    }
}
