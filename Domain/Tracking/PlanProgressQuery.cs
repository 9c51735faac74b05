using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Tracking;

/// <summary>Computes <see cref="PlanProgress"/>: targets against trajectory, work items against 序时进度, key areas.</summary>
public sealed class PlanProgressQuery(AppDbContext db, LightThresholds thresholds, BreakdownQuery breakdown)
{
    public async Task<PlanProgress> RunAsync(Period period, CancellationToken ct) =>
        Compute(await ReadTargetsAsync(period, ct), await ReadWorkAsync(period, ct), await KeyAreasAsync(ct), period);

    /// <summary>
    /// The plan's progress at every quarter from <paramref name="upTo"/> back to the first, newest first, computed from
    /// one read of the data (the laggard review and briefing count how long an item has been behind).
    /// </summary>
    public async Task<IReadOnlyList<PlanProgress>> HistoryAsync(Period upTo, CancellationToken ct)
    {
        var (targets, work, areas) = (await ReadTargetsAsync(upTo, ct), await ReadWorkAsync(upTo, ct), await KeyAreasAsync(ct));
        return Period.Range(Period.First, upTo).Reverse().Select(p => Compute(targets, work, areas, p)).ToList();
    }

    private PlanProgress Compute(TargetData targets, WorkData work, IReadOnlyList<KeyAreaView> areas, Period period) =>
        new(period, Targets(targets, period), WorkItems(work, period), areas);

    public async Task<IReadOnlyList<TargetStatus>> TargetsAsync(Period period, CancellationToken ct) => Targets(await ReadTargetsAsync(period, ct), period);

    public async Task<IReadOnlyList<WorkItemStatus>> WorkItemsAsync(Period period, CancellationToken ct) => WorkItems(await ReadWorkAsync(period, ct), period);

    /// <summary>What the targets' state at any quarter up to <c>upTo</c> is computed from: series, judgements and milestones.</summary>
    private sealed record TargetData(IReadOnlyList<Target> Targets, IReadOnlyDictionary<string, Indicator> Indicators,
        IReadOnlyList<TargetJudgement> Judgements, IReadOnlyDictionary<string, IReadOnlyDictionary<Period, decimal?>> Series);

    private async Task<TargetData> ReadTargetsAsync(Period upTo, CancellationToken ct)
    {
        var targets = await db.Targets.AsNoTracking().Include(t => t.TrajectoryPoints).Include(t => t.Milestones)
            .OrderBy(t => t.No).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
        var judgements = await db.TargetJudgements.AsNoTracking().Where(j => j.Period <= upTo).ToListAsync(ct);
        // A quarter's city value depends only on what was reported up to it, so one series up to upTo serves every quarter.
        var series = new Dictionary<string, IReadOnlyDictionary<Period, decimal?>>();
        foreach (var code in targets.Select(t => t.IndicatorCode).OfType<string>().Distinct())
            if (indicators.GetValueOrDefault(code) is { } indicator) series[code] = await IndicatorFigures.CitySeriesAsync(db, indicator, upTo, ct);
        return new TargetData(targets, indicators, judgements, series);
    }

    private List<TargetStatus> Targets(TargetData data, Period period)
    {
        var judgements = data.Judgements.Where(j => j.Period <= period).GroupBy(j => j.TargetCode).ToDictionary(g => g.Key, g => Latest(g.ToList()));
        var result = new List<TargetStatus>();
        foreach (var t in data.Targets)
        {
            var indicator = t.IndicatorCode is { } code ? data.Indicators.GetValueOrDefault(code) : null;
            var milestones = t.Milestones.OrderBy(m => m.SortOrder)
                .Select(m => new TargetMilestoneStatus(m.Title, m.Due, m.CompletedIn, TargetMilestoneRule.IsReached(m.CompletedIn, period), TargetMilestoneRule.IsOverdue(m.Due, m.CompletedIn, period)))
                .ToList();
            var series = indicator is null ? null : data.Series.GetValueOrDefault(indicator.Code);
            decimal? actual = series?.GetValueOrDefault(period);

            if (t.Kind == TargetKind.Numeric && t.Baseline is { } baseline && t.TargetValue is { } goal)
            {
                var trajectory = new Trajectory(baseline, goal, t.TrajectoryPoints.Select(p => new TrajectoryPointValue(p.Period, p.Expected)));
                var expected = trajectory.ExpectedAt(period);
                decimal? behind = actual is { } a ? Math.Round(trajectory.PointsBehind(a, period), 1) : null;
                var points = Period.Range(Period.First, Period.Last)
                    .Select(p => new TargetSeriesPoint(p.ToString(), p <= period ? series?.GetValueOrDefault(p) : null, Math.Round(trajectory.ExpectedAt(p), 2)))
                    .ToList();
                var reported = Period.Range(Period.First, period).Where(p => series?.GetValueOrDefault(p) is not null).Select(p => (p, series![p]!.Value));
                var forecast = ForecastRule.Project(reported, goal, t.Comparison, Period.Last);
                result.Add(Status(t, indicator, actual, Math.Round(expected, 2), behind, LightRule.ForGap(behind, milestones.Any(m => m.Overdue), thresholds), points, milestones,
                    judgements.GetValueOrDefault(t.Code), forecast));
            }
            else
            {
                var light = milestones.Count == 0 ? Light.None : LightRule.ForGap(0, milestones.Any(m => m.Overdue), thresholds);
                result.Add(Status(t, indicator, actual, null, null, light, [], milestones, judgements.GetValueOrDefault(t.Code), null));
            }
        }
        return result;
    }

