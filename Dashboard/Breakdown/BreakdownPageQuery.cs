using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Breakdown;

/// <summary>A sub-item as the page shows it: its state plus its indicator's name and city-wide figure.</summary>
public sealed record SubItemRow(SubItemState State, string? Indicator, string? IndicatorFigure);

public sealed record WorkItemBreakdown(WorkItemStatus Status, IReadOnlyList<SubItemRow> SubItems)
{
    public string Title => Status.Numbering + Status.Title;
}

public sealed record Choice(string Value, string Label);

/// <summary>The breakdown page: work items with their sub-items at a quarter, the history, and the office's form choices.</summary>
/// <param name="Open">The quarter now being reported: new sub-items start there by default, and nothing may be set before it.</param>
public sealed record BreakdownView(Period Period, IReadOnlyList<WorkItemBreakdown> Items, IReadOnlyList<BreakdownChange> History,
    IReadOnlyList<Choice> Owners, IReadOnlyList<Choice> Indicators, Period Open)
{
    /// <summary>Unfinished milestones due by this quarter: what 结转 would move on.</summary>
    public int Carryable => Items.Sum(w => w.SubItems.Sum(s => s.State.Milestones.Count(m => BreakdownRule.Carryable(m, Period))));
}

public sealed class BreakdownPageQuery(AppDbContext db, PlanProgressQuery progress, CompletenessQuery completeness, TimeProvider clock)
{
    /// <summary>Who may own a sub-item, as the form and the 任务分解表 write it: a municipal unit or a district (「Unit:kjj」 named 市科技局).</summary>
    public static async Task<IReadOnlyList<Choice>> OwnersAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Municipal).OrderBy(u => u.SortOrder).Select(u => new { u.Code, u.Name }).ToListAsync(ct))
            .Select(u => new Choice($"{PartyKind.Unit}:{u.Code}", u.Name))
            .Concat((await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
                .Select(d => new Choice($"{PartyKind.District}:{d.Code}", d.Name)))
            .ToList();

    /// <summary>All work items, or one (null when the code is unknown).</summary>
    public async Task<BreakdownView?> RunAsync(Period period, string? workItemCode, CancellationToken ct)
    {
        var items = (await progress.WorkItemsAsync(period, ct)).Where(w => workItemCode is null || w.Code == workItemCode).ToList();
        if (items.Count == 0) return null;
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);
        var used = items.SelectMany(w => w.SubItems).Select(s => s.IndicatorCode).OfType<string>().Distinct().ToList();
        var figures = new Dictionary<string, decimal?>();
        foreach (var indicator in indicators.Where(i => used.Contains(i.Code)))
            figures[indicator.Code] = (await IndicatorFigures.CitySeriesAsync(db, indicator, period, ct)).GetValueOrDefault(period);

        string? Figure(SubItemState s) => s.IndicatorCode is { } code && indicators.FirstOrDefault(i => i.Code == code) is { } i
            ? $"{Urls.Format(figures.GetValueOrDefault(code), i.UnitOfMeasure)}" + (s.IndicatorTarget is { } t ? $" / 目标 {Urls.Format(t, i.UnitOfMeasure)}" : "")
            : null;
        var rows = items.Select(w => new WorkItemBreakdown(w, w.SubItems.Select(s =>
            new SubItemRow(s, indicators.FirstOrDefault(i => i.Code == s.IndicatorCode)?.Name, Figure(s))).ToList())).ToList();

        var history = await db.BreakdownChanges.AsNoTracking().Where(c => workItemCode == null || c.WorkItemCode == workItemCode)
            .OrderByDescending(c => c.Id).Take(500).ToListAsync(ct);
        var open = (await completeness.BeingReportedAsync(BeijingTime.Today(clock), ct)).ClampToPlan();
        return new BreakdownView(period, rows, history, await OwnersAsync(db, ct), indicators.Select(i => new Choice(i.Code, $"{i.Name}（{i.UnitOfMeasure}）")).ToList(), open);
    }
}
