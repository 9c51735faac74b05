using System.Security.Claims;
using System.Text.Json;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Provenance;

/// <summary>Where one district's figure came from: the accepted version, the sheet and cell (or roster rows), who uploaded and who accepted it.</summary>
public sealed record DistrictSource(string DistrictCode, string DistrictName, decimal? Value, bool Demo,
    long? VersionId, int? VersionNo, string? FileName, string? Sha256, UploadChannel? Channel, string? UploadedBy, DateTimeOffset? UploadedAt,
    SubmissionStatus? Status, string? AcceptedBy, DateTimeOffset? AcceptedAt, string? Sheet, string? Cell, IReadOnlyList<int> RosterRows);

/// <summary>A firm (or base, platform, project) counted once city-wide by its 统一社会信用代码, with every district that named it.</summary>
public sealed record CountedKey(string Key, string Name, IReadOnlyList<string> Districts);

public sealed record IndicatorSource(Indicator Indicator, Period Period, decimal? CityValue, bool CitySeen,
    IReadOnlyList<DistrictSource> Districts, IReadOnlyList<CountedKey> Counted);

/// <summary>
/// 数据溯源: what stands behind an indicator's figure for a quarter. The office and leaders see every district; a district only
/// its own row, and the city total only as far as its own rows make it up (never other districts' firms).
/// </summary>
public sealed class ProvenanceQuery(AppDbContext db)
{
    public async Task<IndicatorSource?> RunAsync(string indicatorCode, Period period, string? district, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Code == indicatorCode, ct) is not { } indicator) return null;
        var city = user.SeesCity();
        var own = user.IsInRole(Domain.Accounts.Roles.District) ? user.District() : null;
        if (!city && own is null) return null;
        // A district reads only its own; the office may narrow to one district (a league table cell).
        var only = city ? district : own;

        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder)
            .Where(d => only == null || d.Code == only).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        var codes = districts.Select(d => d.Code).ToList();
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorCode == indicatorCode && v.Period == period && codes.Contains(v.DistrictCode))
            .Select(v => new { v.DistrictCode, v.Value, v.IsDemo }).ToDictionaryAsync(v => v.DistrictCode, ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.Period == period && codes.Contains(s.DistrictCode))
            .Join(db.SubmissionVersions, s => s.CurrentVersionId, v => v.Id, (s, v) => new
            {
                s.DistrictCode, s.Status, s.AcceptedBy, s.AcceptedAt, VersionId = v.Id, v.No, v.FileName, v.Sha256, v.Channel, v.UploadedBy, v.UploadedAt, v.PayloadJson,
            })
            .ToDictionaryAsync(s => s.DistrictCode, ct);
        var rosterKeys = indicator.Aggregation == Aggregation.DistinctCount
            ? await IndicatorFigures.RosterEntriesOf(db, indicator).Where(r => r.Period == period && codes.Contains(r.DistrictCode))
                .Select(r => new { r.DistrictCode, r.Key, r.Name }).ToListAsync(ct)
            : [];
        var names = districts.ToDictionary(d => d.Code, d => d.Name);
        // A district that reported anything this quarter counts an empty roster as 0, as the city figure does.
        var reported = await IndicatorFigures.ReportedDistrictsAsync(db, period, ct);

        var rows = districts.Select(d =>
        {
            var s = submissions.GetValueOrDefault(d.Code);
            var payload = s?.PayloadJson is { } json ? JsonSerializer.Deserialize<ParsedWorkbook>(json, IngestService.Json) : null;
            var cell = payload?.Indicators.FirstOrDefault(i => i.Code == indicatorCode);
            var keys = rosterKeys.Where(r => r.DistrictCode == d.Code).Select(r => AggregationRule.Key(r.Key)).ToHashSet();
            var rosterRows = payload is null || indicator.RosterKind is null ? [] : payload.Rosters
                .Where(r => r.Kind == indicator.RosterKind && keys.Contains(AggregationRule.Key(r.Key))).Select(r => r.Row).Order().ToList();
            decimal? value = indicator.Aggregation == Aggregation.DistinctCount
                ? (keys.Count > 0 || reported.Contains(d.Code) ? keys.Count : null)
                : values.GetValueOrDefault(d.Code)?.Value;
            // Only accepting a submission writes figures, so a figure with no submission behind it is demo data.
            return new DistrictSource(d.Code, d.Name, value, value is not null && s is null,
                s?.VersionId, s?.No, s?.FileName, s?.Sha256, s?.Channel, s?.UploadedBy, s?.UploadedAt, s?.Status, s?.AcceptedBy, s?.AcceptedAt,
                rosterRows.Count > 0 ? payload!.Rosters.First(r => r.Kind == indicator.RosterKind).Sheet : cell?.Sheet, cell?.Cell, rosterRows);
        }).ToList();

        var counted = rosterKeys.GroupBy(r => AggregationRule.Key(r.Key))
            .Select(g => new CountedKey(g.Key, g.First().Name, g.Select(r => names[r.DistrictCode]).Distinct().ToList()))
            .OrderByDescending(k => k.Districts.Count).ThenBy(k => k.Key).ToList();
        var seesCity = city && only is null;
        decimal? cityValue = seesCity ? (await IndicatorFigures.CitySeriesAsync(db, indicator, period, ct)).GetValueOrDefault(period) : null;
        return new IndicatorSource(indicator, period, cityValue, seesCity, rows, counted);
    }
}
