using GzBioPlan.Domain.Rules;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>After a quarter's deadline, freezes its completeness and timeliness so later changes do not rewrite history.</summary>
[DisallowConcurrentExecution]
public sealed class QuarterCloseJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<QuarterCloseJob> logger) : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("quarter-close");

    public override string Name => Key.Name;

    /// <summary>
    /// Tells the leaders, once a quarter's reporting is over, which targets, tasks and measures turned red in it (严重滞后
    /// now, not the quarter before). Only the latest quarter closed in a run: a first start that closes many posts one notice.
    /// </summary>
    private async Task PostNewRedsAsync(IServiceProvider services, AppDbContext db, Period period, CancellationToken ct)
    {
        var progress = services.GetRequiredService<PlanProgressQuery>();
        var now = await progress.RunAsync(period, ct);
        var before = period > Period.First ? await progress.RunAsync(period.Previous, ct) : null;
        var wasRed = before is null ? [] : before.Targets.Where(t => t.Light == Light.Red).Select(t => t.Code)
            .Concat(before.WorkItems.Where(w => w.Light == Light.Red).Select(w => w.Code)).ToHashSet();
        var reds = now.Targets.Where(t => t.Light == Light.Red && !wasRed.Contains(t.Code)).Select(t => t.Name)
            .Concat(now.WorkItems.Where(w => w.Light == Light.Red && !wasRed.Contains(w.Code)).Select(w => $"{w.Numbering}{w.Title}")).ToList();
        if (reds.Count == 0 || await db.Notifications.AnyAsync(n => n.Kind == "new-reds" && n.Period == period, ct)) return;
        db.Notifications.Add(new Notification
        {
            Role = Roles.Leader, Kind = "new-reds", Period = period, CreatedAt = Clock.GetUtcNow(), Link = $"/?period={period}",
            Text = $"{period.Label}报送结束，新增严重滞后 {reds.Count} 项：{string.Join("、", reds)}。",
        });
    }

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var completeness = services.GetRequiredService<CompletenessQuery>();
        var frozen = await db.CompletenessSnapshots.Select(s => s.Period).ToListAsync(ct);
        var closed = new List<Period>();
        foreach (var period in Period.All.Where(p => !frozen.Contains(p) && completeness.DeadlineEnd(p) <= Clock.GetUtcNow()))
        {
            var f = await completeness.FiguresAsync(period, ct);
            db.CompletenessSnapshots.Add(new CompletenessSnapshot
            {
                Period = period, Expected = f.Expected, Submitted = f.Submitted, Accepted = f.Accepted, OnTime = f.OnTime,
                Late = f.Late, Missing = f.Missing, FrozenAt = Clock.GetUtcNow(),
            });
            closed.Add(period);
        }
        if (closed.Count > 0) await PostNewRedsAsync(services, db, closed[^1], ct);
        await db.SaveChangesAsync(ct);
        return closed.Count == 0 ? "没有需要结账的季度。" : "已结账：" + string.Join("、", closed.Select(p => p.Label));
    }
}
