using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Tracking;

/// <summary>One point of a numeric target's chart: the city-wide actual (if reported) against 序时进度.</summary>
public sealed record TargetSeriesPoint(string Period, decimal? Actual, decimal Expected);

public sealed record TargetMilestoneStatus(string Title, Period Due, Period? CompletedIn, bool Reached, bool Overdue);

/// <summary>The office's latest 研判 of a target at or before a period, and how it moved since the one before.</summary>
public sealed record JudgementView(Judgement Rating, Period Period, string Rationale, string AgreedActions, string By, DateTimeOffset At, Trend? Trend);

/// <summary>Where a target stands at a period.</summary>
public sealed record TargetStatus(
    string Code, int No, string Name, string Text, TargetKind Kind,
    string? IndicatorCode, string? IndicatorName, string? UnitOfMeasure, Aggregation? Aggregation,
    decimal? Baseline, decimal? TargetValue, string? Comparison,
    decimal? Actual, decimal? Expected, decimal? PointsBehind, Light Light,
    IReadOnlyList<TargetSeriesPoint> Series, IReadOnlyList<TargetMilestoneStatus> Milestones, JudgementView? Judgement,
    TargetForecast? Forecast)
{
    /// <summary>Actual minus expected, in the target's unit.</summary>
    public decimal? Gap => Actual is { } a && Expected is { } e ? a - e : null;

    /// <summary>The value's change since the quarter before <paramref name="period"/>; null when either is not reported.</summary>
    public decimal? ChangeSince(Period period) =>
        Actual is { } now && Series.FirstOrDefault(p => p.Period == period.Previous.ToString())?.Actual is { } before ? now - before : null;

    public int MilestonesReached => Milestones.Count(m => m.Reached);
}

public sealed record UnitRef(string Code, string Name);

public sealed record PartView(int PartNo, string Summary, IReadOnlyList<UnitRef> Leads, IReadOnlyList<UnitRef> Supporting);

public sealed record UnitReport(string UnitCode, string UnitName, int PartNo, ProgressStatus Status, decimal ProgressPercent, string Narrative, DateTimeOffset ReportedAt);

/// <summary>Where a task or measure stands at a period.</summary>
public sealed record WorkItemStatus(
    string Code, WorkItemKind Kind, int No, string Numbering, string Title, string Text,
    IReadOnlyList<PartView> Parts, decimal? Progress, decimal Expected, Light Light, IReadOnlyList<UnitReport> Reports,
    IReadOnlyList<Breakdown.SubItemState> SubItems)
{
    public decimal? PointsBehind => Progress is { } p ? Expected - p : null;

    public bool Involves(string unitCode) => Parts.Any(p => p.Leads.Concat(p.Supporting).Any(u => u.Code == unitCode));

    /// <summary>Whether progress comes from the 任务分解 rather than the lead units' own figures.</summary>
    public bool HasBreakdown => SubItems.Any(s => s.Progress is not null);

    public bool Leads(string unitCode) => Parts.Any(p => p.Leads.Any(u => u.Code == unitCode));
}

public sealed record KeyAreaView(string Code, int No, string Name, string Text, IReadOnlyList<UnitRef> Leads);

/// <summary>The plan's state at one period: the cockpit's content.</summary>
public sealed record PlanProgress(
    Period Period, IReadOnlyList<TargetStatus> Targets, IReadOnlyList<WorkItemStatus> WorkItems, IReadOnlyList<KeyAreaView> KeyAreas);
