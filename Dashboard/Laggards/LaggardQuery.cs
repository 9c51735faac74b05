using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Laggards;

public enum LaggardKind
{
    Target,
    Milestone,
    WorkItem,
    SubItem,
    SubItemMilestone,
    MissingMilestoneReport,
    NotStarted,
    MissingProgressReport,
    Submission,
}

/// <summary>One thing behind: what, who answers for it, by how much, for how long, and which way it moves.</summary>
public sealed record LaggardRow(LaggardKind Kind, string Item, string Link, string Responsible, string Gap, decimal? PointsBehind,
    int QuartersBehind, Light Light, LaggardTrend Trend)
{
    /// <summary>Who a supervision item opened from this row is addressed to by default: the first responsible unit, or the district.</summary>
    public (PartyKind Kind, string Code)? Addressee { get; init; }

    /// <summary>An open 督办 item already opened from this row (in any quarter), which the row links to instead of offering a second.</summary>
    public long? OpenItemId { get; init; }

    /// <summary>The title a 督办 item opened from this row gets by default, and is recognised by.</summary>
    public string SupervisionTitle => $"{KindLabel}：{Item}";

    public string KindLabel => Kind switch
    {
        LaggardKind.Target => "目标低于序时进度",
        LaggardKind.Milestone => "里程碑逾期",
        LaggardKind.WorkItem => "任务滞后",
        LaggardKind.SubItem => "分解任务滞后",
        LaggardKind.SubItemMilestone => "分解节点逾期",
        LaggardKind.MissingMilestoneReport => "未报告节点完成度",
        LaggardKind.NotStarted => "未启动",
        LaggardKind.MissingProgressReport => "未报告进展",
        _ => "报送缺报或逾期",
    };
}

public sealed record UnitRank(string UnitCode, string UnitName, int Items, decimal? AverageAhead, int? Rank, int? RankChange);

/// <summary>每季度调度: everything behind at a period, and the units' league table.</summary>
public sealed record LaggardReview(Period Period, IReadOnlyList<LaggardRow> Rows, IReadOnlyList<UnitRank> Units);

public sealed class LaggardQuery(AppDbContext db, PlanProgressQuery progress, CompletenessQuery completeness, LightThresholds thresholds, TimeProvider clock)
{
    /// <summary>Each work item's lead units by name (「市科技局、市发展改革委」): who answers for the item and the targets it delivers.</summary>
    public static Dictionary<string, string> LeadNames(IEnumerable<WorkItemStatus> items) =>
        items.ToDictionary(w => w.Code, w => string.Join("、", w.Parts.SelectMany(p => p.Leads).Select(u => u.Name).Distinct()));

    /// <summary>Who answers for a target and its milestones: the lead units of the work item that delivers it, else 协调办.</summary>
    public static string TargetResponsible(string? deliveredBy, IReadOnlyDictionary<string, string> leads) =>
        deliveredBy is not null && leads.TryGetValue(deliveredBy, out var names) ? names : "协调办";

    public async Task<LaggardReview> RunAsync(Period period, CancellationToken ct)
    {
        // Lights of every quarter up to this one, to tell how long an item has been behind and how it moved.
        var history = await progress.HistoryAsync(period, ct);
        var now = history[0];
        var before = history.Count > 1 ? history[1] : null;
        var targets = await db.Targets.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.DeliveredByCode, ct);
        var leads = LeadNames(now.WorkItems);
        var firstLead = now.WorkItems.ToDictionary(w => w.Code, w => w.Parts.SelectMany(p => p.Leads).First(u => u.Code != PlanSeed.AllDistricts).Code);
        (PartyKind, string)? UnitOf(string? item) => item is not null && firstLead.TryGetValue(item, out var u) ? (PartyKind.Unit, u) : null;
        var rows = new List<LaggardRow>();
        // When each milestone was added, from the breakdown's history (demo milestones have none: they count from the start).
        var addedIn = (await db.BreakdownChanges.AsNoTracking().Where(c => c.Action == BreakdownAction.AddMilestone && c.MilestoneId != null)
                .Select(c => new { Id = c.MilestoneId!.Value, c.At }).ToListAsync(ct))
            .GroupBy(c => c.Id).ToDictionary(g => g.Key, g => Period.Containing(BeijingTime.DateOf(g.Min(c => c.At))));

