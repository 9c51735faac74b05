using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;

namespace GzBioPlan.Domain.Rules;

/// <summary>
/// Where a numeric target is headed: a straight line fitted by least squares to its reported quarters, carried to
/// <see cref="Period.Last"/>, with an 80 % prediction interval, and how likely the 2027 target is on 研判's four grades.
/// </summary>
public sealed record TargetForecast(Period At, int Quarters, decimal? Value, decimal? Low, decimal? High, Judgement? Likelihood)
{
    /// <summary>The fewest reported quarters a line is fitted to: with three the interval rests on one degree of freedom and says little.</summary>
    public const int MinQuarters = 4;

    public bool TooFew => Value is null;
}

public static class ForecastRule
{
    // Student's t at 0.90 (two-sided 80 %) for 1..30 degrees of freedom; beyond, the normal 1.2816.
    private static readonly double[] T90 =
    [
        3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830, 1.3722,
        1.3634, 1.3562, 1.3502, 1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253,
        1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.3150, 1.3137, 1.3125, 1.3114, 1.3104,
    ];

    public static double TQuantile90(int degreesOfFreedom) =>
        degreesOfFreedom < 1 ? throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom))
        : degreesOfFreedom <= T90.Length ? T90[degreesOfFreedom - 1] : 1.2816;

    /// <summary>
    /// Fits value = a + b·quarter over the quarters that have a value and projects it to <paramref name="at"/>. With fewer
    /// than <see cref="TargetForecast.MinQuarters"/> quarters there is no forecast (<see cref="TargetForecast.TooFew"/>).
    /// </summary>
    public static TargetForecast Project(IEnumerable<(Period Period, decimal Value)> series, decimal target, string? comparison, Period at)
    {
        var points = series.Select(p => (X: (double)p.Period.QuartersSinceBaseline, Y: (double)p.Value)).OrderBy(p => p.X).ToList();
        var n = points.Count;
        if (n < TargetForecast.MinQuarters) return new(at, n, null, null, null, null);

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / sxx;
        var intercept = meanY - slope * meanX;
        var residual = points.Sum(p => Math.Pow(p.Y - (intercept + slope * p.X), 2));
        var s = Math.Sqrt(residual / (n - 2));
        var x0 = (double)at.QuartersSinceBaseline;
        var value = intercept + slope * x0;
        var half = TQuantile90(n - 2) * s * Math.Sqrt(1 + 1.0 / n + (x0 - meanX) * (x0 - meanX) / sxx);
        var (low, high) = (value - half, value + half);
        return new(at, n, Round(value), Round(low), Round(high), Likelihood(target, comparison, Round(value), Round(low), Round(high)));
    }

    /// <summary>
    /// Where the target falls in the interval. For a target to reach (≥, 约 or none): 绿 when even the low end reaches it,
    /// 黄绿 when the forecast does, 黄红 when only the high end does, 红 when not even that. A target to stay under (≤) mirrors it.
    /// </summary>
    public static Judgement Likelihood(decimal target, string? comparison, decimal value, decimal low, decimal high)
    {
        var under = comparison is "≤" or "<=";
        var (best, middle, worst) = under ? (low, value, high) : (high, value, low);
        bool Meets(decimal v) => under ? v <= target : v >= target;
        return Meets(worst) ? Judgement.Green : Meets(middle) ? Judgement.AmberGreen : Meets(best) ? Judgement.AmberRed : Judgement.Red;
    }

    private static decimal Round(double v) => Math.Round((decimal)v, 2);
}
