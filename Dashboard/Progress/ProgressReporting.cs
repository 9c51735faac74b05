using GzBioPlan.Domain.Accounts;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Progress;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Progress;

/// <summary>What a unit posts for one part of a task or measure in a quarter, with the completion of the milestones it owns there.</summary>
public sealed record ProgressEntry(string Item, int Part, ProgressStatus Status, decimal? Percent, string? Narrative, string? NextSteps, string? Blockers,
    IReadOnlyDictionary<long, decimal?> Milestones);

/// <summary>A unit or district: who owns sub-items and reports their milestones.</summary>
public sealed record Reporter(PartyKind Kind, string Code, string By);

/// <summary>
/// 任务进展: a municipal unit reports, each quarter, on the parts it leads (status, completion, narrative,
/// next steps, blockers and needs) and adds its contribution where it supports. Every save is a new row
/// (the latest counts, the history stays) until the coordination office locks the quarter.
/// </summary>
public sealed class ProgressReporting(AppDbContext db, BreakdownQuery breakdown, TimeProvider clock, ILogger<ProgressReporting> logger)
{
    public const int TextMax = 2000;

    public static readonly IReadOnlyDictionary<string, string> Errors = new Dictionary<string, string>
    {
        ["not-yours"] = "只能填报本单位牵头或配合的任务。",
        ["period"] = "报告期无效，请从页面上的报告期选择后重新填报。",
        ["locked"] = "协调办已锁定本季度的进展报告，不能再修改。如需更正，请联系协调办。",
        ["percent"] = "牵头单位请填写 0 到 100 之间的完成进度。",
        ["narrative"] = "请填写工作进展。",
        ["too-long"] = $"每项内容不能超过 {TextMax} 字。",
        ["milestone"] = "节点完成度应为 0 到 100 之间的数字，且只能填报本单位（本区）负责的节点。",
    };

