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

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var completeness = services.GetRequiredService<CompletenessQuery>();
        var frozen = await db.CompletenessSnapshots.Select(s => s.Period).ToListAsync(ct);
        var closed = new List<string>();
        foreach (var period in Period.All.Where(p => !frozen.Contains(p) && completeness.DeadlineEnd(p) <= Clock.GetUtcNow()))
        {
            var f = await completeness.FiguresAsync(period, ct);
            db.CompletenessSnapshots.Add(new CompletenessSnapshot
            {
                Period = period, Expected = f.Expected, Submitted = f.Submitted, Accepted = f.Accepted, OnTime = f.OnTime,
                Late = f.Late, Missing = f.Missing, FrozenAt = Clock.GetUtcNow(),
            });
            closed.Add(period.Label);
        }
        await db.SaveChangesAsync(ct);
        return closed.Count == 0 ? "没有需要结账的季度。" : "已结账：" + string.Join("、", closed);
    }
}
