using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Progress;

public class ProgressBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task What_a_unit_typed_into_one_task_survives_saving_another()
    {
        var page = await browser.SignedInPage("kjj");
        await page.GotoAsync("/progress?period=2027Q1");
        const string task3 = "form[data-draft='task-3-1']";
        const string task1 = "form[data-draft='task-1-1']";
        await page.FillAsync($"{task3} textarea[name=narrative]", "菌种库二期选址完成（尚未保存）");
        await page.SelectOptionAsync($"{task3} select[name=status]", "Blocked");

        await page.FillAsync($"{task1} input[name=percent]", "55");
        await page.FillAsync($"{task1} textarea[name=narrative]", "一期主体完工");
        await page.ClickAsync($"{task1} button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("done=saved"));

        Assert.Equal("一期主体完工", await page.InputValueAsync($"{task1} textarea[name=narrative]")); // saved, shown from the server
        Assert.Equal(0, await page.Locator($"{task1} .draft-note").CountAsync());
        Assert.Equal("菌种库二期选址完成（尚未保存）", await page.InputValueAsync($"{task3} textarea[name=narrative]"));
        Assert.Equal("Blocked", await page.InputValueAsync($"{task3} select[name=status]"));
        Assert.Contains("尚未保存", await page.InnerTextAsync($"{task3} .draft-note"));

        await page.ClickAsync($"{task3} button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("done=saved") && url.Contains("task-3-1"));
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator(".draft-note").CountAsync());
        Assert.Equal("菌种库二期选址完成（尚未保存）", await page.InputValueAsync($"{task3} textarea[name=narrative]"));
    }
}
