using System.Linq.Expressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Tracking;

/// <summary>Reads indicator figures, applying each indicator's aggregation rule.</summary>
public static class IndicatorFigures
{
    /// <summary>City-wide value of an indicator at every plan period up to <paramref name="upTo"/>.</summary>
    public static async Task<IReadOnlyDictionary<Period, decimal?>> CitySeriesAsync(AppDbContext db, Indicator indicator, Period upTo, CancellationToken ct)
    {
        var periods = Period.Range(Period.First, upTo);
        if (indicator.Aggregation == Aggregation.DistinctCount)
        {
            var keys = await RosterKeys(db, indicator, r => r.Period <= upTo).ToListAsync(ct);
            var reported = await ReportedPeriods(db, upTo, ct);
            return periods.ToDictionary(p => p, p => AggregationRule.DistinctCount(keys.Where(k => k.Period == p).Select(k => k.Key), reported.Contains(p)));
        }

        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.IndicatorCode == indicator.Code && v.Period <= upTo)
            .Select(v => new { v.Period, v.DistrictCode, v.Value })
            .ToListAsync(ct);
        if (indicator.Aggregation == Aggregation.Sum)
            return periods.ToDictionary(p => p, p => AggregationRule.Sum(values.Where(v => v.Period == p).Select(v => v.Value)));

        // Latest: each district's most recent value at or before the period, added up.
        return periods.ToDictionary(p => p, p => AggregationRule.Sum(values.Where(v => v.Period <= p)
            .GroupBy(v => v.DistrictCode).Select(g => g.MaxBy(v => v.Period)!.Value)));
    }

    /// <summary>Each district's value of each indicator at one period.</summary>
    public static async Task<IReadOnlyDictionary<(string Indicator, string District), decimal>> DistrictValuesAsync(
        AppDbContext db, IReadOnlyList<Indicator> indicators, Period period, CancellationToken ct)
    {
        var result = new Dictionary<(string, string), decimal>();
        var summed = indicators.Where(i => i.Aggregation != Aggregation.DistinctCount).Select(i => i.Code).ToList();
        var values = await db.IndicatorValues.AsNoTracking()
            .Where(v => v.Period == period && summed.Contains(v.IndicatorCode))
            .Select(v => new { v.IndicatorCode, v.DistrictCode, v.Value })
            .ToListAsync(ct);
        foreach (var v in values) result[(v.IndicatorCode, v.DistrictCode)] = v.Value;

        foreach (var indicator in indicators.Where(i => i.Aggregation == Aggregation.DistinctCount))
        {
            var rows = await RosterKeys(db, indicator, r => r.Period == period).ToListAsync(ct);
            foreach (var g in rows.GroupBy(r => r.District))
                result[(indicator.Code, g.Key)] = AggregationRule.DistinctCount(g.Select(r => r.Key), true) ?? 0;
        }
        return result;
    }

    /// <summary>Periods for which any district reported anything: a roster that is empty then counts as 0, not as missing.</summary>
    public static async Task<HashSet<Period>> ReportedPeriods(AppDbContext db, Period upTo, CancellationToken ct) =>
        (await db.IndicatorValues.AsNoTracking().Where(v => v.Period <= upTo).Select(v => v.Period).Distinct().ToListAsync(ct)).ToHashSet();

    private sealed record RosterKey(Period Period, string District, string Key);

    private static IQueryable<RosterKey> RosterKeys(AppDbContext db, Indicator indicator, Expression<Func<RosterEntry, bool>> when) =>
        RosterEntriesOf(db, indicator).Where(when).Select(r => new RosterKey(r.Period, r.DistrictCode, r.Key));

    /// <summary>The roster rows a counted indicator counts: its roster, and its status and category when it names them.</summary>
    public static IQueryable<RosterEntry> RosterEntriesOf(AppDbContext db, Indicator indicator) =>
        db.RosterEntries.AsNoTracking()
            .Where(r => r.Kind == indicator.RosterKind
                && (indicator.RosterStatus == null || r.Status == indicator.RosterStatus)
                && (indicator.RosterCategory == null || r.Category == indicator.RosterCategory));

    /// <summary>The districts that reported anything for a period (so an empty roster of theirs counts as 0).</summary>
    public static async Task<HashSet<string>> ReportedDistrictsAsync(AppDbContext db, Period period, CancellationToken ct) =>
        (await db.IndicatorValues.AsNoTracking().Where(v => v.Period == period).Select(v => v.DistrictCode).Distinct().ToListAsync(ct)).ToHashSet();
}