    private static TargetStatus Status(Target t, Indicator? i, decimal? actual, decimal? expected, decimal? behind, Light light,
        IReadOnlyList<TargetSeriesPoint> series, IReadOnlyList<TargetMilestoneStatus> milestones, JudgementView? judgement, TargetForecast? forecast) =>
        new(t.Code, t.No, t.Name, t.Text, t.Kind, i?.Code, i?.Name, i?.UnitOfMeasure, i?.Aggregation,
            t.Baseline, t.TargetValue, t.Comparison, actual, expected, behind, light, series, milestones, judgement, forecast);

    /// <summary>The newest judgement (a later one in the same quarter supersedes), with its trend against the newest of an earlier quarter.</summary>
    public static JudgementView Latest(IReadOnlyList<TargetJudgement> judgements)
    {
        var latest = judgements.OrderBy(j => j.Period).ThenBy(j => j.Id).Last();
        var before = judgements.Where(j => j.Period < latest.Period).OrderBy(j => j.Period).ThenBy(j => j.Id).LastOrDefault();
        return new JudgementView(latest.Rating, latest.Period, latest.Rationale, latest.AgreedActions, latest.By, latest.At,
            Judgements.TrendFrom(before?.Rating, latest.Rating));
    }

    /// <summary>What the work items' state at any quarter up to <c>upTo</c> is computed from: reports and the breakdown.</summary>
    private sealed record WorkData(IReadOnlyList<WorkItem> Items, IReadOnlyDictionary<string, string> UnitNames, ILookup<Period, ProgressReport> Reports, BreakdownData Breakdown);

    private async Task<WorkData> ReadWorkAsync(Period upTo, CancellationToken ct)
    {
        var items = await db.WorkItems.AsNoTracking()
            .Include(w => w.Parts).ThenInclude(p => p.Units).ThenInclude(u => u.Unit)
            .OrderBy(w => w.Kind).ThenBy(w => w.No)
            .AsSplitQuery()
            .ToListAsync(ct);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        var reports = (await db.ProgressReports.AsNoTracking().Where(r => r.Period <= upTo).ToListAsync(ct)).ToLookup(r => r.Period);
        return new WorkData(items, unitNames, reports, await breakdown.ReadAsync(upTo, null, ct));
    }

    private List<WorkItemStatus> WorkItems(WorkData data, Period period)
    {
        var reports = data.Reports[period].ToList();
        var timeExpected = Math.Round(TimeProgress.ExpectedPercent(period), 1);
        var subItems = breakdown.StateAt(data.Breakdown, period).ToLookup(s => s.WorkItemCode);

        return data.Items.Select(w =>
        {
            var parts = w.Parts.OrderBy(p => p.PartNo).Select(p => new PartView(p.PartNo, p.Summary, Refs(p, UnitRole.Lead), Refs(p, UnitRole.Supporting))).ToList();
            var own = reports.Where(r => r.WorkItemCode == w.Code)
                .GroupBy(r => (r.UnitCode, r.PartNo)).Select(g => g.Newest(r => r.ReportedAt, r => r.Id))
                .OrderBy(r => r.PartNo).ThenBy(r => r.UnitCode)
                .Select(r => new UnitReport(r.UnitCode, data.UnitNames.GetValueOrDefault(r.UnitCode, r.UnitCode), r.PartNo, r.Status, r.ProgressPercent, r.Narrative, r.ReportedAt))
                .ToList();
            // With a breakdown, progress and 序时进度 roll up from its milestones; without one, the lead units' own figures count against elapsed time.
            var breakdownItems = subItems[w.Code].ToList();
            var (progress, expected, overdue) = BreakdownRule.Roll(breakdownItems) is { } rolled
                ? ((decimal?)rolled.Progress, rolled.Expected, rolled.Overdue)
                : (LeadProgress(parts, own.Select(r => (r.UnitCode, r.PartNo, r.ProgressPercent))), timeExpected, false);
            decimal? behind = progress is { } pr ? expected - pr : null;
            return new WorkItemStatus(w.Code, w.Kind, w.No, w.Numbering, w.Title, w.Text, parts, progress, expected,
                LightRule.ForGap(behind, overdue, thresholds), own, breakdownItems);
        }).ToList();
    }

    /// <summary>
    /// A work item's progress: the average of its lead units' latest reports (supporting units'
    /// contributions are shown but do not count). Null when no lead unit reported.
    /// </summary>
    public static decimal? LeadProgress(IReadOnlyList<PartView> parts, IEnumerable<(string Unit, int PartNo, decimal Percent)> reports)
    {
        var lead = reports.Where(r => parts.Any(p => p.PartNo == r.PartNo && p.Leads.Any(u => u.Code == r.Unit))).ToList();
        return lead.Count == 0 ? null : Math.Round(lead.Average(r => r.Percent), 1);
    }

    private static List<UnitRef> Refs(WorkItemPart part, UnitRole role) =>
        part.Units.Where(u => u.Role == role).OrderBy(u => u.SortOrder).Select(u => new UnitRef(u.UnitCode, u.Unit!.Name)).ToList();

    public async Task<IReadOnlyList<KeyAreaView>> KeyAreasAsync(CancellationToken ct) =>
        (await db.KeyAreas.AsNoTracking().Include(a => a.Leads).ThenInclude(l => l.Unit).OrderBy(a => a.No).ToListAsync(ct))
        .Select(a => new KeyAreaView(a.Code, a.No, a.Name, a.Text,
            a.Leads.OrderBy(l => l.SortOrder).Select(l => new UnitRef(l.UnitCode, l.Unit!.Name)).ToList()))
        .ToList();
}
