using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Hosting;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Components.Pages.Progress;

/// <summary>What a unit posts for one part of a task or measure in a quarter.</summary>
public sealed record ProgressEntry(string Item, int Part, ProgressStatus Status, decimal? Percent, string? Narrative, string? NextSteps, string? Blockers);

/// <summary>
/// 任务进展: a municipal unit reports, each quarter, on the parts it leads (status, completion, narrative,
/// next steps, blockers and needs) and adds its contribution where it supports. Every save is a new row
/// (the latest counts, the history stays) until the coordination office locks the quarter.
/// </summary>
public sealed class ProgressReporting(AppDbContext db, TimeProvider clock, ILogger<ProgressReporting> logger)
{
    public const int TextMax = 2000;

    public static readonly IReadOnlyDictionary<string, string> Errors = new Dictionary<string, string>
    {
        ["not-yours"] = "只能填报本单位牵头或配合的任务。",
        ["locked"] = "协调办已锁定本季度的进展报告，不能再修改。如需更正，请联系协调办。",
        ["percent"] = "牵头单位请填写 0 到 100 之间的完成进度。",
        ["narrative"] = "请填写工作进展。",
        ["too-long"] = $"每项内容不能超过 {TextMax} 字。",
    };

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
        if (role == UnitRole.Lead && e.Percent is not (>= 0 and <= 100)) return "percent";
        db.ProgressReports.Add(new ProgressReport
        {
            WorkItemCode = e.Item, PartNo = e.Part, UnitCode = unitCode, Period = period, Status = e.Status,
            ProgressPercent = role == UnitRole.Lead ? e.Percent!.Value : e.Percent is >= 0 and <= 100 ? e.Percent.Value : 0,
            Narrative = narrative, NextSteps = Blank(e.NextSteps), Blockers = Blank(e.Blockers), ReportedBy = by, ReportedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Progress of {Item} part {Part} for {Period} reported by {Unit} ({User})", e.Item, e.Part, period.ToString(), unitCode, by);
        return null;
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
            if (!Period.TryParse(period, out var p) || !p.IsInPlan || http.User.Unit() is not { } unit || item is null || part is null || status is null)
                return TypedResults.Redirect("/progress?error=not-yours");
            var error = await reporting.SaveAsync(unit, http.User.Identity!.Name!, p, new ProgressEntry(item, part.Value, status.Value,
                decimal.TryParse(percent, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null, narrative, next, blockers), ct);
            return TypedResults.Redirect($"/progress?period={p}{(error is null ? "&done=saved" : "&error=" + error)}#{item}-{part}");
        }).RequireAuthorization(p => p.RequireRole(Domain.Accounts.Roles.Unit)).RequireAntiforgeryToken();

        app.MapPost("/progress/lock", async ([FromForm] string? period, [FromForm] bool? unlock, HttpContext http, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect("/progress");
            var existing = await db.ProgressLocks.FirstOrDefaultAsync(l => l.Period == p, ct);
            if (unlock == true && existing is not null) db.ProgressLocks.Remove(existing);
            else if (unlock != true && existing is null) db.ProgressLocks.Add(new ProgressLock { Period = p, LockedBy = http.User.Identity!.Name!, LockedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
            return TypedResults.Redirect($"/progress?period={p}");
        }).RequireAuthorization(p => p.RequireAssertion(c => c.User.Reviews())).RequireAntiforgeryToken();
        return app;
    }
}
