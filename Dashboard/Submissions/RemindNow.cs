using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Ingest.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Submissions;

/// <summary>
/// 催报: the office reminds a district (or every district still missing) to report a quarter now. The notice goes into
/// the district's notification centre and on to the webhook, is audited, and is sent at most once a day per district
/// and quarter.
/// </summary>
public sealed class RemindNow(AppDbContext db, CompletenessQuery completeness, IngestOptions options, IHttpClientFactory http, AuditTrail audit,
    TimeProvider clock, ILogger<RemindNow> logger)
{
    public const string Kind = "remind-now";

    /// <summary>When each district was last reminded of <paramref name="period"/>.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> LastAsync(Period period, CancellationToken ct) =>
        // Compared in memory: SQLite cannot compare times with offsets in SQL, and a quarter has few such notices.
        (await db.Notifications.AsNoTracking().Where(n => n.Kind == Kind && n.Period == period && n.DistrictCode != null)
            .Select(n => new { n.DistrictCode, n.CreatedAt }).ToListAsync(ct))
        .GroupBy(n => n.DistrictCode!).ToDictionary(g => g.Key, g => g.Max(n => n.CreatedAt));

    public async Task<string> RemindAsync(Period period, string? district, CancellationToken ct)
    {
        var today = BeijingTime.Today(clock);
        var missing = (await completeness.DistrictsAsync(period, ct)).Where(r => r.Expected && CompletenessQuery.Awaited(r.Status)).ToList();
        var targets = district is null ? missing : missing.Where(r => r.DistrictCode == district).ToList();
        if (targets.Count == 0) return district is null ? $"{period.Label}没有未报的区，无需催报。" : "该区本季度已报送（或免报），无需催报。";
        var sentToday = (await LastAsync(period, ct)).Where(n => BeijingTime.DateOf(n.Value) == today).Select(n => n.Key).ToHashSet();
        var deadline = completeness.Deadline(period);
        var sent = targets.Where(t => !sentToday.Contains(t.DistrictCode)).ToList();
        foreach (var t in sent)
            db.Notifications.Add(new Notification
            {
                DistrictCode = t.DistrictCode, Kind = Kind, Period = period, Link = $"/reporting?period={period}", CreatedAt = clock.GetUtcNow(),
                Text = $"协调办催报：{t.DistrictName}{period.Label}报表" + (CompletenessQuery.DaysLate(null, deadline, today, expected: true) is { } late
                    ? $"已逾期 {late} 天（截止日 {deadline:yyyy年M月d日}）"
                    : $"{t.Status switch { SubmissionStatus.Returned => "已退回待重新上传", SubmissionStatus.AwaitingDistrictReview => "已上传、待区内审核", _ => "尚未上传" }}，截止日 {deadline:yyyy年M月d日}")
                    + (t.Status == SubmissionStatus.AwaitingDistrictReview ? "，请本区审核人尽快审核报送。" : "，请尽快上传。"),
            });
        await db.SaveChangesAsync(ct);
        var skipped = targets.Where(t => sentToday.Contains(t.DistrictCode)).Select(t => t.DistrictName).ToList();
        if (sent.Count > 0)
        {
            await audit.RecordAsync(AuditActions.SubmissionReminded, period.ToString(), string.Join("、", sent.Select(t => t.DistrictName)), ct);
            logger.LogInformation("催报 {Period} sent to {Districts}", period.ToString(), string.Join(",", sent.Select(t => t.DistrictCode)));
        }
        var delivered = sent.Count > 0 ? await Webhook.DeliverAsync(db, options, http, clock, logger, ct) : 0;
        return (sent.Count > 0 ? $"已向{string.Join("、", sent.Select(t => t.DistrictName))}发送{period.Label}催报" + (options.WebhookUrl is null ? "" : $"（推送 {delivered} 条）") : "")
               + (skipped.Count > 0 ? $"{(sent.Count > 0 ? "；" : "")}{string.Join("、", skipped)}今天已催报过，未重复发送" : "") + "。";
    }
}

/// <summary>完整率's own routes: 催报 and the export of the per-quarter figures and the district × quarter matrix.</summary>
public static class CompletenessEndpoints
{
    public static IEndpointRouteBuilder MapCompleteness(this IEndpointRouteBuilder app)
    {
        app.MapPost("/reporting/remind", async Task<RedirectHttpResult> ([FromForm] string? period, [FromForm] string? district, RemindNow remind, PageNotice notice,
            CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect(notice.Append("/reporting/completeness", "报告期无效，请从页面上选择。"));
            return TypedResults.Redirect(notice.Append($"/reporting/completeness?period={p}", await remind.RemindAsync(p, string.IsNullOrEmpty(district) ? null : district, ct)));
        }).RequireAuthorization(Policies.Office).RequireAntiforgeryToken();

        app.MapGet("/export/completeness.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, HttpContext http, PeriodResolver periods,
            CompletenessQuery completeness, TimeProvider clock, CancellationToken ct) =>
        {
            if (await periods.ResolveAsync(period, ct) is not { } p) return TypedResults.NotFound();
            var figures = await completeness.HistoryAsync(p, ct);
            var matrix = await completeness.MatrixAsync(Period.First, p, BeijingTime.Today(clock), ct);
            return Cockpit.CockpitExports.File(http.User, $"报送完整率-{p}.xlsx",
                new Sheet("各季度", $"报送完整率和及时率（{Period.First.Label}至{p.Label}）",
                    ["报告期", "截止日期", "应报", "已报", "已确认", "按时", "逾期", "未报", "完整率（%）", "及时率（%）", "结账"],
                    figures.Select(f => new object?[] { f.Period.Label, f.Deadline, f.Expected, f.Submitted, f.Accepted, f.OnTime, f.Late, f.Missing,
                        f.CompletenessRate, f.TimelinessRate, f.Frozen ? "已结账" : null }).ToList()),
                new Sheet("各区×季度", $"各区报送情况（{Period.First.Label}至{p.Label}）", ["区", .. matrix.Periods.Select(q => q.Label)],
                    matrix.Districts.Select(d => new object?[] { d.Name }.Concat(matrix.Periods.Select(q => (object?)CompletenessQuery.CellLabel(matrix.Cells[(d.Code, q)]))).ToArray())
                        .ToList()));
        }).RequireAuthorization(Policies.CityReaders);
        return app;
    }
}
