using DocumentFormat.OpenXml.Packaging;
using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Briefing;

/// <summary>The office goes from the briefing's print page to the 情况通报, edits and saves it, redrafts, and downloads the Word file.</summary>
public class BriefingReportBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private const string Added = "协调办补充：本季度召开专题会两次。";

    [Fact]
    public async Task The_office_edits_saves_redrafts_and_downloads_the_report()
    {
        var shots = Environment.GetEnvironmentVariable("GZ_SCREENSHOTS");
        var office = await browser.SignedInPage("office", new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        var asked = new List<string>();
        office.Dialog += (_, dialog) => { asked.Add(dialog.Message); dialog.AcceptAsync(); };

        await office.GotoAsync("/briefing?period=2026Q3");
        await office.Locator("[data-briefing-charts]").WaitForAsync();
        if (shots is not null) await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "briefing.png"), FullPage = true });
        await office.ClickAsync("[data-report-link]");
        await office.Locator("[data-report-form]").WaitForAsync();
        Assert.Contains("尚未保存", await office.InnerTextAsync("[data-report-state]"));
        Assert.Contains("存在问题", await office.InnerTextAsync("[data-report-form]"));
        if (shots is not null) await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "briefing-report-1440.png") });

        var progress = office.Locator("textarea[data-section=Progress]");
        await progress.FillAsync(await progress.InputValueAsync() + "\n" + Added);
        await office.FillAsync("input[name='Input.MeetingDate']", "2026-10-20");
        await office.ClickAsync("[data-report-save]");
        await office.WaitForURLAsync(url => url.Contains("version=1&saved=1"));
        Assert.Contains("已保存为第 1 版", await office.InnerTextAsync("[data-notice]"));
        Assert.Contains("会议日期 2026年10月20日", await office.InnerTextAsync("[data-report-state]"));
        Assert.Contains(Added, await progress.InputValueAsync());

        // The Word file of the saved version carries the office's sentence.
        var download = await office.RunAndWaitForDownloadAsync(() => office.ClickAsync("[data-report-docx]"));
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var file = Path.Combine(browser.App.Folder, "情况通报.docx");
        await download.SaveAsAsync(file);
        using (var doc = WordprocessingDocument.Open(file, false))
            Assert.Contains(Added, doc.MainDocumentPart!.Document.Body!.InnerText);

        // 重新起草 asks first, then puts the system's draft back in the form; the saved version stays.
        await office.ClickAsync("[data-redraft]");
        await office.WaitForURLAsync(url => url.Contains("redraft=1"));
        await office.Locator("[data-report-state]", new() { HasTextString = "尚未保存" }).WaitForAsync();
        Assert.Single(asked);
        Assert.Contains("重新起草", asked[0]);
        Assert.DoesNotContain(Added, await progress.InputValueAsync());
        Assert.Equal(1, await office.Locator("[data-table=report-versions] tr[data-version]").CountAsync());

        // A leader on a phone reads the saved text, without a form.
        var leader = await browser.SignedInPage("leader", new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        await leader.GotoAsync("/briefing/report?period=2026Q3");
        Assert.Contains(Added, await leader.InnerTextAsync("[data-report-text]"));
        Assert.Equal(0, await leader.Locator("[data-report-form]").CountAsync());
        var width = await leader.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width} px wide on a 390 px phone");
        if (shots is not null) await leader.ScreenshotAsync(new() { Path = Path.Combine(shots, "briefing-report-390.png"), FullPage = true });
    }
}
