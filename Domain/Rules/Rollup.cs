using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Rules;

/// <summary>A child's value (completion or 序时进度, 0–100) and its weight, if one is set.</summary>
public readonly record struct WeightedValue(decimal Value, decimal? Weight);

/// <summary>How progress rolls up the breakdown: milestones → sub-items → tasks.</summary>
public static class Rollup
{
    /// <summary>
    /// The weighted mean of the children. Where some weights are missing they count as the mean of the
    /// set ones, so a half-weighted breakdown still reads sensibly; with no weights it is the plain average.
    /// Null when there are no children.
    /// </summary>
    public static decimal? Of(IReadOnlyCollection<WeightedValue> children)
    {
        if (children.Count == 0) return null;
        var set = children.Where(c => c.Weight is > 0).Select(c => c.Weight!.Value).ToList();
        var fallback = set.Count == 0 ? 1m : set.Average();
        var total = children.Sum(c => c.Weight is > 0 ? c.Weight.Value : fallback);
        return Math.Round(children.Sum(c => c.Value * (c.Weight is > 0 ? c.Weight.Value : fallback)) / total, 1);
    }

    /// <summary>
    /// A milestone's 序时进度 at a quarter: a straight line from the quarter before work starts (0%) to its
    /// due quarter (100%).
    /// </summary>
    public static decimal Expected(Period start, Period due, Period at)
    {
        if (at >= due) return 100m;
        var from = start.Previous.QuartersSinceBaseline;
        var span = due.QuartersSinceBaseline - from;
        if (span <= 0) return 100m;
        return Math.Round(Math.Clamp(at.QuartersSinceBaseline - from, 0, span) * 100m / span, 1);
    }
}
