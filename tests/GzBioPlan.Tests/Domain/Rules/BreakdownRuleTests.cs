using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Domain.Rules;

public class BreakdownRuleTests
{
    private static readonly LightThresholds Defaults = new();

    [Theory]
    [InlineData(new double[] { 40, 80 }, new double[] { -1, -1 }, 60)]     // no weights: plain average
    [InlineData(new double[] { 40, 80 }, new double[] { 30, 70 }, 68)]     // weighted
    [InlineData(new double[] { 40, 80, 100 }, new double[] { 20, 60, -1 }, 80)] // a missing weight counts as the mean of the set ones (40)
    [InlineData(new double[] { 100 }, new double[] { 5 }, 100)]
    [InlineData(new double[] { 0, 100 }, new double[] { 0, 0 }, 50)]       // zero weights count as unset
    public void Roll_up_is_weighted_where_weights_are_set_and_an_average_otherwise(double[] values, double[] weights, double expected)
    {
        var children = values.Zip(weights, (v, w) => new WeightedValue((decimal)v, w < 0 ? null : (decimal)w)).ToList();
        Assert.Equal((decimal)expected, Rollup.Of(children));
    }

    [Fact]
    public void Nothing_to_roll_up_is_no_figure() => Assert.Null(Rollup.Of([]));

    [Theory]
    [InlineData("2026Q1", "2026Q4", "2025Q4", 0)]    // before work starts
    [InlineData("2026Q1", "2026Q4", "2026Q1", 25)]   // first quarter of four
    [InlineData("2026Q1", "2026Q4", "2026Q3", 75)]
    [InlineData("2026Q1", "2026Q4", "2026Q4", 100)]  // due this quarter: it should be done by its end
    [InlineData("2026Q1", "2026Q4", "2027Q2", 100)]
    [InlineData("2026Q3", "2026Q3", "2026Q3", 100)]  // a one-quarter milestone
    [InlineData("2027Q1", "2026Q4", "2026Q3", 100)]  // due before it starts (a data slip): due counts
    [InlineData("2024Q4", "2025Q2", "2025Q1", 66.7)]
    public void Milestone_trajectory_runs_from_the_start_to_the_due_quarter(string start, string due, string at, double expected) =>
        Assert.Equal((decimal)expected, Rollup.Expected(Period.Parse(start), Period.Parse(due), Period.Parse(at)));

