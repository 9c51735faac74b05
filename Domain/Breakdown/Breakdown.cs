using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Breakdown;

/// <summary>
/// A milestone at a quarter: how complete its owner reported it (<see cref="Reported"/> this quarter; <see cref="Known"/>
/// when any figure exists up to it), where it should be, whether it is overdue.
/// </summary>
public sealed record MilestoneState(
    long Id, string Title, Period Due, Period OriginalDue, int TimesCarried, decimal? Weight,
    decimal Completion, decimal Expected, bool Reported, bool Overdue, bool Known = true)
{
    public bool Done => Completion >= 100;

    /// <summary>The due quarter in force now, after every carry; <see cref="Due"/> is the one in force at the quarter viewed.</summary>
    public Period DueNow { get; init; } = Due;

    public int TimesCarriedNow { get; init; } = TimesCarried;
}

/// <summary>A sub-item at a quarter, with its milestones and what they roll up to.</summary>
public sealed record SubItemState(
    long Id, string WorkItemCode, int PartNo, string Title, PartyKind OwnerKind, string OwnerCode, string OwnerName,
    string? IndicatorCode, decimal? IndicatorTarget, decimal? Weight, Period Start,
    IReadOnlyList<MilestoneState> Milestones, decimal? Progress, decimal? Expected, Light Light)
{
    public decimal? PointsBehind => Progress is { } p && Expected is { } e ? e - p : null;

    /// <summary>The latest due quarter of its milestones: when the sub-item should be finished.</summary>
    public Period? Due => Milestones.Count == 0 ? null : Milestones.Max(m => m.Due);
}

public static class BreakdownRule
{
    /// <summary>The completion that counts at a quarter: the newest report of that quarter or, failing one, of the latest quarter before.</summary>
    public static (decimal Percent, bool Reported) CompletionAt(IEnumerable<MilestoneReport> reports, Period at) => Completion(LatestUpTo(reports, at), at);

    private static MilestoneReport? LatestUpTo(IEnumerable<MilestoneReport> reports, Period at) =>
        reports.Where(r => r.Period <= at).OrderBy(r => r.Period).ThenBy(r => r.ReportedAt).ThenBy(r => r.Id).LastOrDefault();

    private static (decimal Percent, bool Reported) Completion(MilestoneReport? latest, Period at) =>
        latest is null ? (0m, false) : (latest.Percent, latest.Period == at);

    /// <summary>
    /// The due quarter in force at a quarter: a carry made at the review of quarter c moves the due date only for the
    /// quarters after c, so a quarter already reviewed still shows the milestone as it stood (overdue, if it was).
    /// </summary>
    public static (Period Due, int TimesCarried) DueAt(Period dueNow, int timesCarriedNow, IReadOnlyCollection<MilestoneCarry> carries, Period at)
    {
        var later = carries.Where(c => c.Closing >= at).OrderBy(c => c.Closing).ThenBy(c => c.Id).ToList();
        return later.Count == 0 ? (dueNow, timesCarriedNow) : (later[0].From, timesCarriedNow - later.Count);
    }

    public static MilestoneState State(Milestone m, Period start, IEnumerable<MilestoneReport> reports, IReadOnlyCollection<MilestoneCarry> carries, Period at)
    {
        var latest = LatestUpTo(reports, at);
        var (percent, reported) = Completion(latest, at);
        var (due, times) = DueAt(m.Due, m.TimesCarried, carries, at);
        return new MilestoneState(m.Id, m.Title, due, m.OriginalDue, times, m.Weight, percent,
            Rollup.Expected(start, due, at), reported, due < at && percent < 100, latest is not null) { DueNow = m.Due, TimesCarriedNow = m.TimesCarried };
    }

    /// <summary>A sub-item's progress and 序时进度 roll up from its milestones; its light is red when one is overdue.</summary>
    public static (decimal? Progress, decimal? Expected, Light Light) Roll(IReadOnlyList<MilestoneState> milestones, LightThresholds thresholds)
    {
        var progress = Rollup.Of(milestones.Select(m => new WeightedValue(m.Completion, m.Weight)).ToList());
        var expected = Rollup.Of(milestones.Select(m => new WeightedValue(m.Expected, m.Weight)).ToList());
        decimal? behind = progress is { } p && expected is { } e ? e - p : null;
        return (progress, expected, LightRule.ForGap(behind, milestones.Any(m => m.Overdue), thresholds));
    }

    /// <summary>
    /// A work item's progress and 序时进度 from its started sub-items with milestones; null, so the lead units' own
    /// figures still count, until one of those milestones has a reported figure (setting up a breakdown is not a drop to 0).
    /// </summary>
    public static (decimal Progress, decimal Expected, bool Overdue)? Roll(IReadOnlyList<SubItemState> subItems)
    {
        var measured = subItems.Where(s => s.Progress is not null && s.Expected is not null).ToList();
        if (!measured.Any(s => s.Milestones.Any(m => m.Known))) return null;
        return (Rollup.Of(measured.Select(s => new WeightedValue(s.Progress!.Value, s.Weight)).ToList())!.Value,
            Rollup.Of(measured.Select(s => new WeightedValue(s.Expected!.Value, s.Weight)).ToList())!.Value,
            measured.Any(s => s.Milestones.Any(m => m.Overdue)));
    }

    /// <summary>The quarter a milestone moves to when carried: the one after the quarter being closed, never earlier than it was.</summary>
    public static Period CarryTarget(Period due, Period closing) => due > closing ? due : closing.Next;

    /// <summary>Milestones due by the quarter being closed (as things stand now) and not complete: those a carry moves on.</summary>
    public static bool Carryable(MilestoneState m, Period closing) => m.DueNow <= closing && !m.Done;
}
