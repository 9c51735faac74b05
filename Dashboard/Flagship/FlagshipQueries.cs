using System.Security.Claims;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>A row of an application list.</summary>
public sealed record ApplicationRow(long Id, int Year, string Applicant, string Uscc, string DistrictCode, string District, string ProductName, string Field,
    string Kind, ApplicationState State, int Version, DateTimeOffset? SubmittedAt, int? RecommendRank, string? RecommendReason, string? RecommendContact,
    string? RecommendPhone);

/// <summary>A product of the 标志性产品库.</summary>
public sealed record LibraryRow(long Id, int Year, int Rank, string Applicant, string Uscc, string DistrictCode, string District, string ProductName, string Field,
    string Kind, OutcomeRecord? Latest, string? FixedName)
{
    public string OutcomeLabel => Latest is null ? LibraryFilter.Pending : Latest.Step.Label();
}

/// <summary>The library's filters, as the URL carries them.</summary>
public sealed record LibraryFilter(int? Year, string? Field, string? Kind, string? District, string? Outcome)
{
    public const string Pending = "待定";
}

/// <summary>附件2: a batch and its recommended applications in the city's order.</summary>
public sealed record RecommendationSummary(FlagshipBatch Batch, IReadOnlyList<ApplicationRow> Rows);

public static class FlagshipQueries
{
    /// <summary>The applications the user may see, optionally of one batch and state, newest batch first, then by district.</summary>
    public static async Task<List<ApplicationRow>> ListAsync(AppDbContext db, ClaimsPrincipal user, long? batchId, ApplicationState? state, CancellationToken ct)
    {
        var apps = db.FlagshipApplications.AsNoTracking().Visible(user);
        if (batchId is { } b) apps = apps.Where(a => a.BatchId == b);
        if (state is { } s) apps = apps.Where(a => a.State == s);
        var rows = await (from a in apps
                          join batch in db.FlagshipBatches on a.BatchId equals batch.Id
                          join org in db.Applicants on a.ApplicantId equals org.Id
                          join d in db.Districts on a.DistrictCode equals d.Code
                          orderby batch.Year descending, d.SortOrder, a.Id
                          select new ApplicationRow(a.Id, batch.Year, org.Name, org.Uscc, a.DistrictCode, d.Name, a.ProductName, a.Field, a.Kind, a.State,
                              a.Version, a.SubmittedAt, a.RecommendRank, a.RecommendReason, a.RecommendContact, a.RecommendPhone))
            .ToListAsync(ct);
        return rows;
    }

    /// <summary>
    /// 标志性产品库: every product the city recommended, of every year, with what followed. Filters are optional; the
    /// outcome filter takes a step or 待定 (nothing recorded yet).
    /// </summary>
    public static async Task<List<LibraryRow>> LibraryAsync(AppDbContext db, ClaimsPrincipal user, LibraryFilter filter, CancellationToken ct)
    {
        var rows = await (from a in db.FlagshipApplications.AsNoTracking().Visible(user)
                          where a.RecommendRank != null
                          join batch in db.FlagshipBatches on a.BatchId equals batch.Id
                          join org in db.Applicants on a.ApplicantId equals org.Id
                          join d in db.Districts on a.DistrictCode equals d.Code
                          orderby batch.Year descending, a.RecommendRank
                          select new { a.Id, batch.Year, a.RecommendRank, org.Name, org.Uscc, a.DistrictCode, District = d.Name, a.ProductName, a.Field, a.Kind, a.Outcomes })
            .ToListAsync(ct);
        return rows.Select(r => new LibraryRow(r.Id, r.Year, r.RecommendRank!.Value, r.Name, r.Uscc, r.DistrictCode, r.District, r.ProductName, r.Field, r.Kind,
                r.Outcomes.Count == 0 ? null : r.Outcomes[^1], r.Outcomes.LastOrDefault(o => o.FixedName is not null)?.FixedName))
            .Where(r => filter.Year is null || r.Year == filter.Year)
            .Where(r => filter.Field is null || r.Field == filter.Field)
            .Where(r => filter.Kind is null || r.Kind == filter.Kind)
            .Where(r => filter.District is null || r.DistrictCode == filter.District)
            .Where(r => filter.Outcome is null || (filter.Outcome == LibraryFilter.Pending ? r.Latest is null : r.Latest?.Step.ToString() == filter.Outcome))
            .ToList();
    }

    /// <summary>
    /// The briefing's section for a batch under way (the latest one not closed): applications per district and state,
    /// and the days to each deadline (working days by the holiday table). Null when no batch is open.
    /// </summary>
    public static async Task<GzBioPlan.Dashboard.Shared.Sheet?> BriefingSheetAsync(AppDbContext db, DateOnly today, WorkingDays days, CancellationToken ct)
    {
        if (await db.FlagshipBatches.AsNoTracking().Where(b => b.ClosedAt == null).OrderByDescending(b => b.Year).FirstOrDefaultAsync(ct) is not { } batch) return null;
        var counts = await db.FlagshipApplications.AsNoTracking().Where(a => a.BatchId == batch.Id)
            .GroupBy(a => new { a.DistrictCode, a.State }).Select(g => new { g.Key.DistrictCode, g.Key.State, N = g.Count(), Recommended = g.Count(a => a.RecommendRank != null) })
            .ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        string Left(string name, DateOnly day)
        {
            if (today > day) return $"{name} {day:M月d日}（已截止）";
            return $"{name} {day:M月d日}（还有 {day.DayNumber - today.DayNumber} 天，工作日 {days.CountAfter(today, day)} 天）";
        }
        var states = Enum.GetValues<ApplicationState>();
        return new GzBioPlan.Dashboard.Shared.Sheet("六、标志性产品征集",
            $"{batch.Year}年征集：{Left("申报截止", batch.ApplicantDeadline)}；{Left("区初审截止", batch.DistrictDeadline)}；{Left("报送省厅", batch.ProvinceDeadline)}；推荐名额 {batch.Quota} 项",
            // 已推荐 is a part of 已核实, not a state of its own: it follows the total as 「其中」.
            ["区", .. states.Select(x => x.Label()), "合计", "其中：已推荐"],
            [.. districts.Where(d => counts.Any(c => c.DistrictCode == d.Code)).Select(d => (object?[])
            [
                d.Name, .. states.Select(st => (object?)counts.Where(c => c.DistrictCode == d.Code && c.State == st).Sum(c => c.N)),
                counts.Where(c => c.DistrictCode == d.Code).Sum(c => c.N), counts.Where(c => c.DistrictCode == d.Code).Sum(c => c.Recommended),
            ])]);
    }

    public static async Task<RecommendationSummary?> SummaryAsync(AppDbContext db, int year, CancellationToken ct)
    {
        if (await db.FlagshipBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Year == year, ct) is not { } batch) return null;
        var rows = await (from a in db.FlagshipApplications.AsNoTracking()
                          where a.BatchId == batch.Id && a.RecommendRank != null
                          join org in db.Applicants on a.ApplicantId equals org.Id
                          join d in db.Districts on a.DistrictCode equals d.Code
                          orderby a.RecommendRank
                          select new ApplicationRow(a.Id, year, org.Name, org.Uscc, a.DistrictCode, d.Name, a.ProductName, a.Field, a.Kind, a.State,
                              a.Version, a.SubmittedAt, a.RecommendRank, a.RecommendReason, a.RecommendContact, a.RecommendPhone))
            .ToListAsync(ct);
        return new RecommendationSummary(batch, rows);
    }
}
