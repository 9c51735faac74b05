using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Targets;

public class JudgementTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(null, Judgement.Red, null)]
    [InlineData(Judgement.AmberRed, Judgement.AmberGreen, Trend.Improving)]
    [InlineData(Judgement.AmberGreen, Judgement.AmberGreen, Trend.Steady)]
    [InlineData(Judgement.Green, Judgement.Red, Trend.Worsening)]
    public void Trend_against_the_previous_call(Judgement? before, Judgement now, Trend? trend) =>
        Assert.Equal(trend, Judgements.TrendFrom(before, now));

    [Fact]
    public void The_newest_call_wins_and_is_compared_with_the_last_quarter_before_it()
    {
        TargetJudgement J(long id, string period, Judgement rating) =>
            new() { Id = id, TargetCode = "target-1", Period = Period.Parse(period), Rating = rating, Rationale = "r", AgreedActions = "a", By = "office" };
        var view = PlanProgressQuery.Latest([J(1, "2026Q2", Judgement.Red), J(2, "2026Q3", Judgement.AmberRed), J(3, "2026Q3", Judgement.AmberGreen)]);
        Assert.Equal(Judgement.AmberGreen, view.Rating); // a later call in the same quarter supersedes
        Assert.Equal(Trend.Improving, view.Trend);
    }

    private async Task<HttpResponseMessage> Judge(HttpClient client, string period, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync($"/targets/target-2?period={period}"));
        fields["period"] = period;
        return await client.PostAsync("/targets/target-2/judgements", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_office_records_judgements_the_cockpit_shows_the_latest_with_its_trend()
    {
        var office = await app.SignedIn("office");
        await Judge(office, "2026Q2", new() { ["rating"] = "AmberGreen", ["rationale"] = "黄埔园区在建，南沙选址已定", ["actions"] = "协调用地指标" });
        var done = await Judge(office, "2026Q3", new() { ["rating"] = "AmberRed", ["rationale"] = "南沙基地开工推迟", ["actions"] = "督办南沙区，下季度调度会专题研究" });
        Assert.Contains("done=judged", done.Headers.Location!.OriginalString);

        var leader = await app.SignedIn("leader");
        var q3 = await leader.GetStringAsync("/?period=2026Q3");
        var row = Regex.Match(q3, "<tr data-target=\"target-2\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-judgement=\"AmberRed\"", row);
        Assert.Contains("变差", row);
        Assert.Contains("data-judgement=\"AmberGreen\"", await leader.GetStringAsync("/?period=2026Q2"));
        Assert.Contains("\"judgement\":\"AmberRed\",\"judgementTrend\":\"Worsening\"", await leader.GetStringAsync("/api/v1/progress?period=2026Q3"));
        var page = await leader.GetStringAsync("/targets/target-2?period=2026Q3");
        Assert.Contains("督办南沙区", page);
        Assert.Contains("黄埔园区在建", page); // history kept
        Assert.DoesNotContain("data-record=\"judgement\"", page); // leaders read, they do not record
        var sheet = WorkbookReader.Read(await leader.GetByteArrayAsync("/export/targets.xlsx?period=2026Q3"))["工作目标"];
        Assert.Equal("黄红（变差）", sheet[3][12]);
    }

    [Fact]
    public async Task A_judgement_without_rationale_is_refused_in_chinese_and_nothing_is_written()
    {
        var office = await app.SignedIn("office");
        var before = app.WithDb(db => db.TargetJudgements.Count());
        var response = await Judge(office, "2025Q4", new() { ["rating"] = "Red", ["rationale"] = "  ", ["actions"] = "x" });
        Assert.Contains("error=text", response.Headers.Location!.OriginalString);
        Assert.Contains("请填写理由和商定措施", await office.GetStringAsync(response.Headers.Location!.OriginalString));
        var tooLong = await Judge(office, "2025Q4", new() { ["rating"] = "Red", ["rationale"] = new string('理', 2001), ["actions"] = "x" });
        Assert.Contains("error=text", tooLong.Headers.Location!.OriginalString);
        Assert.Equal(before, app.WithDb(db => db.TargetJudgements.Count()));
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("kjj")]
    [InlineData("admin")]
    public async Task Only_the_coordination_office_records_judgements(string user)
    {
        var client = await app.SignedIn(user);
        var response = await Judge(client, "2026Q1", new() { ["rating"] = "Green", ["rationale"] = "r", ["actions"] = "a" });
        Assert.True(response.Headers.Location is not null, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.False(app.WithDb(db => db.TargetJudgements.Any(j => j.Period == Period.Parse("2026Q1"))));
    }
}
