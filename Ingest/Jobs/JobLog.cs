using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>Runs a job's work in its own scope and records the outcome for the jobs page; a failure is logged and recorded, and the next run tries again.</summary>
public abstract class LoggedJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : IJob
{
    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    public abstract string Name { get; }

    protected abstract Task<string> RunAsync(IServiceProvider services, CancellationToken ct);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        string summary;
        var ok = true;
        using var scope = scopes.CreateScope();
        try
        {
            summary = await RunAsync(scope.ServiceProvider, ct);
            // Run again because the node running it stopped (request recovery), which the jobs page should say.
            if (context.Recovering) summary = "（节点中断后恢复执行）" + summary;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ok = false;
            summary = "失败：" + ex.Message;
            logger.LogError(ex, "Job {Job} failed on node {Node}", Name, context.Scheduler.SchedulerInstanceId);
        }
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.Clear();
        db.JobRuns.Add(new JobRun { Job = Name, StartedAt = started, FinishedAt = clock.GetUtcNow(), Succeeded = ok, Summary = summary.Length > 2000 ? summary[..2000] : summary });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Job {Job} finished on node {Node}: {Summary}", Name, context.Scheduler.SchedulerInstanceId, summary);
    }
}
