using GzBioPlan.Dashboard.PageCache;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Targets;
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
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Districts;

public sealed record DistrictIndicatorRow(string Code, string Name, string UnitOfMeasure, decimal? Value, decimal? Previous)
{
    public decimal? Change => Value is { } v && Previous is { } p ? v - p : null;
}

/// <summary>One district for a period: its figures against last quarter, its place in the league, its rosters.</summary>
public sealed record DistrictDetails(Period Period, District District, LeagueRow? League, int Ranked, string RankedBy,
    IReadOnlyList<DistrictIndicatorRow> Indicators, IReadOnlyList<RosterLine> Roster,
    IReadOnlyList<SubItemState> SubItems, IReadOnlyDictionary<string, string> Titles);

public sealed class DistrictDetailsQuery(AppDbContext db, DistrictLeagueQuery leagueQuery, BreakdownQuery breakdown)
{
    public async Task<DistrictDetails?> RunAsync(string code, Period period, CancellationToken ct)
    {
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
        if (district is null) return null;
        var league = await leagueQuery.RunAsync(period, null, ct);
        var row = league.Rows.FirstOrDefault(r => r.DistrictCode == code);
        var previous = period > Period.First
            ? (await leagueQuery.RunAsync(period.Previous, null, ct)).Rows.FirstOrDefault(r => r.DistrictCode == code)
            : null;
        var indicators = league.Columns.Select(c => new DistrictIndicatorRow(c.Code, c.Name, c.UnitOfMeasure,
            row?.Values[c.Code], previous?.Values[c.Code])).ToList();
        var roster = await RosterListing.ListAsync(db, period, null, null, null, code, ct);
        var subItems = (await breakdown.RunAsync(period, null, ct)).Where(s => s.OwnerKind == PartyKind.District && s.OwnerCode == code).ToList();
        var titles = (await db.WorkItems.AsNoTracking().ToListAsync(ct)).ToDictionary(w => w.Code, w => w.Numbering + w.Title);
        return new DistrictDetails(period, district, row, league.Rows.Count(r => r.Rank is not null),
            league.Columns.First(c => c.Code == league.SortBy).Name, indicators, roster, subItems, titles);
    }
}

public static class DistrictExport
{
    public static Sheet[] Sheets(DistrictDetails d) =>
    [
        new Sheet("指标", $"{d.District.Name}主要指标（{d.Period.Label}）", ["指标", "计量单位", "本季度", "上季度", "变化"],
            d.Indicators.Select(i => new object?[] { i.Name, i.UnitOfMeasure, i.Value, i.Previous, i.Change }).ToList()),
        TargetExport.RosterSheet(d.Roster, $"{d.District.Name}名录（{d.Period.Label}）"),
        BreakdownEndpoints.SubItemsSheet(d.SubItems, d.Titles, $"{d.District.Name}负责的分解任务（{d.Period.Label}）"),
    ];

    public static IEndpointRouteBuilder MapDistrictExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/districts/{code}.xlsx", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (string code, string? period,
            HttpContext http, PeriodResolver periods, DistrictDetailsQuery query, CancellationToken ct) =>
        {
            if (!http.User.MaySeeDistrict(code)) return TypedResults.Forbid();
            return await periods.ResolveAsync(period, ct) is { } p && await query.RunAsync(code, p, ct) is { } d
                ? CockpitExports.File(http.User, $"{d.District.Name}-{p}.xlsx", Sheets(d))
                : TypedResults.NotFound();
        }).RequireAuthorization().CachedByDataVersion(perReader: true);
        return app;
    }
}
