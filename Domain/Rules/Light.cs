namespace GzBioPlan.Domain.Rules;

/// <summary>红黄绿灯: status against 序时进度. <see cref="None"/> means nothing has been reported yet.</summary>
public enum Light
{
    None = 0,
    Green = 1,
    Yellow = 2,
    Red = 3,
}

/// <summary>
/// How far behind trajectory (in percentage points of the whole plan) turns a light yellow or red.
/// Bound from configuration section <c>Lights</c>.
/// </summary>
public sealed record LightThresholds
{
    public const string Section = "Lights";

    /// <summary>Behind by this many points or more: yellow.</summary>
    public decimal YellowBehind { get; init; } = 10m;

    /// <summary>Behind by more than this many points: red.</summary>
    public decimal RedBehind { get; init; } = 30m;

    /// <summary>Quarters in a row an item may be reported 未启动 before it turns yellow, and red.</summary>
    public int NotStartedYellowQuarters { get; init; } = 1;
    public int NotStartedRedQuarters { get; init; } = 2;
}

public static class LightRule
{
    /// <summary>
    /// Green on or ahead of trajectory or less than <see cref="LightThresholds.YellowBehind"/> points
    /// behind; yellow from that up to and including <see cref="LightThresholds.RedBehind"/>; red beyond it,
    /// or whenever a milestone is overdue.
    /// </summary>
    public static Light ForGap(decimal? pointsBehind, bool overdueMilestone, LightThresholds thresholds)
    {
        if (overdueMilestone) return Light.Red;
        if (pointsBehind is not { } behind) return Light.None;
        if (behind > thresholds.RedBehind) return Light.Red;
        if (behind >= thresholds.YellowBehind) return Light.Yellow;
        return Light.Green;
    }

    public static string Label(this Light light) => light switch
    {
        Light.Green => "绿灯",
        Light.Yellow => "黄灯",
        Light.Red => "红灯",
        _ => "未报告",
    };

    /// <summary>Short word printed beside the coloured dot, so a black-and-white printout still reads.</summary>
    public static string Word(this Light light) => light switch
    {
        Light.Green => "正常",
        Light.Yellow => "滞后",
        Light.Red => "严重滞后",
        _ => "未报告",
    };
}