        foreach (var t in now.Targets)
        {
            var responsible = TargetResponsible(targets.GetValueOrDefault(t.Code), leads);
            foreach (var m in t.Milestones.Where(m => m.Overdue))
            {
                rows.Add(new LaggardRow(LaggardKind.Milestone, $"{t.Name}：{m.Title}", $"/targets/{t.Code}?period={period}", responsible,
                    $"计划{m.Due.Label}完成，尚未完成", null, period.QuartersSinceBaseline - m.Due.QuartersSinceBaseline, Light.Red,
                    before?.Targets.First(x => x.Code == t.Code).Milestones.Any(x => x.Title == m.Title && x.Overdue) == true ? LaggardTrend.Same : LaggardTrend.New)
                    { Addressee = UnitOf(targets.GetValueOrDefault(t.Code)) });
            }
            if (t.Kind != TargetKind.Numeric || !LaggardRule.IsBehind(t.Light)) continue;
            var previous = before?.Targets.First(x => x.Code == t.Code);
            rows.Add(new LaggardRow(LaggardKind.Target, t.Name, $"/targets/{t.Code}?period={period}", responsible,
                $"实际 {Shared.Urls.Format(t.Actual, t.UnitOfMeasure)}，应达 {Shared.Urls.Format(t.Expected, t.UnitOfMeasure)}，落后 {t.PointsBehind:0.#} 个百分点"
                + LaggardRule.RedCause(t.Light, t.PointsBehind, t.Milestones.Where(m => m.Overdue).Select(m => (m.Title, m.Due)).ToList(), thresholds.RedBehind),
                t.PointsBehind, LaggardRule.QuartersBehind(history.Select(h => LaggardRule.IsBehind(h.Targets.First(x => x.Code == t.Code).Light))), t.Light,
                LaggardRule.Trend(previous?.PointsBehind, previous is not null && LaggardRule.IsBehind(previous.Light), t.PointsBehind))
                { Addressee = UnitOf(targets.GetValueOrDefault(t.Code)) });
        }

        foreach (var w in now.WorkItems)
        {
            if (LaggardRule.IsBehind(w.Light))
            {
                var previous = before?.WorkItems.First(x => x.Code == w.Code);
                rows.Add(new LaggardRow(LaggardKind.WorkItem, w.Numbering + w.Title, $"/tasks/{w.Code}?period={period}", leads[w.Code],
                    $"进展 {w.Progress:0.#}%，序时进度 {w.Expected:0.#}%，落后 {w.PointsBehind:0.#} 个百分点"
                    + LaggardRule.RedCause(w.Light, w.PointsBehind, w.SubItems.SelectMany(s => s.Milestones.Where(m => m.Overdue).Select(m => ($"{s.Title}·{m.Title}", m.Due))).ToList(),
                        thresholds.RedBehind), w.PointsBehind,
                    LaggardRule.QuartersBehind(history.Select(h => LaggardRule.IsBehind(h.WorkItems.First(x => x.Code == w.Code).Light))), w.Light,
                    LaggardRule.Trend(previous?.PointsBehind, previous is not null && LaggardRule.IsBehind(previous.Light), w.PointsBehind))
                    { Addressee = UnitOf(w.Code) });
            }
            foreach (var sub in w.SubItems)
                rows.AddRange(SubItemRows(w, sub, history, before, period, addedIn));
            foreach (var unit in w.Parts.SelectMany(p => p.Leads.Select(u => (Part: p.PartNo, Unit: u))).Where(x => x.Unit.Code != PlanSeed.AllDistricts))
            {
                bool NotStarted(PlanProgress h) => h.WorkItems.First(x => x.Code == w.Code).Reports
                    .Any(r => r.UnitCode == unit.Unit.Code && r.PartNo == unit.Part && r.Status == ProgressStatus.NotStarted);
                var quarters = LaggardRule.QuartersBehind(history.Select(NotStarted));
                var notStarted = LaggardRule.NotStarted(quarters, thresholds.NotStartedYellowQuarters, thresholds.NotStartedRedQuarters);
                if (notStarted != Light.None)
                {
                    rows.Add(new LaggardRow(LaggardKind.NotStarted, w.Numbering + w.Title + (w.Parts.Count > 1 ? $"（分项{unit.Part}）" : ""),
                        $"/tasks/{w.Code}?period={period}", unit.Unit.Name, $"连续 {quarters} 个季度报告“未启动”", null, quarters, notStarted,
                        quarters > 1 ? LaggardTrend.Worse : LaggardTrend.New) { Addressee = (PartyKind.Unit, unit.Unit.Code) });
                }
                bool Missing(PlanProgress h) => !h.WorkItems.First(x => x.Code == w.Code).Reports.Any(r => r.UnitCode == unit.Unit.Code && r.PartNo == unit.Part);
                if (!Missing(now)) continue;
                rows.Add(new LaggardRow(LaggardKind.MissingProgressReport, w.Numbering + w.Title + (w.Parts.Count > 1 ? $"（分项{unit.Part}）" : ""),
                    $"/tasks/{w.Code}?period={period}", unit.Unit.Name, "本季度未报告进展", null, LaggardRule.QuartersBehind(history.Select(Missing)),
                    Light.Yellow, before is not null && Missing(before) ? LaggardTrend.Same : LaggardTrend.New)
                    { Addressee = (PartyKind.Unit, unit.Unit.Code) });
            }
        }

