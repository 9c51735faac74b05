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
}
