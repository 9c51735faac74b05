using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Tracking;

public sealed record LeagueColumn(string Code, string Name, string UnitOfMeasure);

public sealed record LeagueRow(string DistrictCode, string DistrictName, int? Rank, int? RankChange, IReadOnlyDictionary<string, decimal?> Values)
{
    public bool Reported => Values.Values.Any(v => v is not null);
}

public sealed record League(Period Period, string SortBy, IReadOnlyList<LeagueColumn> Columns, IReadOnlyList<LeagueRow> Rows);

/// <summary>The districts' league table (排名) for a period, ranked by one indicator, with the change since the previous quarter.</summary>
public sealed class DistrictLeagueQuery(AppDbContext db)
{
    public const string DefaultSort = "output_value";

    public async Task<League> RunAsync(Period period, string? sortBy, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ToListAsync(ct);
        var sort = indicators.Any(i => i.Code == sortBy) ? sortBy! : DefaultSort;
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        var now = await IndicatorFigures.DistrictValuesAsync(db, indicators, period, ct);
        var reported = await IndicatorFigures.ReportedDistrictsAsync(db, period, ct);
        var ranks = Ranks(reported.Select(d => (d, now.GetValueOrDefault((sort, d)))));
        var previousRanks = new Dictionary<string, int>();
        if (period > Period.First)
        {
            var before = await IndicatorFigures.DistrictValuesAsync(db, indicators.Where(i => i.Code == sort).ToList(), period.Previous, ct);
            previousRanks = Ranks((await IndicatorFigures.ReportedDistrictsAsync(db, period.Previous, ct)).Select(d => (d, before.GetValueOrDefault((sort, d)))));
        }

        var rows = districts.Select(d =>
        {
            var values = indicators.ToDictionary(i => i.Code, i => reported.Contains(d.Code) ? now.GetValueOrDefault((i.Code, d.Code)) : (decimal?)null);
            int? rank = ranks.TryGetValue(d.Code, out var r) ? r : null;
            int? change = rank is { } rr && previousRanks.TryGetValue(d.Code, out var before) ? before - rr : null;
            return new LeagueRow(d.Code, d.Name, rank, change, values);
        })
        .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.DistrictCode)
        .ToList();
        return new League(period, sort, indicators.Select(i => new LeagueColumn(i.Code, i.Name, i.UnitOfMeasure)).ToList(), rows);
    }

    /// <summary>Standard competition ranking (1, 2, 2, 4), highest value first. Only districts that reported are ranked.</summary>
    public static Dictionary<string, int> Ranks(IEnumerable<(string District, decimal Value)> values)
    {
        var scored = values.ToList();
        return scored.ToDictionary(x => x.District, x => 1 + scored.Count(o => o.Value > x.Value));
    }
}
