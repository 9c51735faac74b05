using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Targets;

public sealed record DistrictFigure(string Code, string Name, decimal? Value);

/// <summary>One target in depth: its history against trajectory, each district's share, and the roster behind it.</summary>
public sealed record TargetDetails(Period Period, TargetStatus Target, IReadOnlyList<DistrictFigure> Districts, IReadOnlyList<RosterLine> Roster)
{
    public IEnumerable<TargetSeriesPoint> History => Target.Series.Where(p => Period.Parse(p.Period) <= Period);
}

public sealed class TargetDetailsQuery(AppDbContext db, PlanProgressQuery progress)
{
    public async Task<TargetDetails?> RunAsync(string code, Period period, CancellationToken ct)
    {
        var target = (await progress.TargetsAsync(period, ct)).FirstOrDefault(t => t.Code == code);
        if (target is null) return null;
        var indicator = target.IndicatorCode is { } ic ? await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == ic, ct) : null;
        IReadOnlyList<DistrictFigure> districts = [];
        IReadOnlyList<RosterLine> roster = [];
        if (indicator is not null)
        {
            var values = await IndicatorFigures.DistrictValuesAsync(db, [indicator], period, ct);
            var reported = await IndicatorFigures.ReportedPeriods(db, period, ct);
            var districtRows = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
            // A roster count is 0, not missing, for a district with no entries in a quarter that was reported.
            var zeroIfAbsent = indicator.Aggregation == Aggregation.DistinctCount && reported.Contains(period);
            districts = districtRows.Select(d => new DistrictFigure(d.Code, d.Name,
                values.TryGetValue((indicator.Code, d.Code), out var v) ? v : zeroIfAbsent ? 0 : null)).ToList();
            if (indicator.Aggregation == Aggregation.DistinctCount) roster = await RosterListing.ForIndicatorAsync(db, indicator, period, null, ct);
        }
        return new TargetDetails(period, target, districts, roster);
    }

}

/// <summary>The target page as a workbook: history or milestones, districts, roster.</summary>
public static class TargetExport
{
    public static Sheet[] Sheets(TargetDetails d)
    {
        var t = d.Target;
        var sheets = new List<Sheet>();
        if (t.Kind == TargetKind.Numeric)
        {
            sheets.Add(new Sheet("序时进度", $"{t.Name}：实际值与序时进度（{t.UnitOfMeasure}）",
                ["报告期", "实际值", "序时进度（应达）", "差距"],
                d.History.Select(p => new object?[] { Period.Parse(p.Period).Label, p.Actual, p.Expected, p.Actual - p.Expected }).ToList()));
        }
        else
        {
            sheets.Add(new Sheet("里程碑", $"{t.Name}：里程碑（截至{d.Period.Label}）", ["序号", "里程碑", "计划完成", "实际完成", "状态"],
                t.Milestones.Select((m, i) => new object?[] { i + 1, m.Title, m.Due.Label, m.CompletedIn?.Label, m.Reached ? "已完成" : m.Overdue ? "已逾期" : "未到期" }).ToList()));
        }
        if (d.Districts.Count > 0)
        {
            sheets.Add(new Sheet("分区", $"{t.IndicatorName}分区情况（{d.Period.Label}，{t.UnitOfMeasure}）", ["区划代码", "区", "数值"],
                d.Districts.Select(x => new object?[] { x.Code, x.Name, x.Value }).ToList()));
        }
        if (d.Roster.Count > 0) sheets.Add(RosterSheet(d.Roster, $"{t.IndicatorName}名录（{d.Period.Label}）"));
        return sheets.ToArray();
    }

    public static IEndpointRouteBuilder MapTargetExport(this IEndpointRouteBuilder app)
    {
        app.MapDetailsExport<TargetDetailsQuery, TargetDetails>("/export/targets/{code}.xlsx", (q, code, p, ct) => q.RunAsync(code, p, ct),
            (d, p) => $"目标-{d.Target.Name}-{p}.xlsx", Sheets);
        return app;
    }

    public static Sheet RosterSheet(IReadOnlyList<RosterLine> roster, string title) => new("名录", title,
        ["名录", "名称", "统一社会信用代码 / 标识", "状态", "领域 / 类型", "投资（万元）/ 面积（亩）", "所在区"],
        roster.Select(r => new object?[] { r.Kind.Label(), r.Name, r.Key, r.Status, r.Category, r.Amount, string.Join("、", r.Districts) }).ToList());
}
