using System.Net.Http.Json;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>
/// Reminds districts that have not submitted the quarter being reported: once when the deadline is near,
/// once when it has passed, and tells the coordination office who is overdue. Each notice is written once
/// (in-app) and, if a webhook is configured, POSTed as JSON until it is accepted.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineReminderJob(IServiceScopeFactory scopes, IngestOptions options, IHttpClientFactory http, TimeProvider clock, ILogger<DeadlineReminderJob> logger)
    : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("deadline-reminders");

    public override string Name => Key.Name;

    public const string NearDeadline = "near-deadline";
    public const string Overdue = "overdue";

    /// <summary>Which reminder a district gets today, if any.</summary>
    public static string? Due(DateOnly today, DateOnly deadline, int reminderDays) =>
        today > deadline ? Overdue : deadline.DayNumber - today.DayNumber <= reminderDays ? NearDeadline : null;

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var completeness = services.GetRequiredService<CompletenessQuery>();
        var today = BeijingTime.Today(Clock);
        var period = Period.LastFinished(today);
        if (!period.IsInPlan) return "不在方案期内，跳过。";
        var deadline = completeness.Deadline(period);
        var kind = Due(today, deadline, options.ReminderDays);
        var written = 0;
        if (kind is not null)
        {
            var pending = (await completeness.DistrictsAsync(period, ct))
                .Where(r => r.Expected && CompletenessQuery.Awaited(r.Status)).ToList();
            var already = await db.Notifications.Where(n => n.Kind == kind && n.Period == period).Select(n => n.DistrictCode).ToListAsync(ct);
            foreach (var r in pending.Where(r => !already.Contains(r.DistrictCode)))
            {
                db.Notifications.Add(new Notification
                {
                    DistrictCode = r.DistrictCode, Kind = kind, Period = period, CreatedAt = Clock.GetUtcNow(),
                    Text = kind == Overdue
                        ? $"{r.DistrictName}{period.Label}报表已逾期（截止日 {deadline:yyyy年M月d日}），请尽快上传。"
                        : $"{r.DistrictName}{period.Label}报表将于 {deadline:yyyy年M月d日} 截止，请按时上传。",
                });
                written++;
            }
            if (kind == Overdue && pending.Count > 0 && !already.Contains(null))
            {
                db.Notifications.Add(new Notification
                {
                    Kind = kind, Period = period, CreatedAt = Clock.GetUtcNow(),
                    Text = $"{period.Label}报表逾期未报 {pending.Count} 个区：{string.Join("、", pending.Select(p => p.DistrictName))}。",
                });
                written++;
            }
            await db.SaveChangesAsync(ct);
        }
        var delivered = await Webhook.DeliverAsync(db, options, http, Clock, Logger, ct);
        var stage = kind switch { Overdue => "已逾期", NearDeadline => "临近截止", _ => "无需提醒" };
        return $"{period.Label}（{today:yyyy年M月d日}，{stage}）：新提醒 {written} 条{(options.WebhookUrl is null ? "" : $"，推送 {delivered} 条")}。";
    }
}
