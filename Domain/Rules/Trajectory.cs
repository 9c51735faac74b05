using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Rules;

/// <summary>A point the coordination office fixed on a target's trajectory.</summary>
public sealed record TrajectoryPointValue(Period Period, decimal Expected);

/// <summary>
/// 序时进度 of a numeric target: the value expected at each quarter. Linear by quarter from the
/// baseline (at <see cref="Period.Baseline"/>) to the 2027 target, unless points are set; between set
/// points, and between the baseline, set points and the final target, it is linear again.
/// </summary>
public sealed class Trajectory
{
    private readonly SortedList<int, decimal> _anchors = new();

    public Trajectory(decimal baseline, decimal target, IEnumerable<TrajectoryPointValue>? points = null)
    {
        _anchors[0] = baseline;
        _anchors[Period.Last.QuartersSinceBaseline] = target;
        foreach (var p in points ?? [])
        {
            if (p.Period.IsInPlan) _anchors[p.Period.QuartersSinceBaseline] = p.Expected;
        }
        Baseline = baseline;
        Target = target;
    }

    public decimal Baseline { get; }

    public decimal Target { get; }

    public decimal ExpectedAt(Period period)
    {
        var x = Math.Clamp(period.QuartersSinceBaseline, 0, Period.Last.QuartersSinceBaseline);
        if (_anchors.TryGetValue(x, out var exact)) return exact;
        var keys = _anchors.Keys;
        var right = 0;
        while (keys[right] < x) right++;
        var (x0, x1) = (keys[right - 1], keys[right]);
        var (y0, y1) = (_anchors[x0], _anchors[x1]);
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }

    /// <summary>Share of the way from baseline to target, in percent (may exceed 100 or fall below 0).</summary>
    public decimal PercentOfPlan(decimal value) =>
        Target == Baseline ? (value >= Target ? 100m : 0m) : (value - Baseline) * 100m / (Target - Baseline);

    /// <summary>How many percentage points of the whole plan the actual lags the expected value (negative: ahead).</summary>
    public decimal PointsBehind(decimal actual, Period period) =>
        PercentOfPlan(ExpectedAt(period)) - PercentOfPlan(actual);
}

/// <summary>序时进度 of work without a numeric measure: the share of the plan's time that has passed.</summary>
public static class TimeProgress
{
    public static decimal ExpectedPercent(Period period) =>
        Math.Clamp(period.QuartersSinceBaseline, 0, Period.PlanQuarterCount) * 100m / Period.PlanQuarterCount;
}
