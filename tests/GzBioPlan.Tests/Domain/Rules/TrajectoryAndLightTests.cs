using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Domain.Rules;

public class TrajectoryAndLightTests
{
    private static readonly LightThresholds Defaults = new();

    [Theory]
    [InlineData("2024Q4", 0.7692)]
    [InlineData("2026Q3", 6.1538)]
    [InlineData("2027Q4", 10)]
    public void Linear_by_quarter_from_baseline_to_target(string period, double expected) =>
        Assert.Equal((decimal)expected, Math.Round(new Trajectory(0, 10).ExpectedAt(Period.Parse(period)), 4));

    [Theory]
    [InlineData("2025Q2", 4)]    // a set point is used as is
    [InlineData("2025Q1", 2.6667)] // between baseline (0 at 2024Q3) and 4 at 2025Q2: 2/3 of the way
    [InlineData("2026Q3", 7)]    // between 4 at 2025Q2 and 10 at 2027Q4: half way
    public void Set_points_bend_the_trajectory(string period, double expected)
    {
        var t = new Trajectory(0, 10, [new TrajectoryPointValue(Period.Parse("2025Q2"), 4)]);
        Assert.Equal((decimal)expected, Math.Round(t.ExpectedAt(Period.Parse(period)), 4));
    }

    [Fact]
    public void Points_behind_are_in_percent_of_the_whole_plan()
    {
        var t = new Trajectory(0, 10);
        var p = Period.Parse("2026Q3"); // expected 61.54 % of the way
        Assert.Equal(11.54m, Math.Round(t.PointsBehind(5, p), 2));
        Assert.True(t.PointsBehind(7, p) < 0);
    }

    [Theory]
    [InlineData(-5.0, false, Light.Green)]   // ahead
    [InlineData(0.0, false, Light.Green)]    // on trajectory
    [InlineData(9.99, false, Light.Green)]
    [InlineData(10.0, false, Light.Yellow)]  // boundary: 10 points behind is yellow
    [InlineData(30.0, false, Light.Yellow)]  // boundary: 30 points behind is still yellow
    [InlineData(30.01, false, Light.Red)]
    [InlineData(0.0, true, Light.Red)]       // an overdue milestone is red whatever the gap
    public void Light_from_gap(double behind, bool overdue, Light expected) =>
        Assert.Equal(expected, LightRule.ForGap((decimal)behind, overdue, Defaults));

    [Fact]
    public void Nothing_reported_has_no_light() => Assert.Equal(Light.None, LightRule.ForGap(null, false, Defaults));

    [Theory]
    [InlineData(4.0, Light.Yellow)]
    [InlineData(15.0, Light.Red)]
    public void Thresholds_are_configurable(double behind, Light expected) =>
        Assert.Equal(expected, LightRule.ForGap((decimal)behind, false, new LightThresholds { YellowBehind = 3, RedBehind = 12 }));

    [Theory]
    [InlineData("2026Q2", null, "2026Q2", false)]   // due this quarter: not yet overdue
    [InlineData("2026Q2", null, "2026Q3", true)]    // past due and not reached
    [InlineData("2026Q2", "2026Q1", "2026Q3", false)]
    [InlineData("2026Q2", "2026Q4", "2026Q3", true)] // reached later than the period looked at
    public void Milestone_overdue(string due, string? done, string at, bool overdue) =>
        Assert.Equal(overdue, TargetMilestoneRule.IsOverdue(Period.Parse(due), done is null ? null : Period.Parse(done), Period.Parse(at)));

    [Theory]
    [InlineData("2024Q4", 7.6923)]
    [InlineData("2027Q4", 100)]
    public void Time_progress_is_share_of_the_plan_elapsed(string period, double expected) =>
        Assert.Equal((decimal)expected, Math.Round(TimeProgress.ExpectedPercent(Period.Parse(period)), 4));
}
