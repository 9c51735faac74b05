using System.Net.Http.Json;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Tests.Support;
using System.Linq;

namespace GzBioPlan.Tests.Targets;

/// <summary>The forecast to 2027Q4 where people read it: the target page beside the office's 研判, the cockpit's chart and the API.</summary>
[Collection(SharedAppCollection.Name)]
public class ForecastTests(AppFactory app)
{
    [Fact]
    public async Task The_target_page_and_the_api_give_the_forecast_and_its_likelihood()
    {
        var leader = await app.SignedIn("leader");
        var page = await leader.GetStringAsync("/targets/target-1?period=2026Q3");
        Assert.Contains("预测 2027年第4季度", page);
        Assert.Contains("80% 区间", page);
        Assert.Contains("data-likelihood=", page);

        var api = await leader.GetFromJsonAsync<ProgressDto>("/api/v1/progress?period=2026Q3", TestContext.Current.CancellationToken);
        var f = api!.Targets.Single(t => t.Code == "target-1").Forecast!;
        Assert.Equal("2027Q4", f.At);
        Assert.Equal(8, f.Quarters); // 2024Q4 … 2026Q3
        Assert.True(f.Low <= f.Value && f.Value <= f.High);
        Assert.Equal(ForecastRule.Likelihood(10, "≥", f.Value!.Value, f.Low!.Value, f.High!.Value).ToString(), f.Likelihood);
        Assert.Null(api.Targets.Single(t => t.Code == "target-3").Forecast); // qualitative: milestones, not a line
    }

    [Fact]
    public async Task The_briefing_carries_the_forecast_beside_the_offices_judgement()
    {
        var office = await app.SignedIn("office");
        var sheet = WorkbookReader.Read(await office.GetByteArrayAsync("/api/v1/briefing?period=2026Q3"))["一、目标"];
        var headers = sheet[1].Select(h => h as string).ToList();
        var likelihood = headers.IndexOf("测算可能性");
        Assert.True(headers.IndexOf("研判") < likelihood);
        var row = sheet.Skip(2).Single(r => r[1] as string == "创新引领型企业");
        Assert.Contains(row[likelihood] as string, new[] { "绿", "黄绿", "黄红", "红" });
        Assert.NotNull(row[headers.IndexOf("2027年第4季度预测")]);
        Assert.Contains("–", row[headers.IndexOf("预测80%区间")] as string);
        var page = await office.GetStringAsync("/briefing?period=2026Q3");
        Assert.Contains("测算可能性", page);
        // The briefing's figures trace too: a target's value to its sources, a task's progress to its page.
        Assert.Contains("href=\"/provenance/leading_firms?period=2026Q3\" data-provenance", page);
        Assert.Contains("href=\"/tasks/task-3?period=2026Q3\" data-provenance", page);
    }

    [Fact]
    public async Task Too_few_quarters_says_so_instead_of_guessing()
    {
        var leader = await app.SignedIn("leader");
        var page = await leader.GetStringAsync("/targets/target-1?period=2025Q2");
        Assert.Contains("已报告 3 个季度，少于 4 个，暂不预测", page);
        var api = await leader.GetFromJsonAsync<ProgressDto>("/api/v1/progress?period=2025Q2", TestContext.Current.CancellationToken);
        var f = api!.Targets.Single(t => t.Code == "target-1").Forecast!;
        Assert.Null(f.Value);
        Assert.Null(f.Likelihood);
    }
}