        // Submissions are judged once the quarter's deadline has passed.
        if (completeness.DeadlineEnd(period) <= clock.GetUtcNow())
        {
            foreach (var d in (await completeness.DistrictsAsync(period, ct)).Where(d => d.Timeliness is Timeliness.Missing or Timeliness.Late))
            {
                rows.Add(new LaggardRow(LaggardKind.Submission, $"{period.Label}报表", $"/reporting/review?period={period}", d.DistrictName,
                    d.Timeliness == Timeliness.Missing ? "截止日已过，未报送" : "逾期报送", null, d.Timeliness == Timeliness.Missing ? 1 : 0,
                    d.Timeliness == Timeliness.Missing ? Light.Red : Light.Yellow, LaggardTrend.New)
                    { Addressee = (PartyKind.District, d.DistrictCode) });
            }
        }

        // Recognised by the title it was opened with and the page it came from (whatever quarter that page showed).
        static string PathOf(string link) => link.Split('?', '#')[0];
        var open = (await db.SupervisionItems.AsNoTracking().Where(i => i.Status != SupervisionStatus.Closed && i.SourceLink != null)
                .Select(i => new { i.Id, i.Title, i.SourceLink }).ToListAsync(ct))
            .GroupBy(i => (i.Title, PathOf(i.SourceLink!))).ToDictionary(g => g.Key, g => g.Min(i => i.Id));
        rows = rows.Select(r => open.TryGetValue((r.SupervisionTitle, PathOf(r.Link)), out var id) ? r with { OpenItemId = id } : r).ToList();

