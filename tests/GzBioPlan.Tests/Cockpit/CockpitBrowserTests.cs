using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Cockpit;

public class CockpitBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Leader_sees_charts_and_tasks_switches_quarter_and_exports_the_tasks_table()
    {
        var page = await browser.SignedInPage("leader");
        Assert.EndsWith("/", page.Url);

        // The chart is drawn on the server: its columns are in the page as it arrives.
        var chart = page.Locator("[data-chart='target-1'] svg rect.actual");
        Assert.True(await chart.CountAsync() > 2);

        var rows = page.Locator("table[data-table='tasks'] tr[data-item]");
        Assert.Equal(10, await rows.CountAsync());
        Assert.Contains("市科技局", await page.Locator("tr[data-item='task-3']").InnerTextAsync());
        Assert.Contains("市人力资源社会保障局", await page.Locator("tr[data-item='measure-4']").InnerTextAsync());

        await page.SelectOptionAsync("[data-period-picker] select[name=period]", "2025Q4");
        await page.WaitForURLAsync(url => url.Contains("period=2025Q4"));
        Assert.Contains("截至 2025年第4季度", await page.InnerTextAsync(".page-head"));
        Assert.True(await page.Locator("[data-chart='target-1'] svg rect.actual").CountAsync() > 2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#tasks a.export"));
        var file = Path.Combine(browser.App.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var sheet = WorkbookReader.Read(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))["任务进展"];
        Assert.Contains("2025年第4季度", sheet[0][0] as string);
        Assert.Equal(11, sheet.Count - 2);
    }

    [Fact]
    public async Task Filter_by_unit_from_the_dropdown_keeps_the_quarter()
    {
        var page = await browser.SignedInPage("office");
        await page.GotoAsync("/?period=2026Q1");
        await page.SelectOptionAsync("#tasks select[name=unit]", "nyncj");
        await page.WaitForURLAsync(url => url.Contains("unit=nyncj"));
        Assert.Contains("period=2026Q1", page.Url);
        var items = await page.Locator("tr[data-item]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.item)");
        Assert.Equal(["task-2", "task-3", "task-6"], items);
    }
}
