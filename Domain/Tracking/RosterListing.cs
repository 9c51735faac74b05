using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Tracking;

/// <summary>A roster entry as shown city-wide: one line per key, with every district that names it.</summary>
public sealed record RosterLine(RosterKind Kind, string Key, string Name, string Status, string? Category, decimal? Amount, IReadOnlyList<string> Districts);

/// <summary>The named entries behind a figure (the firms, bases, platforms and projects).</summary>
public static class RosterListing
{
    public static async Task<IReadOnlyList<RosterLine>> ListAsync(AppDbContext db, Period period, RosterKind? kind, string? status,
        string? category, string? districtCode, CancellationToken ct)
    {
        var districtNames = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var rows = await db.RosterEntries.AsNoTracking()
            .Where(r => r.Period == period
                && (kind == null || r.Kind == kind)
                && (status == null || r.Status == status)
                && (category == null || r.Category == category)
                && (districtCode == null || r.DistrictCode == districtCode))
            .Select(r => new { r.Kind, r.Key, r.Name, r.Status, r.Category, r.Amount, r.DistrictCode })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.Kind, Key: r.Key.Trim().ToUpperInvariant()))
            .Select(g => new RosterLine(g.Key.Kind, g.First().Key, g.First().Name, g.First().Status, g.First().Category, g.First().Amount,
                g.Select(r => districtNames.GetValueOrDefault(r.DistrictCode, r.DistrictCode)).Distinct().ToList()))
            .OrderBy(l => l.Kind).ThenBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static Task<IReadOnlyList<RosterLine>> ForIndicatorAsync(AppDbContext db, Indicator indicator, Period period, string? districtCode, CancellationToken ct) =>
        ListAsync(db, period, indicator.RosterKind, indicator.RosterStatus, indicator.RosterCategory, districtCode, ct);
}
