using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Tests.Domain.Rules;

public class PeriodTests
{
    [Theory]
    [InlineData("2026Q3", 2026, 3)]
    [InlineData("2024q4", 2024, 4)]
    [InlineData(" 2027Q1 ", 2027, 1)]
    public void Parses_quarters(string text, int year, int quarter) => Assert.Equal(new Period(year, quarter), Period.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("2026-3")]
    [InlineData("26Q3")]
    [InlineData("2026Q3x")]
    [InlineData("<script>")]
    public void Rejects_what_is_not_a_quarter(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void Plan_runs_13_quarters_from_2024Q4_to_2027Q4()
    {
        Assert.Equal(13, Period.All.Count);
        Assert.Equal(new Period(2024, 4), Period.All[0]);
        Assert.Equal(new Period(2027, 4), Period.All[^1]);
    }

    [Theory]
    [InlineData("2024Q4", 1)]
    [InlineData("2025Q1", 2)]
    [InlineData("2026Q3", 8)]
    [InlineData("2027Q4", 13)]
    public void Counts_quarters_since_baseline(string period, int expected) => Assert.Equal(expected, Period.Parse(period).QuartersSinceBaseline);

    [Theory]
    [InlineData("2026-11-23", "2026Q3")]
    [InlineData("2026-10-01", "2026Q3")]
    [InlineData("2026-09-30", "2026Q2")]
    [InlineData("2025-01-01", "2024Q4")]
    public void Last_finished_quarter(string today, string expected) =>
        Assert.Equal(Period.Parse(expected), Period.LastFinished(DateOnly.Parse(today)));

    [Fact]
    public void Shows_in_chinese_and_knows_its_dates()
    {
        var p = Period.Parse("2026Q3");
        Assert.Equal("2026年第3季度", p.Label);
        Assert.Equal(new DateOnly(2026, 7, 1), p.Start);
        Assert.Equal(new DateOnly(2026, 9, 30), p.End);
        Assert.Equal(Period.Parse("2026Q4"), p.Next);
        Assert.Equal(Period.Parse("2027Q1"), p.Next.Next);
        Assert.Equal(Period.Parse("2025Q4"), Period.Parse("2026Q1").Previous);
    }
}