    /// <summary>Reads the milestone completions a form posts as <c>m{id}=percent</c>; a blank leaves a milestone unreported, a non-number is kept as invalid.</summary>
    public static IReadOnlyDictionary<long, decimal?> MilestoneFields(IFormCollection form)
    {
        var result = new Dictionary<long, decimal?>();
        foreach (var (key, value) in form)
        {
            if (key.Length < 2 || key[0] != 'm' || !long.TryParse(key.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) continue;
            var text = value.ToString().Trim();
            if (text.Length == 0) continue;
            result[id] = decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        return result;
    }

    /// <summary>The unit or district a signed-in user reports for, if any.</summary>
    public static Reporter? ReporterOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.Unit() is { } unit ? new Reporter(PartyKind.Unit, unit, user.Identity!.Name!)
        : user.District() is { } district && user.IsInRole(Domain.Accounts.Roles.District) ? new Reporter(PartyKind.District, district, user.Identity!.Name!)
        : null;

    public Task<bool> IsLockedAsync(Period period, CancellationToken ct) => db.ProgressLocks.AnyAsync(l => l.Period == period, ct);

    /// <returns>null when saved, else a key of <see cref="Errors"/>.</returns>
    public async Task<string?> SaveAsync(string unitCode, string by, Period period, ProgressEntry e, CancellationToken ct)
    {
        var role = await db.WorkItemParts.Where(p => p.WorkItemCode == e.Item && p.PartNo == e.Part)
            .SelectMany(p => p.Units).Where(u => u.UnitCode == unitCode).Select(u => (UnitRole?)u.Role).FirstOrDefaultAsync(ct);
        if (role is null) return "not-yours";
        if (await IsLockedAsync(period, ct)) return "locked";
        var narrative = e.Narrative?.Trim();
        if (string.IsNullOrEmpty(narrative)) return "narrative";
        if (narrative.Length > TextMax || e.NextSteps?.Length > TextMax || e.Blockers?.Length > TextMax) return "too-long";
        var reporter = new Reporter(PartyKind.Unit, unitCode, by);
        if (!await OwnsValidAsync(reporter, e.Milestones, ct)) return "milestone";
        // With a breakdown the item's completion rolls up from milestones, so the lead unit does not type a figure.
        var brokenDown = await db.SubItems.AnyAsync(s => s.WorkItemCode == e.Item && !s.Retired && db.Milestones.Any(m => m.SubItemId == s.Id && !m.Retired), ct);
        if (role == UnitRole.Lead && !brokenDown && e.Percent is not (>= 0 and <= 100)) return "percent";

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AddMilestoneReportsAsync(reporter, period, e.Milestones, ct);
        await db.SaveChangesAsync(ct);
        decimal? rolled = brokenDown ? BreakdownRule.Roll(await breakdown.RunAsync(period, e.Item, ct))?.Progress : null;
        db.ProgressReports.Add(new ProgressReport
        {
            WorkItemCode = e.Item, PartNo = e.Part, UnitCode = unitCode, Period = period, Status = e.Status,
            ProgressPercent = rolled ?? (e.Percent is >= 0 and <= 100 ? e.Percent.Value : 0),
            Narrative = narrative, NextSteps = Blank(e.NextSteps), Blockers = Blank(e.Blockers), ReportedBy = by, ReportedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Progress of {Item} part {Part} for {Period} reported by {Unit} ({User}) with {Milestones} milestones",
            e.Item, e.Part, period.ToString(), unitCode, by, e.Milestones.Count);
        return null;
    }

    /// <summary>A unit or district reports the completion of milestones it owns outside any task it reports on (a district's, typically).</summary>
    public async Task<string?> SaveMilestonesAsync(Reporter reporter, Period period, IReadOnlyDictionary<long, decimal?> milestones, CancellationToken ct)
    {
        if (await IsLockedAsync(period, ct)) return "locked";
        if (milestones.Count == 0 || !await OwnsValidAsync(reporter, milestones, ct)) return "milestone";
        await AddMilestoneReportsAsync(reporter, period, milestones, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Count} milestones for {Period} reported by {Reporter} ({User})", milestones.Count, period.ToString(), reporter.Code, reporter.By);
        return null;
    }

    /// <summary>Every value is 0–100 and every milestone is live and belongs to a sub-item the reporter owns.</summary>
    private async Task<bool> OwnsValidAsync(Reporter reporter, IReadOnlyDictionary<long, decimal?> milestones, CancellationToken ct)
    {
        if (milestones.Count == 0) return true;
        if (milestones.Values.Any(v => v is not (>= 0 and <= 100))) return false;
        var ids = milestones.Keys.ToList();
        var owned = await (from m in db.Milestones join s in db.SubItems on m.SubItemId equals s.Id
                           where ids.Contains(m.Id) && !m.Retired && !s.Retired && s.OwnerKind == reporter.Kind && s.OwnerCode == reporter.Code
                           select m.Id).CountAsync(ct);
        return owned == ids.Count;
    }

    /// <summary>
    /// Adds a report for each milestone whose figure is new for the quarter or differs from the one already
    /// reported in it, so a save that leaves a milestone alone does not fill its history with repeats.
    /// </summary>
    private async Task AddMilestoneReportsAsync(Reporter reporter, Period period, IReadOnlyDictionary<long, decimal?> milestones, CancellationToken ct)
    {
        var ids = milestones.Keys.ToList();
        var current = (await db.MilestoneReports.AsNoTracking().Where(r => r.Period == period && ids.Contains(r.MilestoneId)).ToListAsync(ct))
            .GroupBy(r => r.MilestoneId).ToDictionary(g => g.Key, g => g.Newest(r => r.ReportedAt, r => r.Id).Percent);
        db.MilestoneReports.AddRange(milestones.Where(m => !current.TryGetValue(m.Key, out var was) || was != m.Value).Select(m => new MilestoneReport
        {
            MilestoneId = m.Key, Period = period, Percent = m.Value!.Value, ReporterKind = reporter.Kind, ReporterCode = reporter.Code,
            ReportedBy = reporter.By, ReportedAt = clock.GetUtcNow(),
        }));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The unit's report form post, and the office's lock of a quarter's reports.</summary>
public static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressReporting(this IEndpointRouteBuilder app)
    {
        app.MapPost("/progress/report", async ([FromForm] string? period, [FromForm] string? item, [FromForm] int? part, [FromForm] ProgressStatus? status,
            [FromForm] string? percent, [FromForm] string? narrative, [FromForm] string? next, [FromForm] string? blockers,
            HttpContext http, ProgressReporting reporting, CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect("/progress?error=period");
            if (http.User.Unit() is not { } unit || item is null || part is null || status is null)
                return TypedResults.Redirect("/progress?error=not-yours");
            var error = await reporting.SaveAsync(unit, http.User.Identity!.Name!, p, new ProgressEntry(item, part.Value, status.Value,
                decimal.TryParse(percent, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null, narrative, next, blockers,
                ProgressReporting.MilestoneFields(await http.Request.ReadFormAsync(ct))), ct);
            return TypedResults.Redirect($"/progress?period={p}{(error is null ? "&done=saved" : "&error=" + error)}#{item}-{part}");
        }).RequireAuthorization(p => p.RequireRole(Domain.Accounts.Roles.Unit)).RequireAntiforgeryToken();

        app.MapPost("/progress/milestones", async ([FromForm] string? period, HttpContext http, ProgressReporting reporting, CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect("/progress?error=period");
            if (ProgressReporting.ReporterOf(http.User) is not { } reporter) return TypedResults.Redirect("/progress?error=milestone");
            var error = await reporting.SaveMilestonesAsync(reporter, p, ProgressReporting.MilestoneFields(await http.Request.ReadFormAsync(ct)), ct);
            return TypedResults.Redirect($"/progress?period={p}{(error is null ? "&done=saved" : "&error=" + error)}#milestones");
        }).RequireAuthorization(p => p.RequireRole(Domain.Accounts.Roles.Unit, Domain.Accounts.Roles.District)).RequireAntiforgeryToken();

        app.MapPost("/progress/lock", async ([FromForm] string? period, [FromForm] bool? unlock, HttpContext http, AppDbContext db, AuditTrail audit, TimeProvider clock, CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect("/progress");
            var existing = await db.ProgressLocks.FirstOrDefaultAsync(l => l.Period == p, ct);
            if (unlock == true && existing is not null)
            {
                db.ProgressLocks.Remove(existing);
                await audit.RecordAsync(AuditActions.ProgressUnlocked, p.Label, null, ct);
            }
            else if (unlock != true && existing is null)
            {
                db.ProgressLocks.Add(new ProgressLock { Period = p, LockedBy = http.User.Identity!.Name!, LockedAt = clock.GetUtcNow() });
                await audit.RecordAsync(AuditActions.ProgressLocked, p.Label, null, ct);
            }
            return TypedResults.Redirect($"/progress?period={p}");
        }).RequireAuthorization(Policies.Office).RequireAntiforgeryToken();
        return app;
    }
}