        return new LaggardReview(period,
            rows.OrderByDescending(r => r.Light).ThenByDescending(r => r.PointsBehind ?? 0).ThenByDescending(r => r.QuartersBehind).ToList(),
            UnitLeague(now, before));
    }

    /// <summary>A sub-item behind its milestones' 序时进度, and each of its overdue milestones; both answered for by its owner.</summary>
    private IEnumerable<LaggardRow> SubItemRows(WorkItemStatus w, SubItemState sub, IReadOnlyList<PlanProgress> history, PlanProgress? before, Period period,
        IReadOnlyDictionary<long, Period> addedIn)
    {
        var link = $"/breakdown/{w.Code}?period={period}#s{sub.Id}";
        var addressee = (sub.OwnerKind, sub.OwnerCode);
        SubItemState? At(PlanProgress h) => h.WorkItems.First(x => x.Code == w.Code).SubItems.FirstOrDefault(s => s.Id == sub.Id);
        foreach (var m in sub.Milestones.Where(m => m.Overdue))
        {
            var wasOverdue = before is not null && At(before)?.Milestones.Any(x => x.Id == m.Id && x.Overdue) == true;
            yield return new LaggardRow(LaggardKind.SubItemMilestone, $"{w.Numbering}{sub.Title}：{m.Title}", link, sub.OwnerName,
                $"计划{m.Due.Label}完成，完成 {m.Completion:0.#}%" + (m.TimesCarried > 0 ? $"（原定{m.OriginalDue.Label}，已结转{m.TimesCarried}次）" : ""),
                null, period.QuartersSinceBaseline - m.Due.QuartersSinceBaseline, Light.Red, wasOverdue ? LaggardTrend.Same : LaggardTrend.New)
                { Addressee = addressee };
        }
        // Unfinished milestones of a started sub-item are reported every quarter, by a unit or a district alike.
        // A milestone is owed a figure from the quarter it was added in, not for quarters before it existed.
        bool Owed(MilestoneState m, Period at) => !m.Done && !m.Reported && (!addedIn.TryGetValue(m.Id, out var added) || added <= at);
        bool Unreported(SubItemState? s, Period at) => s is not null && s.Start <= at && s.Milestones.Any(m => Owed(m, at));
        if (Unreported(sub, period))
        {
            var count = sub.Milestones.Count(m => Owed(m, period));
            yield return new LaggardRow(LaggardKind.MissingMilestoneReport, $"{w.Numbering}{sub.Title}", link, sub.OwnerName,
                $"{count} 个未完成的节点本季度未报告完成度", null, LaggardRule.QuartersBehind(history.Select(h => Unreported(At(h), h.Period))), Light.Yellow,
                before is not null && Unreported(At(before), before.Period) ? LaggardTrend.Same : LaggardTrend.New)
                { Addressee = addressee };
        }
        // Red only because of an overdue milestone: the milestone rows above already say so.
        if (!LaggardRule.IsBehind(sub.Light) || (sub.Milestones.Any(m => m.Overdue) && sub.PointsBehind < thresholds.YellowBehind)) yield break;
        var previous = before is null ? null : At(before);
        yield return new LaggardRow(LaggardKind.SubItem, $"{w.Numbering}{sub.Title}", link, sub.OwnerName,
            $"进展 {sub.Progress:0.#}%，序时进度 {sub.Expected:0.#}%，落后 {sub.PointsBehind:0.#} 个百分点"
            + LaggardRule.RedCause(sub.Light, sub.PointsBehind, sub.Milestones.Where(m => m.Overdue).Select(m => (m.Title, m.Due)).ToList(), thresholds.RedBehind),
            sub.PointsBehind,
            LaggardRule.QuartersBehind(history.Select(h => At(h) is { } s && LaggardRule.IsBehind(s.Light))), sub.Light,
            LaggardRule.Trend(previous?.PointsBehind, previous is not null && LaggardRule.IsBehind(previous.Light), sub.PointsBehind))
            { Addressee = addressee };
    }

    /// <summary>Units ranked by how far ahead of 序时进度 the items they lead are on average; change since last quarter.</summary>
    public static IReadOnlyList<UnitRank> UnitLeague(PlanProgress now, PlanProgress? before)
    {
        static Dictionary<string, (string Name, int Items, decimal? Ahead)> Scores(PlanProgress p) =>
            p.WorkItems.SelectMany(w => w.Parts.SelectMany(part => part.Leads).DistinctBy(u => u.Code).Select(u => (Unit: u, Item: w)))
                .Where(x => x.Unit.Code != PlanSeed.AllDistricts)
                .GroupBy(x => x.Unit.Code)
                .ToDictionary(g => g.Key, g =>
                {
                    var reported = g.Where(x => x.Item.Progress is not null).Select(x => x.Item.Progress!.Value - x.Item.Expected).ToList();
                    return (g.First().Unit.Name, g.Count(), reported.Count == 0 ? (decimal?)null : Math.Round(reported.Average(), 1));
                });
        static Dictionary<string, int> Ranks(Dictionary<string, (string Name, int Items, decimal? Ahead)> s) =>
            DistrictLeagueQuery.Ranks(s.Where(x => x.Value.Ahead is not null).Select(x => (x.Key, x.Value.Ahead!.Value)));

        var scores = Scores(now);
        var ranks = Ranks(scores);
        var previous = before is null ? [] : Ranks(Scores(before));
        return scores.Select(s => new UnitRank(s.Key, s.Value.Name, s.Value.Items, s.Value.Ahead,
                ranks.TryGetValue(s.Key, out var r) ? r : null,
                ranks.TryGetValue(s.Key, out var r2) && previous.TryGetValue(s.Key, out var b) ? b - r2 : null))
            .OrderBy(u => u.Rank ?? int.MaxValue).ThenBy(u => u.UnitCode).ToList();
    }
}
