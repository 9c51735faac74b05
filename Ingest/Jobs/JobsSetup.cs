using GzBioPlan.Domain.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace GzBioPlan.Ingest.Jobs;

public static class JobsSetup
{
    /// <summary>The jobs the admin page lists, with what each does.</summary>
    public static readonly IReadOnlyList<(JobKey Key, string Title)> Jobs =
    [
        (InboxScanJob.Key, "共享目录扫描（每分钟）"),
        (DeadlineReminderJob.Key, "截止提醒（每天 9:00）"),
        (QuarterCloseJob.Key, "季度结账（每天 1:00）"),
        (SupervisionReminderJob.Key, "督办临近提醒和到期催办（每天 8:30）"),
    ];

    /// <summary>
    /// Quartz with its ADO store in the application's own database, so schedules survive a restart and a job
    /// interrupted by a crash is run again (request recovery). SQLite cannot cluster; with SQL Server set
    /// <c>Jobs:Clustered</c> for more than one web node (README).
    /// </summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ResolveConnectionString(builder.Environment.ContentRootPath);
        var china = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        builder.Services.AddHttpClient(nameof(Webhook), c => c.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (database.Provider == DatabaseProvider.SqlServer)
                {
                    store.UseSqlServer(connectionString);
                    if (builder.Configuration.GetValue<bool>("Jobs:Clustered")) store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.ProvisionSchema();
            });
            q.AddJob<InboxScanJob>(j => j.WithIdentity(InboxScanJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<DeadlineReminderJob>(j => j.WithIdentity(DeadlineReminderJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<QuarterCloseJob>(j => j.WithIdentity(QuarterCloseJob.Key).StoreDurably().RequestRecovery());
            q.AddJob<SupervisionReminderJob>(j => j.WithIdentity(SupervisionReminderJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t.ForJob(InboxScanJob.Key).WithIdentity("inbox-scan-every-minute")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(30)).WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMinutes(1)).RepeatForever()));
            q.AddTrigger(t => t.ForJob(DeadlineReminderJob.Key).WithIdentity("deadline-reminders-daily")
                .WithSchedule(CronScheduleBuilder.Create("0 0 9 * * ?").InTimeZone(china)));
            q.AddTrigger(t => t.ForJob(SupervisionReminderJob.Key).WithIdentity("supervision-reminders-daily")
                .WithSchedule(CronScheduleBuilder.Create("0 30 8 * * ?").InTimeZone(china)));
            q.AddTrigger(t => t.ForJob(QuarterCloseJob.Key).WithIdentity("quarter-close-daily")
                .WithSchedule(CronScheduleBuilder.Create("0 0 1 * * ?").InTimeZone(china)));
        });
        if (builder.Configuration.GetValue("Jobs:Enabled", true))
            builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
