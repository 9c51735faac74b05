using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Ingest.Templates;

/// <summary>Loads what a district's template for a quarter is made from: last quarter's accepted values and rosters.</summary>
public sealed class TemplateQuery(AppDbContext db, ReportingCalendar calendar, IngestOptions options)
{
    /// <summary>Indicators a district types in; the roster counts are derived from the rosters instead.</summary>
    public async Task<List<Indicator>> EnteredIndicatorsAsync(CancellationToken ct) =>
        await db.Indicators.AsNoTracking().Where(i => i.Aggregation != Aggregation.DistinctCount).OrderBy(i => i.SortOrder).ToListAsync(ct);

    /// <summary>Counts of firms, bases, people … are whole numbers.</summary>
    public static bool IsCount(Indicator i) => i.UnitOfMeasure is "家" or "个" or "株" or "人";

    public async Task<TemplateData?> LoadAsync(string districtCode, Period period, CancellationToken ct)
    {
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == districtCode, ct);
        if (district is null || !period.IsInPlan) return null;
        var previous = period.Previous;
        var indicators = await EnteredIndicatorsAsync(ct);
        var last = await db.IndicatorValues.AsNoTracking().Where(v => v.DistrictCode == districtCode && v.Period == previous)
            .ToDictionaryAsync(v => v.IndicatorCode, v => v.Value, ct);
        var rosters = (await db.RosterEntries.AsNoTracking().Where(r => r.DistrictCode == districtCode && r.Period == previous)
                .OrderBy(r => r.Id).ToListAsync(ct))
            .GroupBy(r => r.Kind)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TemplateRosterRow>)g
                .Select(r => new TemplateRosterRow(r.StableId, r.Name, r.Key, r.Status, r.Category, r.Amount, r.StartDate)).ToList());
        var items = await db.WorkItems.AsNoTracking().OrderBy(w => w.Kind).ThenBy(w => w.No).ToListAsync(ct);
        return new TemplateData(district, period, calendar.Deadline(period),
            indicators.Select(i => new TemplateIndicator(i.Code, i.Name, i.UnitOfMeasure, IsCount(i), last.TryGetValue(i.Code, out var v) ? v : null)).ToList(),
            rosters,
            items.Select(w => new TemplateWorkItem(w.Code, w.Numbering + w.Title)).ToList());
    }

    public async Task<ParseContext?> ParseContextAsync(string districtCode, Period period, CancellationToken ct)
    {
        var district = await db.Districts.AsNoTracking().FirstOrDefaultAsync(d => d.Code == districtCode, ct);
        if (district is null) return null;
        var indicators = await EnteredIndicatorsAsync(ct);
        var items = await db.WorkItems.AsNoTracking().Select(w => w.Code).ToListAsync(ct);
        return new ParseContext(district.Code, district.Name, period,
            indicators.Select(i => new ExpectedIndicator(i.Code, i.Name, IsCount(i))).ToList(), items, options);
    }
}
