using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.Playwright;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Submissions;

public class ReportingBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task District_uploads_a_workbook_with_two_errors_sees_both_fixes_and_resubmits()
    {
        var page = await browser.SignedInPage("huangpu");
        await page.ClickAsync("nav >> text=季度填报");
        await page.Locator("[data-upload]").WaitForAsync();
        // The quarter by its URL: the picker after the menu's enhanced navigation twice did not submit under CI load
        // (noted for the cockpit issue); this test is about the upload.
        await page.GotoAsync("/reporting?period=2026Q4");
        await page.Locator("[data-upload]").WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-template]"));
        var template = Path.Combine(browser.App.Folder, "template.xlsx");
        await download.SaveAsAsync(template);
        var bytes = await File.ReadAllBytesAsync(template, TestContext.Current.CancellationToken);

        var bad = Path.Combine(browser.App.Folder, "黄埔-有错.xlsx");
        await File.WriteAllBytesAsync(bad, Workbooks.Filled(bytes, new Edit(TemplateLayout.IndicatorsSheet, "E3", "九十"), new Edit(TemplateLayout.IndicatorsSheet, "E4", -1)),
            TestContext.Current.CancellationToken);
        await page.SetInputFilesAsync("[data-upload] input[type=file]", bad);
        await page.ClickAsync("[data-upload] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/reporting/versions/"));
        Assert.Contains("未通过检查", await page.InnerTextAsync("[data-result]"));
        var cells = await page.Locator("[data-table=problems] tr[data-cell]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.cell)");
        Assert.Equal(["指标!E3", "指标!E4"], cells);

        await page.ClickAsync("text=返回季度填报");
        // A refused upload is an attempt, listed apart: it takes no version number.
        await page.Locator("[data-table=attempts] tr[data-attempt]").WaitForAsync();
        var good = Path.Combine(browser.App.Folder, "黄埔-已改.xlsx");
        await File.WriteAllBytesAsync(good, Workbooks.Filled(bytes), TestContext.Current.CancellationToken);
        await page.SetInputFilesAsync("[data-upload] input[type=file]", good);
        await page.ClickAsync("[data-upload] button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/reporting/versions/"));
        Assert.Contains("已提交", await page.InnerTextAsync("[data-result]"));

        await page.ClickAsync("text=返回季度填报");
        await page.Locator("[data-table=versions] tr[data-version='1']").WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-table=versions] tr[data-version]").CountAsync());
        Assert.Equal("已提交，待审核", await page.InnerTextAsync("[data-table=versions] tr[data-version='1'] [data-version-status]"));
        Assert.Equal(1, await page.Locator("[data-table=attempts] tr[data-attempt]").CountAsync());
        Assert.Contains("已提交", await page.InnerTextAsync("[data-status]"));
    }

    [Fact]
    public async Task The_office_reminds_every_missing_district_after_confirming()
    {
        var shots = Environment.GetEnvironmentVariable("GZ_SCREENSHOTS");
        var page = await browser.SignedInPage("office", new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        var asked = "";
        page.Dialog += (_, dialog) => { asked = dialog.Message; dialog.AcceptAsync(); };
        await page.GotoAsync("/reporting/completeness?period=2026Q3");
        if (shots is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(shots, "completeness-matrix-1440.png"), FullPage = true });
        await page.ClickAsync("[data-remind-all] button");
        await page.Locator("[data-notice]", new() { HasText = "催报" }).WaitForAsync();
        Assert.Contains("黄埔区", asked);
        Assert.Equal(11, browser.App.WithDb(db => db.Notifications.Count(n => n.Kind == GzBioPlan.Dashboard.Submissions.RemindNow.Kind)));
        if (shots is null) return;
        var phone = await browser.SignedInPage("office", new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await phone.GotoAsync("/reporting/completeness?period=2026Q3");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "completeness-matrix-390.png"), FullPage = true });
    }
}
