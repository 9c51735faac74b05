using System.Net.Http.Json;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Cockpit;

/// <summary>
/// The quarter the cockpit, drill-downs and API open on: the last whose reporting is done, never one only because a
/// figure for it exists. 2026Q3's deadline is 15 October 2026 (a Thursday): through that day 2026Q3 is being reported.
/// </summary>
public class ReportingQuarterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateTimeOffset Day(string date) => FixedClock.On(date);

    [Theory]
    [InlineData("2026-10-10", "2026Q2")] // 2026Q3 being reported, 0 of 11 accepted
    [InlineData("2026-10-15", "2026Q2")] // the deadline day itself still belongs to the reporting
    [InlineData("2026-10-16", "2026Q3")] // the day after: 2026Q3 is done
    [InlineData("2026-11-23", "2026Q3")] // 2026Q4 has not ended
    public async Task The_cockpit_opens_on_the_last_quarter_whose_reporting_is_done(string today, string code)
    {
        app.UsedOn(Day(today));
        var leader = await app.SignedIn("leader");
        var label = Period.Parse(code).Label;
        var html = await leader.GetStringAsync("/");
        Assert.Contains($"截至 {label}", html);
        Assert.DoesNotContain("data-provisional", html);
        foreach (var page in new[] { "/targets/target-1", "/districts/440112", "/tasks/task-3" })
        {
            var drill = await leader.GetStringAsync(page);
            Assert.Contains($"<option value=\"{code}\" selected", drill);
            Assert.DoesNotContain("data-provisional", drill);
        }
        var api = await leader.GetFromJsonAsync<ProgressDto>("/api/v1/progress", TestContext.Current.CancellationToken);
        Assert.Equal(label, api!.PeriodLabel);
        Assert.False(api.Provisional);
    }

    [Fact]
    public async Task A_quarter_still_being_reported_opens_and_says_so()
    {
        app.UsedOn(Day("2026-10-10"));
        var leader = await app.SignedIn("leader");
        var html = await leader.GetStringAsync("/?period=2026Q3");
        Assert.Contains("截至 2026年第3季度", html);
        Assert.Contains("报送中：已确认 0/11 区", html);
        Assert.Contains("临时数", html);
        foreach (var page in new[] { "/targets/target-1?period=2026Q3", "/districts/440112?period=2026Q3", "/tasks/task-3?period=2026Q3" })
            Assert.Contains("报送中：已确认 0/11 区", await leader.GetStringAsync(page));
        var api = await leader.GetFromJsonAsync<ProgressDto>("/api/v1/progress?period=2026Q3", TestContext.Current.CancellationToken);
        Assert.True(api!.Provisional);
        Assert.StartsWith("报送中：已确认 0/11 区", api.ReportingNote);

        // A quarter that has not ended says that instead.
        Assert.Contains("本季度尚未结束", await leader.GetStringAsync("/?period=2026Q4"));
    }

    [Fact]
    public async Task One_early_report_for_the_next_quarter_does_not_move_anyones_cockpit()
    {
        app.UsedOn(Day("2026-11-23"));
        app.WithDb(db =>
        {
            db.ProgressReports.Add(new ProgressReport
            {
                WorkItemCode = "task-3", UnitCode = "kjj", Period = Period.Parse("2026Q4"), Status = ProgressStatus.InProgress,
                ProgressPercent = 70, Narrative = "提前报送", ReportedAt = Day("2026-11-23"), ReportedBy = "kjj",
            });
            return db.SaveChanges();
        });
        var html = await (await app.SignedIn("office")).GetStringAsync("/");
        Assert.Contains("截至 2026年第3季度", html);
        Assert.DoesNotContain("未报送）", html);
    }
}
