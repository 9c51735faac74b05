using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Submissions;

/// <summary>A quarter from web entry to bulk accept, as the district and the office would go through it.</summary>
public class WebEntryBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    private static readonly Period Quarter = Period.Parse("2026Q4");

    [Fact]
    public async Task A_district_enters_on_the_web_is_returned_attaches_a_proof_resubmits_and_is_accepted_in_bulk_with_another()
    {
        var shots = Environment.GetEnvironmentVariable("GZ_SCREENSHOTS");
        var ct = TestContext.Current.CancellationToken;
        // Another district reports by workbook, so the office has two to accept at once.
        var tianhe = await browser.SignedInPage(await browser.App.DistrictAccount("440106"), AppFactory.DistrictPassword);
        await tianhe.GotoAsync($"/reporting?period={Quarter}");
        var template = Path.Combine(browser.App.Folder, "天河-模板.xlsx");
        await (await tianhe.RunAndWaitForDownloadAsync(() => tianhe.ClickAsync("[data-template]"))).SaveAsAsync(template);
        var filled = Path.Combine(browser.App.Folder, "天河-已填.xlsx");
        await File.WriteAllBytesAsync(filled, Workbooks.Filled(await File.ReadAllBytesAsync(template, ct)), ct);
        await tianhe.SetInputFilesAsync("[data-upload] input[type=file]", filled);
        await tianhe.ClickAsync("[data-upload] button[type=submit]");
        await tianhe.WaitForURLAsync(url => url.Contains("/reporting/versions/"));
        Assert.Contains("已提交", await tianhe.InnerTextAsync("[data-result]"));

        var district = await browser.SignedInPage("huangpu", new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        district.Dialog += (_, dialog) => dialog.AcceptAsync();
        await district.GotoAsync($"/reporting?period={Quarter}");
        await district.ClickAsync("[data-entry-link] a");
        await district.Locator("[data-entry]").WaitForAsync();
        Assert.Contains("/reporting/entry", district.Url);

        // Every indicator 5 % above what the city accepted last quarter (the column beside the box).
        var firstCode = await district.Locator("tr[data-indicator]").First.GetAttributeAsync("data-indicator");
        foreach (var row in await district.Locator("tr[data-indicator]").AllAsync())
        {
            var last = (await row.Locator("td.num").InnerTextAsync()).Replace(",", "");
            await row.Locator("input").FillAsync(last == "—" ? "3" : Math.Round(double.Parse(last) * 1.05).ToString());
        }
        var firstValue = double.Parse(await district.InputValueAsync($"input[name='v.{firstCode}']"));
        if (shots is not null)
        {
            await district.ScreenshotAsync(new() { Path = Path.Combine(shots, "web-entry-1440.png") });
            var phone = await browser.SignedInPage("huangpu-review", new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
            await phone.GotoAsync($"/reporting/entry?period={Quarter}");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "web-entry-390.png") });
        }
        await district.ClickAsync("[data-entry-submit]");
        await district.WaitForURLAsync(url => url.Contains("/reporting/versions/"));
        Assert.Contains("已提交", await district.InnerTextAsync("[data-result]"));
        var version = browser.App.WithDb(db => db.SubmissionVersions.Single(v => v.DistrictCode == "440112" && v.Period == Quarter));
        Assert.Equal(UploadChannel.WebForm, version.Channel);

        // The office sees the figures beside last quarter, and returns them.
        var office = await browser.SignedInPage("office", new BrowserNewContextOptions { ViewportSize = new() { Width = 1440, Height = 900 } });
        office.Dialog += (_, dialog) => dialog.AcceptAsync();
        await office.GotoAsync($"/reporting/review?period={Quarter}");
        await office.ClickAsync("tr[data-district='440112'] a[href^='/reporting/submissions/']");
        var figure = office.Locator($"[data-table=figures] tr[data-indicator='{firstCode}'] td.num");
        await figure.First.WaitForAsync();
        Assert.Equal(4, await figure.CountAsync());
        Assert.Equal(firstValue, double.Parse((await figure.Nth(0).InnerTextAsync()).Replace(",", "")));
        Assert.StartsWith("+", await figure.Nth(2).InnerTextAsync());
        Assert.Contains("%", await figure.Nth(3).InnerTextAsync());
        await office.FillAsync("[data-return] textarea[name=reason]", "请附上统计部门出具的产值证明");
        await office.ClickAsync("[data-return] button[type=submit]");
        await office.Locator("[data-status='Returned']").WaitForAsync();

        // The district reads why, attaches the proof and submits again from the web.
        await district.GotoAsync($"/reporting?period={Quarter}");
        Assert.Contains("请附上统计部门出具的产值证明", await district.InnerTextAsync("[data-status]"));
        var proof = Path.Combine(browser.App.Folder, "产值证明.pdf");
        await File.WriteAllBytesAsync(proof, FlagshipDemo.PlainPdf("output certificate"), ct);
        await district.SetInputFilesAsync("[data-proofs] input[type=file]", proof);
        await district.ClickAsync("[data-proofs] button[type=submit]");
        await district.Locator("[data-proofs] li[data-file]", new() { HasText = "产值证明.pdf" }).WaitForAsync();
        await district.ClickAsync("[data-entry-link] a");
        await district.Locator("[data-entry]").WaitForAsync();
        Assert.Contains("请附上统计部门出具的产值证明", await district.InnerTextAsync("[data-returned]")); // why, where the fixing is done
        Assert.Equal(firstValue.ToString(), await district.InputValueAsync($"input[name='v.{firstCode}']"));
        await district.FillAsync($"input[name='v.{firstCode}']", (firstValue + 1).ToString());
        await district.ClickAsync("[data-entry-submit]");
        await district.WaitForURLAsync(url => url.Contains("/reporting/versions/"));
        Assert.Contains("已提交", await district.InnerTextAsync("[data-result]"));
        Assert.Equal(2, browser.App.WithDb(db => db.SubmissionVersions.Count(v => v.DistrictCode == "440112" && v.Period == Quarter)));

        // The office sees the proof, then ticks both districts and accepts them with one confirmation.
        await office.GotoAsync($"/reporting/review?period={Quarter}");
        await office.ClickAsync("tr[data-district='440112'] a[href^='/reporting/submissions/']");
        await office.Locator("[data-proofs] li[data-file]", new() { HasText = "产值证明.pdf" }).WaitForAsync();
        await office.GotoAsync($"/reporting/review?period={Quarter}");
        await office.CheckAsync("tr[data-district='440112'] input[type=checkbox]");
        await office.CheckAsync("tr[data-district='440106'] input[type=checkbox]");
        if (shots is not null) await office.ScreenshotAsync(new() { Path = Path.Combine(shots, "review-bulk-accept-1440.png"), FullPage = true });
        var asked = "";
        office.Dialog += (_, dialog) => asked = dialog.Message;
        await office.ClickAsync("[data-bulk-accept]");
        await office.Locator("tr[data-district='440106'][data-status='Accepted']").WaitForAsync();
        Assert.Contains("确认所选", asked);
        var accepted = browser.App.WithDb(db => db.Submissions.Where(s => s.Period == Quarter && s.Status == SubmissionStatus.Accepted).Select(s => s.DistrictCode).Order().ToList());
        Assert.Equal(["440106", "440112"], accepted);

        // Locked: the entry page no longer takes entries.
        await district.GotoAsync($"/reporting/entry?period={Quarter}");
        await district.Locator("[data-locked]").WaitForAsync();
    }
}
