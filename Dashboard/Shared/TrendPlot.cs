using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Domain.Tracking;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>One quarter of a trend: what was reported (if anything) against what 序时进度 expects.</summary>
public sealed record TrendPoint(Period Period, decimal? Actual, decimal Expected);

/// <summary>The geometry of a <c>TrendChart</c>: a value axis from 0 to a round number above everything drawn, one band per quarter.</summary>
public sealed class TrendPlot
{
    public const int Width = 420, Height = 230, Left = 40, Right = 10, Top = 22, Bottom = 40;

    private readonly double max;
    private readonly int count;

    private TrendPlot(double max, int count, IReadOnlyList<decimal> ticks) => (this.max, this.count, Ticks) = (max, count, ticks);

    public IReadOnlyList<decimal> Ticks { get; }

    public double Band => (Width - Left - Right) / (double)Math.Max(count, 1);

    public double X(int index) => Left + Band * (index + 0.5);

    /// <summary>Below 0 (an interval's low end) is drawn at 0: the axis starts there.</summary>
    public double Y(decimal value) => Height - Bottom - Math.Max(0, (double)value) / max * (Height - Top - Bottom);

    public static TrendPlot For(IReadOnlyList<TrendPoint> points, decimal? goal, TargetForecast? forecast)
    {
        var top = points.SelectMany(p => new[] { p.Actual ?? 0, p.Expected })
            .Append(goal ?? 0).Append(forecast?.High ?? 0).Append(forecast?.Value ?? 0).Max();
        var step = NiceStep(top <= 0 ? 1 : top / 4);
        var ceiling = Math.Max(step, Math.Ceiling(top / step) * step);
        var ticks = new List<decimal>();
        for (var t = 0m; t <= ceiling; t += step) ticks.Add(t);
        return new TrendPlot((double)ceiling, points.Count, ticks);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="rough"/>.</summary>
    public static decimal NiceStep(decimal rough)
    {
        var power = 1m;
        while (power * 10 <= rough) power *= 10;
        while (power > rough && power > 0.01m) power /= 10;
        foreach (var m in new[] { 1m, 2m, 5m, 10m })
            if (m * power >= rough) return m * power;
        return 10 * power;
    }
}

public static class TargetTrend
{
    /// <summary>A numeric target's series as trend points, every plan quarter.</summary>
    public static IReadOnlyList<TrendPoint> Of(TargetStatus target) =>
        target.Series.Select(p => new TrendPoint(Period.Parse(p.Period), p.Actual, p.Expected)).ToList();
}
