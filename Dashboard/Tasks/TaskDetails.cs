using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Shared;
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

namespace GzBioPlan.Dashboard.Tasks;

public sealed record TaskHistoryPoint(Period Period, decimal? Progress, decimal Expected);

/// <summary>One task or measure: its units, this quarter's reports and its progress quarter by quarter.</summary>
public sealed record TaskDetails(Period Period, WorkItemStatus Item, IReadOnlyList<TaskHistoryPoint> History);

public sealed class TaskDetailsQuery(AppDbContext db, PlanProgressQuery progress, BreakdownQuery breakdown)
{
    public async Task<TaskDetails?> RunAsync(string code, Period period, CancellationToken ct)
    {
        var item = (await progress.WorkItemsAsync(period, ct)).FirstOrDefault(w => w.Code == code);
        if (item is null) return null;
        var reports = await db.ProgressReports.AsNoTracking()
            .Where(r => r.WorkItemCode == code && r.Period <= period)
            .Select(r => new { r.Id, r.Period, r.UnitCode, r.PartNo, r.ProgressPercent, r.ReportedAt })
            .ToListAsync(ct);
        // Every quarter's breakdown from one read.
        var plan = await breakdown.ReadAsync(period, code, ct);
        var history = new List<TaskHistoryPoint>();
        foreach (var p in Period.Range(Period.First, period))
        {
            // Quarters with a breakdown roll up from its milestones, as the cockpit does; others count the lead units' reports.
            if (BreakdownRule.Roll(breakdown.StateAt(plan, p)) is { } rolled)
            {
                history.Add(new TaskHistoryPoint(p, rolled.Progress, rolled.Expected));
                continue;
            }
            history.Add(new TaskHistoryPoint(p,
                PlanProgressQuery.LeadProgress(item.Parts, reports.Where(r => r.Period == p)
                    .GroupBy(r => (r.UnitCode, r.PartNo)).Select(g => g.Newest(r => r.ReportedAt, r => r.Id))
                    .Select(r => (r.UnitCode, r.PartNo, r.ProgressPercent))),
                Math.Round(TimeProgress.ExpectedPercent(p), 1)));
        }
        return new TaskDetails(period, item, history);
    }
}

public static class TaskExport
{
    public static Sheet[] Sheets(TaskDetails d) =>
    [
        CockpitExports.TasksSheet(d.Period, [d.Item]),
        new Sheet("进展报告", $"{d.Item.Numbering}{d.Item.Title}：各单位进展报告（{d.Period.Label}）",
            ["单位", "分项", "状态", "完成进度（%）", "工作进展", "报告时间"],
            d.Item.Reports.Select(r => new object?[] { r.UnitName, r.PartNo, r.Status.Label(), r.ProgressPercent, r.Narrative, r.ReportedAt }).ToList()),
        new Sheet("历次进展", $"{d.Item.Numbering}{d.Item.Title}：历次进展", ["报告期", "进展（%）", "序时进度（%）"],
            d.History.Select(h => new object?[] { h.Period.Label, h.Progress, h.Expected }).ToList()),
    ];

    public static IEndpointRouteBuilder MapTaskExport(this IEndpointRouteBuilder app)
    {
        app.MapDetailsExport<TaskDetailsQuery, TaskDetails>("/export/tasks/{code}.xlsx", (q, code, p, ct) => q.RunAsync(code, p, ct),
            (d, p) => $"任务-{d.Item.Code}-{p}.xlsx", Sheets);
        return app;
    }
}