    private static MilestoneReport Report(long id, string period, decimal percent, int minute = 0) => new()
    {
        Id = id, MilestoneId = 1, Period = Period.Parse(period), Percent = percent, ReporterKind = PartyKind.Unit, ReporterCode = "kjj",
        ReportedAt = new DateTimeOffset(2026, 1, 1, 0, minute, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Completion_counts_the_newest_report_up_to_the_quarter_and_carries_forward()
    {
        MilestoneReport[] reports = [Report(1, "2026Q2", 30), Report(2, "2026Q3", 50), Report(3, "2026Q3", 45, minute: 5), Report(4, "2026Q4", 90)];
        Assert.Equal((0m, false), BreakdownRule.CompletionAt(reports, Period.Parse("2026Q1")));
        Assert.Equal((30m, true), BreakdownRule.CompletionAt(reports, Period.Parse("2026Q2")));
        Assert.Equal((45m, true), BreakdownRule.CompletionAt(reports, Period.Parse("2026Q3"))); // a later correction supersedes
        Assert.Equal((90m, false), BreakdownRule.CompletionAt(reports, Period.Parse("2027Q1"))); // not reported this quarter: last figure stands
    }

    private static Milestone M(string due, decimal? weight = null) => new() { Id = 1, Title = "节点", Due = Period.Parse(due), OriginalDue = Period.Parse(due), Weight = weight };

    [Theory]
    [InlineData("2026Q3", "2026Q3", 50, false)] // due this quarter: not yet overdue
    [InlineData("2026Q2", "2026Q3", 50, true)]  // due last quarter and unfinished
    [InlineData("2026Q2", "2026Q3", 100, false)] // finished
    public void A_milestone_is_overdue_once_its_quarter_has_passed_unfinished(string due, string at, double percent, bool overdue)
    {
        var state = BreakdownRule.State(M(due), Period.Parse("2026Q1"), [Report(1, "2026Q1", (decimal)percent)], [], Period.Parse(at));
        Assert.Equal(overdue, state.Overdue);
    }

    [Theory]
    [InlineData(75, 75, Light.Green)]
    [InlineData(65.1, 75, Light.Green)]  // 9.9 behind
    [InlineData(65, 75, Light.Yellow)]   // 10 behind
    [InlineData(45, 75, Light.Yellow)]   // 30 behind
    [InlineData(44.9, 75, Light.Red)]    // more than 30
    public void A_sub_item_is_lit_by_its_gap_to_the_milestones_trajectory(double completion, double expected, Light light)
    {
        var m = new MilestoneState(1, "节点", Period.Parse("2026Q4"), Period.Parse("2026Q4"), 0, null, (decimal)completion, (decimal)expected, true, false);
        Assert.Equal(light, BreakdownRule.Roll([m], Defaults).Light);
    }

    [Fact]
    public void An_overdue_milestone_turns_its_sub_item_and_work_item_red_whatever_the_gap()
    {
        var done = new MilestoneState(1, "甲", Period.Parse("2026Q1"), Period.Parse("2026Q1"), 0, 3, 100, 100, true, false);
        var late = new MilestoneState(2, "乙", Period.Parse("2026Q2"), Period.Parse("2026Q2"), 0, 1, 95, 100, true, true);
        var (progress, expected, light) = BreakdownRule.Roll([done, late], Defaults);
        Assert.Equal((98.8m, 100m, Light.Red), (progress, expected, light));

        var sub = new SubItemState(1, "T1", 1, "分解任务", PartyKind.Unit, "kjj", "市科技局", null, null, null, Period.Parse("2026Q1"), [done, late], progress, expected, light);
        var empty = sub with { Id = 2, Milestones = [], Progress = null, Expected = null, Light = Light.None };
        Assert.Equal((98.8m, 100m, true), BreakdownRule.Roll([sub, empty])); // a sub-item without milestones does not count
        Assert.Null(BreakdownRule.Roll([empty]));
        // Set up but never reported: no figure yet, so the lead units' own figures keep counting.
        var unreported = sub with { Milestones = [late with { Known = false, Completion = 0 }], Progress = 0, Expected = 100 };
        Assert.Null(BreakdownRule.Roll([unreported]));
        Assert.NotNull(BreakdownRule.Roll([unreported, sub]));
    }

    [Fact]
    public void Work_item_roll_up_weights_its_sub_items()
    {
        SubItemState Sub(long id, decimal progress, decimal expected, decimal? weight) =>
            new(id, "T1", 1, "分解", PartyKind.Unit, "kjj", "市科技局", null, null, weight, Period.Parse("2026Q1"),
                [new MilestoneState(id, "节点", Period.Parse("2026Q4"), Period.Parse("2026Q4"), 0, null, progress, expected, true, false)], progress, expected, Light.Green);
        Assert.Equal((64m, 70m, false), BreakdownRule.Roll([Sub(1, 40, 50, 1), Sub(2, 70, 75, 4)]));
    }

    [Theory]
    [InlineData("2026Q2", "2026Q1", 0)] // before any carry's review: the first due quarter
    [InlineData("2026Q2", "2026Q2", 0)] // the quarter reviewed when it was first carried still shows it as it stood
    [InlineData("2026Q3", "2026Q3", 1)] // after the first carry, up to the second review
    [InlineData("2026Q4", "2026Q4", 2)] // after both
    [InlineData("2026Q4", "2027Q2", 2)]
    public void A_carry_moves_the_due_quarter_only_for_the_quarters_after_its_review(string dueThen, string at, int timesThen)
    {
        // Due 2026Q2, carried at the 2026Q2 review to 2026Q3, then at the 2026Q3 review to 2026Q4.
        MilestoneCarry[] carries =
        [
            new() { Id = 1, MilestoneId = 1, Closing = Period.Parse("2026Q2"), From = Period.Parse("2026Q2"), To = Period.Parse("2026Q3") },
            new() { Id = 2, MilestoneId = 1, Closing = Period.Parse("2026Q3"), From = Period.Parse("2026Q3"), To = Period.Parse("2026Q4") },
        ];
        Assert.Equal((Period.Parse(dueThen), timesThen), BreakdownRule.DueAt(Period.Parse("2026Q4"), 2, carries, Period.Parse(at)));
    }

    [Fact]
    public void A_milestone_overdue_when_reviewed_stays_overdue_in_that_quarter_after_it_is_carried()
    {
        var m = M("2026Q4");
        m.OriginalDue = Period.Parse("2026Q2");
        m.TimesCarried = 1;
        MilestoneCarry[] carried = [new() { Id = 1, MilestoneId = 1, Closing = Period.Parse("2026Q3"), From = Period.Parse("2026Q2"), To = Period.Parse("2026Q4") }];
        var atReview = BreakdownRule.State(m, Period.Parse("2026Q1"), [], carried, Period.Parse("2026Q3"));
        Assert.True(atReview.Overdue);
        Assert.Equal((Period.Parse("2026Q2"), Period.Parse("2026Q4"), 0), (atReview.Due, atReview.DueNow, atReview.TimesCarried));
        Assert.False(BreakdownRule.Carryable(atReview, Period.Parse("2026Q3"))); // already carried: not offered again
        Assert.False(BreakdownRule.State(m, Period.Parse("2026Q1"), [], carried, Period.Parse("2026Q4")).Overdue);
    }

    [Theory]
    [InlineData("2026Q3", "2026Q3", "2026Q4")] // due in the quarter being closed: next quarter
    [InlineData("2026Q1", "2026Q3", "2026Q4")] // overdue from earlier: next quarter too
    [InlineData("2027Q1", "2026Q3", "2027Q1")] // not yet due: stays
    public void Carrying_moves_unfinished_milestones_into_the_next_quarter(string due, string closing, string after) =>
        Assert.Equal(Period.Parse(after), BreakdownRule.CarryTarget(Period.Parse(due), Period.Parse(closing)));
}
