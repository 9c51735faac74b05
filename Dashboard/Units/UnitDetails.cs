using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Dashboard.Breakdown;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Units;

/// <summary>What one unit leads and supports, with each item's progress and light.</summary>
public sealed record UnitDetails(Period Period, Unit Unit, IReadOnlyList<WorkItemStatus> Leads, IReadOnlyList<WorkItemStatus> Supports,
    IReadOnlyList<KeyAreaView> Areas, IReadOnlyList<District> Districts, IReadOnlyList<SubItemState> SubItems, IReadOnlyDictionary<string, string> Titles);

public sealed class UnitDetailsQuery(AppDbContext db, PlanProgressQuery progress)
{
    public async Task<UnitDetails?> RunAsync(string code, Period period, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null) return null;
        var items = await progress.WorkItemsAsync(period, ct);
        var areas = (await progress.KeyAreasAsync(ct)).Where(a => a.Leads.Any(u => u.Code == code)).ToList();
        var districts = unit.Kind == UnitKind.AllDistrictGovernments
            ? await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct)
            : [];
        return new UnitDetails(period, unit, items.Where(w => w.Leads(code)).ToList(),
            items.Where(w => w.Involves(code) && !w.Leads(code)).ToList(), areas, districts,
            items.SelectMany(w => w.SubItems).Where(s => s.OwnerKind == PartyKind.Unit && s.OwnerCode == code).ToList(),
            items.ToDictionary(w => w.Code, w => w.Numbering + w.Title));
    }
}

public static class UnitExport
{
    public static Sheet[] Sheets(UnitDetails d) =>
    [
        CockpitExports.TasksSheet(d.Period, d.Leads) with { Name = "牵头任务", Title = $"{d.Unit.Name}牵头的任务和措施（{d.Period.Label}）" },
        CockpitExports.TasksSheet(d.Period, d.Supports) with { Name = "配合任务", Title = $"{d.Unit.Name}配合的任务和措施（{d.Period.Label}）" },
        CockpitExports.AreasSheet(d.Areas) with { Title = $"{d.Unit.Name}牵头的重点领域" },
        BreakdownEndpoints.SubItemsSheet(d.SubItems, d.Titles, $"{d.Unit.Name}负责的分解任务（{d.Period.Label}）"),
    ];

    public static IEndpointRouteBuilder MapUnitExport(this IEndpointRouteBuilder app)
    {
        app.MapDetailsExport<UnitDetailsQuery, UnitDetails>("/export/units/{code}.xlsx", (q, code, p, ct) => q.RunAsync(code, p, ct),
            (d, p) => $"单位-{d.Unit.Name}-{p}.xlsx", Sheets);
        return app;
    }
}
