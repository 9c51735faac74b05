using GzBioPlan.Tests.Support;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Breakdown;

public class BreakdownBrowserTests(BrowserApp browser) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Office_breaks_a_task_down_the_unit_reports_its_milestone_and_the_task_rolls_up()
    {
        browser.App.Clock.Now = FixedClock.While2026Q1IsReported;
        var office = await browser.SignedInPage("office");
        await office.GotoAsync("/breakdown/task-1?period=2026Q3");
        Assert.Contains("尚无分解节点", await office.InnerTextAsync("h1 + p"));
        await office.FillAsync("form[data-add-subitem] input[name=title]", "创新中心组建方案");
        await office.SelectOptionAsync("form[data-add-subitem] select[name=owner]", "Unit:kjj");
        await office.SelectOptionAsync("form[data-add-subitem] select[name=start]", "2026Q1");
        await office.ClickAsync("form[data-add-subitem] button[type=submit]");
        var card = office.Locator("section[data-subitem]", new() { HasText = "创新中心组建方案" });
        await card.WaitForAsync();

        await card.Locator("summary", new() { HasText = "新增节点" }).ClickAsync();
        await card.Locator("form[data-add-milestone] input[name=title]").FillAsync("组建方案获批");
        await card.Locator("form[data-add-milestone] select[name=due]").SelectOptionAsync("2026Q4");
        await card.Locator("form[data-add-milestone] button[type=submit]").ClickAsync();
        await office.Locator("tr[data-milestone]", new() { HasText = "组建方案获批" }).WaitForAsync();
        Assert.Contains("新增节点", await office.InnerTextAsync("table[data-table=history]"));

        // 市科技局 fills the milestone's completion in its quarterly report; it no longer types a task figure.
        var unit = await browser.SignedInPage("kjj");
        await unit.GotoAsync("/progress?period=2026Q3");
        var slot = unit.Locator("form[data-report='task-1-1']");
        Assert.Equal(0, await slot.Locator("input[name=percent]").CountAsync());
        await slot.Locator("input[aria-label='组建方案获批完成度']").FillAsync("60");
        await slot.Locator("textarea[name=narrative]").FillAsync("组建方案已报市政府审议。");
        await slot.Locator("button[type=submit]").ClickAsync();
        await unit.Locator("p.ok").WaitForAsync();

        // 2026Q3 is the third quarter of four from 2026Q1 to 2026Q4: 75% expected, 60% done, 15 points behind → yellow.
        await office.GotoAsync("/breakdown/task-1?period=2026Q3");
        var row = office.Locator("tr[data-milestone]", new() { HasText = "组建方案获批" });
        Assert.Contains("60%", await row.InnerTextAsync());
        Assert.Contains("75%", await row.InnerTextAsync());
        Assert.Contains("滞后", await office.InnerTextAsync("h1"));
        await office.GotoAsync("/?period=2026Q3#tasks");
        Assert.Contains("60%", await office.Locator("tr", new() { HasText = "组建生物制造（合成生物学）创新中心" }).First.InnerTextAsync());
    }
}
