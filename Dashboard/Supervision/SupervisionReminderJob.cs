using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GzBioPlan.Dashboard.Supervision;

/// <summary>
/// 临近提醒 and 到期催办 for supervision items: an open item within its reminder window gets one reminder,
/// an overdue one is escalated once (the office is told too). Both are steps in the item's ledger.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SupervisionReminderJob(IServiceScopeFactory scopes, IngestOptions options, IHttpClientFactory http, TimeProvider clock, ILogger<SupervisionReminderJob> logger)
    : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("supervision-reminders");

    public override string Name => Key.Name;

    public const string By = "系统";

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var today = BeijingTime.Today(Clock);
        var open = await db.SupervisionItems.Where(i => i.Status != SupervisionStatus.Closed).ToListAsync(ct);
        var ids = open.Select(i => i.Id).ToList();
        var done = (await db.SupervisionSteps.Where(s => ids.Contains(s.ItemId) && (s.Action == SupervisionAction.Remind || s.Action == SupervisionAction.Escalate))
            .Select(s => new { s.ItemId, s.Action }).ToListAsync(ct)).Select(s => (s.ItemId, s.Action)).ToHashSet();
        int reminded = 0, escalated = 0;
        foreach (var item in open)
        {
            var action = SupervisionRule.Due(item.DueDate, today, item.Status) switch
            {
                DueState.NearDue => SupervisionAction.Remind,
                DueState.Overdue => SupervisionAction.Escalate,
                _ => (SupervisionAction?)null,
            };
            if (action is not { } a || done.Contains((item.Id, a))) continue;
            var text = a == SupervisionAction.Remind
                ? $"督办事项“{item.Title}”将于 {item.DueDate:yyyy年M月d日} 到期，请抓紧办理。"
                : $"督办事项“{item.Title}”已于 {item.DueDate:yyyy年M月d日} 到期，尚未销号，请立即办理并报告。";
            db.SupervisionSteps.Add(new SupervisionStep { ItemId = item.Id, Action = a, By = By, At = Clock.GetUtcNow(), Note = text });
            db.Notifications.Add(new Notification
            {
                Kind = a == SupervisionAction.Remind ? "supervision-near-due" : "supervision-overdue", Text = text, CreatedAt = Clock.GetUtcNow(),
                UnitCode = item.AddresseeKind == PartyKind.Unit ? item.AddresseeCode : null,
                DistrictCode = item.AddresseeKind == PartyKind.District ? item.AddresseeCode : null,
            });
            if (a == SupervisionAction.Escalate)
            {
                db.Notifications.Add(new Notification { Kind = "supervision-overdue", Text = "（催办）" + text, CreatedAt = Clock.GetUtcNow() });
                escalated++;
            }
            else reminded++;
        }
        await db.SaveChangesAsync(ct);
        var delivered = await Webhook.DeliverAsync(db, options, http, Clock, Logger, ct);
        return $"临近提醒 {reminded} 项，到期催办 {escalated} 项{(options.WebhookUrl is null ? "" : $"，推送 {delivered} 条")}。";
    }
}
