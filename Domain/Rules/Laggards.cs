using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Rules;

/// <summary>How a laggard moved since the last quarter.</summary>
public enum LaggardTrend
{
    New,
    Better,
    Same,
    Worse,
}

public static class LaggardRule
{
    /// <summary>
    /// What made a red row red, in words for the row: the overdue milestones (a milestone overdue is red whatever the
    /// points), or the points behind beyond the red threshold. Null for a row that is not red.
    /// </summary>
    public static string? RedCause(Light light, decimal? pointsBehind, IReadOnlyList<(string Title, Period Due)> overdueMilestones, decimal redBehind)
    {
        if (light != Light.Red) return null;
        var parts = new List<string>();
        if (overdueMilestones is [var only])
            parts.Add($"节点「{only.Title}」应于{only.Due.Label}完成，已逾期");
        else if (overdueMilestones.Count > 1)
            parts.Add("节点" + string.Concat(overdueMilestones.Take(3).Select(m => $"「{m.Title}」")) + (overdueMilestones.Count > 3 ? $"等 {overdueMilestones.Count} 个" : "")
                + $"已逾期，最早应于{overdueMilestones.Min(m => m.Due).Label}完成");
        if (pointsBehind is { } behind && behind > redBehind) parts.Add($"落后超过 {redBehind:0.#} 个百分点");
        return parts.Count == 0 ? null : "（红灯原因：" + string.Join("；", parts) + "）";
    }

    /// <summary>
    /// Compares points behind now with last quarter's: new when it was not behind then (or had no figure),
    /// better or worse by at least one point, otherwise the same.
    /// </summary>
    public static LaggardTrend Trend(decimal? behindBefore, bool wasBehind, decimal? behindNow)
    {
        if (!wasBehind) return LaggardTrend.New;
        if (behindBefore is not { } before || behindNow is not { } now) return LaggardTrend.Same;
        return now <= before - 1 ? LaggardTrend.Better : now >= before + 1 ? LaggardTrend.Worse : LaggardTrend.Same;
    }

    /// <summary>Consecutive quarters behind, counting back from the latest (index 0).</summary>
    public static int QuartersBehind(IEnumerable<bool> behindLatestFirst) => behindLatestFirst.TakeWhile(b => b).Count();

    public static bool IsBehind(Light light) => light is Light.Yellow or Light.Red;

    /// <summary>
    /// 未启动: an item still reported as not started turns yellow after <paramref name="yellowAfter"/> quarters
    /// in a row and red after <paramref name="redAfter"/>; before that it is not a laggard.
    /// </summary>
    public static Light NotStarted(int quartersNotStarted, int yellowAfter, int redAfter) =>
        quartersNotStarted >= redAfter ? Light.Red : quartersNotStarted >= yellowAfter ? Light.Yellow : Light.None;

    public static string Label(this LaggardTrend t) => t switch
    {
        LaggardTrend.New => "新出现",
        LaggardTrend.Better => "好转",
        LaggardTrend.Worse => "恶化",
        _ => "持平",
    };
}
