using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>A scheduled job as the admin's jobs page lists it: its key and what it does.</summary>
public sealed record ScheduledJob(JobKey Key, string Title);

public static class JobsSetup
{
    /// <summary>
    /// Quartz with its ADO store in the application's own database, so schedules survive a restart and a job
    /// interrupted by a crash is run again (request recovery). SQLite cannot cluster; with SQL Server set
    /// <c>Jobs:Clustered</c> for more than one web node (README). The jobs themselves are added by the area
    /// that owns them, through <see cref="AddScheduledJob{TJob}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var database = DatabaseOptions.From(builder.Configuration);
        var connectionString = database.ResolveConnectionString(builder.Environment.ContentRootPath);
        builder.Services.AddHttpClient(nameof(Webhook), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.AddMail();
        var clustered = database.Provider != DatabaseProvider.Sqlite && builder.Configuration.GetValue<bool>("Jobs:Clustered");
        var nodeName = builder.Configuration["Jobs:NodeName"];
        builder.Services.AddQuartz(q =>
        {
            // A node named in configuration is told apart by that name in the store and the logs (otherwise Quartz generates one per start).
            if (clustered && !string.IsNullOrWhiteSpace(nodeName)) q.ConfigureScheduler(o => o.InstanceId = nodeName);
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                switch (database.Provider)
                {
                    case DatabaseProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        break;
                    case DatabaseProvider.PostgreSql:
                        store.UsePostgres(connectionString);
                        break;
                    default:
                        store.UseSqlite(connectionString);
                        break;
                }
                // A shared server lets several nodes share the schedule: each firing runs on one node, and a node's crash is recovered by another.
                // Nodes check in every 5 s; one silent for 5 s more is taken for dead and its running jobs are run again elsewhere.
                if (clustered) store.UseClustering(c => { c.CheckinInterval = TimeSpan.FromSeconds(5); c.CheckinMisfireThreshold = TimeSpan.FromSeconds(5); });
                store.ProvisionSchema();
            });
        });
        if (builder.Configuration.GetValue("Jobs:Enabled", true))
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);

        builder.Services.AddSingleton<InboxSightings>();
        builder.AddScheduledJob<InboxScanJob>(InboxScanJob.Key, "共享目录扫描（每分钟）", "inbox-scan-every-minute",
            t => t.StartAt(DateTimeOffset.UtcNow.AddSeconds(30)).WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
        builder.AddScheduledJob<DeadlineReminderJob>(DeadlineReminderJob.Key, "截止提醒（每天 9:00）", "deadline-reminders-daily", Daily("0 0 9 * * ?"));
        builder.AddScheduledJob<QuarterCloseJob>(QuarterCloseJob.Key, "季度结账（每天 1:00）", "quarter-close-daily", Daily("0 0 1 * * ?"));
        return builder;
    }

    private static bool IsCron(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A cron schedule in Beijing time.</summary>
    public static Action<ITriggerConfigurator<IJob>> Daily(string cron) => t => t.WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(BeijingTime.Zone));

    /// <summary>
    /// Adds a durable, recoverable job with its one trigger, and lists it on the admin's jobs page. The trigger's
    /// identity is kept in the store: changing it would leave the old trigger firing beside the new one.
    /// <c>Jobs:&lt;job name&gt;:Cron</c> (a Quartz cron expression in Beijing time, seconds first) replaces the schedule.
    /// </summary>
    public static IHostApplicationBuilder AddScheduledJob<TJob>(this IHostApplicationBuilder builder, JobKey key, string title, string triggerName,
        Action<ITriggerConfigurator<IJob>> schedule) where TJob : IJob
    {
        if (builder.Configuration[$"Jobs:{key.Name}:Cron"] is { Length: > 0 } cron)
        {
            if (!IsCron(cron))
                throw new StartupException($"Jobs:{key.Name}:Cron={cron} 不是有效的 Quartz cron 表达式（秒 分 时 日 月 星期，如 0 0 9 * * ?）。请改正配置后重新启动。");
            schedule = Daily(cron);
            title = $"{title}（已按配置改为 {cron}）";
        }
        builder.Services.AddSingleton(new ScheduledJob(key, title));
        // Applied to the one scheduler whether it is configured before or after this call.
        builder.Services.ConfigureAllQuartzSchedulers(q =>
        {
            q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably().RequestRecovery());
            q.AddTrigger(t =>
            {
                t.ForJob(key).WithIdentity(triggerName);
                schedule(t);
            });
        });
        return builder;
    }
}
