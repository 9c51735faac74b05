using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Tests.Domain.Rules;

public class ForecastRuleTests
{
    private static IEnumerable<(Period, decimal)> Series(params decimal[] values) =>
        values.Select((v, i) => (Period.All[i], v));

    [Fact]
    public void Too_few_quarters_gives_no_forecast_and_says_how_many()
    {
        var f = ForecastRule.Project(Series(1, 2, 3), 10, "≥", Period.Last);
        Assert.True(f.TooFew);
        Assert.Equal(3, f.Quarters);
        Assert.Null(f.Likelihood);
        Assert.True(ForecastRule.Project([], 10, "≥", Period.Last).TooFew);
    }

    [Fact]
    public void A_straight_line_is_carried_to_2027Q4_with_no_spread()
    {
        // 2024Q4..2025Q3 are quarters 1..4 since the baseline; 2027Q4 is quarter 13.
        var f = ForecastRule.Project(Series(1, 2, 3, 4), 10, "≥", Period.Last);
        Assert.Equal((13m, 13m, 13m), (f.Value!.Value, f.Low!.Value, f.High!.Value));
        Assert.Equal(Judgement.Green, f.Likelihood);
    }

    [Fact]
    public void The_interval_is_80_percent_by_students_t()
    {
        // Fitted by hand: slope 0.6, intercept -0.5, s = 0.3162, t(0.9, 2) = 1.8856, half-width 2.878 at quarter 13.
        var f = ForecastRule.Project(Series(0, 1, 1, 2), 10, "≥", Period.Last);
        Assert.Equal(7.3m, f.Value);
        Assert.Equal(4.42m, f.Low);
        Assert.Equal(10.18m, f.High);
        Assert.Equal(4, f.Quarters);
    }

    [Theory]
    [InlineData(4, "≥", Judgement.Green)]       // even the low end (4.42) reaches it
    [InlineData(7, "≥", Judgement.AmberGreen)]  // the forecast (7.3) does
    [InlineData(10, "≥", Judgement.AmberRed)]   // only the high end (10.18) does
    [InlineData(11, "≥", Judgement.Red)]        // not even the high end
    [InlineData(10, "约", Judgement.AmberRed)]  // 约 reads as "reach about": the same as ≥
    [InlineData(10, null, Judgement.AmberRed)]
    [InlineData(11, "≤", Judgement.Green)]      // to stay under: even the high end is under it
    [InlineData(8, "≤", Judgement.AmberGreen)]
    [InlineData(5, "≤", Judgement.AmberRed)]
    [InlineData(4, "≤", Judgement.Red)]
    public void Likelihood_by_where_the_target_falls_in_the_interval(double target, string? comparison, Judgement expected) =>
        Assert.Equal(expected, ForecastRule.Project(Series(0, 1, 1, 2), (decimal)target, comparison, Period.Last).Likelihood);

    [Theory]
    [InlineData(7.3, 4.42, 10.18, 4.42, Judgement.Green)]      // bounds count as reached
    [InlineData(7.3, 4.42, 10.18, 7.3, Judgement.AmberGreen)]
    [InlineData(7.3, 4.42, 10.18, 10.18, Judgement.AmberRed)]
    public void Bounds_are_inclusive(double value, double low, double high, double target, Judgement expected) =>
        Assert.Equal(expected, ForecastRule.Likelihood((decimal)target, "≥", (decimal)value, (decimal)low, (decimal)high));

    [Theory]
    [InlineData(1, 3.0777)]
    [InlineData(2, 1.8856)]
    [InlineData(11, 1.3634)]
    [InlineData(30, 1.3104)]
    [InlineData(31, 1.2816)]
    public void Students_t_at_ninety_percent(int df, double t) => Assert.Equal(t, ForecastRule.TQuantile90(df), 4);
}
