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

/// <summary>The cockpit on a phone, a tablet, a laptop and a desktop, on the meeting room's screen and on paper.</summary>
public class CockpitScreenBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private Task<IPage> Leader(int width, int height) =>
        browser.SignedInPage("leader", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });

    [Theory]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    [InlineData(1024, 768)]
    [InlineData(1440, 900)]
    public async Task Any_screen_width_without_sideways_scrolling(int width, int height)
    {
        var page = await Leader(width, height);
        await page.GotoAsync("/?period=2026Q3");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        if (width < 760)
        {
            Assert.False(await page.IsVisibleAsync(".nav"));
            await page.ClickAsync(".menu-button"); // the folded menu opens
        }
        Assert.True(await page.IsVisibleAsync(".nav"));
        // Every menu item on one line: one box each, no taller than a line.
        var broken = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.nav a, .nav button')].filter(a => a.getClientRects().length > 1 || a.getBoundingClientRect().height > 30).map(a => a.textContent)");
        Assert.Empty(broken);
        Assert.Equal(11, await page.Locator(".district-map a[data-district]").CountAsync());
        Assert.Equal(4, await page.Locator("[data-tile]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));
    }

    [Fact]
    public async Task The_meeting_room_screen_fits_1920_by_1080_and_refreshes_itself()
    {
        var page = await Leader(1920, 1080);
        await page.GotoAsync("/screen?period=2026Q3");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth"),
            "the 大屏 page scrolls");
        Assert.Equal("300", await page.GetAttributeAsync("[data-refresh]", "data-refresh"));
        Assert.Equal(4, await page.Locator("[data-tile]").CountAsync());
        Assert.Equal(11, await page.Locator(".district-map a[data-district]").CountAsync());
        Assert.Equal(10, await page.Locator("[data-item]").CountAsync());
    }

    [Fact]
    public async Task Printed_on_at_most_three_A4_landscape_pages_the_first_not_only_a_title()
    {
        var page = await Leader(1440, 900);
        await page.GotoAsync("/?period=2026Q3");
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true }));
        var pages = System.Text.RegularExpressions.Regex.Matches(pdf, "/Count (\\d+)").Max(m => int.Parse(m.Groups[1].Value));
        Assert.InRange(pages, 1, 3);
        Assert.Contains("/MediaBox [0 0 841.91", pdf); // A4 landscape in points

        // As laid out for print on A4 landscape with 12 mm margins (273 × 186 mm, 1032 × 703 px), the tiles end on the first page.
        await page.SetViewportSizeAsync(1032, 703);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-tiles]').getBoundingClientRect().bottom < 703"), "the first printed page holds only the title");
    }
}
