using System.Net;
using System.Text;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GzBioPlan.Tests.Ingest.Jobs;

public class JobTests
{
    private static async Task<byte[]> FilledTemplate(AppFactory app, string district, string period)
    {
        using var scope = app.Services.CreateScope();
        var data = await scope.ServiceProvider.GetRequiredService<TemplateQuery>().LoadAsync(district, Period.Parse(period), TestContext.Current.CancellationToken);
        return Workbooks.Filled(TemplateWriter.Write(data!));
    }

    private static AppFactory WithInbox(out string inbox)
    {
        var app = new AppFactory();
        inbox = Path.Combine(app.Folder, "inbox");
        app.Settings["Ingest:InboxFolder"] = inbox;
        return app;
    }

    private static void Drop(string inbox, string district, string name, byte[] bytes)
    {
        var folder = Path.Combine(inbox, district);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-1)); // settled, as a copy finished a while ago
    }

    [Fact]
    public async Task Inbox_files_go_through_the_same_checks_and_are_moved_with_a_report()
    {
        await using var app = WithInbox(out var inbox);
        _ = app.Services;
        Drop(inbox, "440112", "黄埔-2026Q4.xlsx", await FilledTemplate(app, "440112", "2026Q4"));
        Drop(inbox, "440115", "南沙.xls", Workbooks.CompoundFile("Workbook"));

        var first = await app.RunJob(InboxScanJob.Key);
        Assert.Contains("处理 0 个文件，未通过 0 个；2 个文件待下次扫描确认已复制完成", first.Summary); // taken once unchanged since the last scan
        var run = await app.RunJob(InboxScanJob.Key);
        Assert.True(run.Succeeded);
        Assert.Contains("处理 1 个文件，未通过 1 个", run.Summary);
        Assert.True(File.Exists(Path.Combine(inbox, "440112", "processed", "黄埔-2026Q4.xlsx")));
        Assert.Contains("已提交", File.ReadAllText(Path.Combine(inbox, "440112", "processed", "黄埔-2026Q4.xlsx.report.txt")));
        Assert.Contains("另存为", File.ReadAllText(Path.Combine(inbox, "440115", "failed", "南沙.xls.report.txt")));
        Assert.Empty(Directory.GetFiles(Path.Combine(inbox, "440112")));
        var version = app.WithDb(db => db.SubmissionVersions.Single(v => v.DistrictCode == "440112"));
        Assert.Equal(UploadChannel.Inbox, version.Channel);
        Assert.Equal(Period.Parse("2026Q4"), version.Period); // read from the workbook itself

        var again = await app.RunJob(InboxScanJob.Key);
        Assert.Contains("处理 0 个文件", again.Summary); // nothing is processed twice
    }

    [Fact]
    public async Task A_file_ingested_before_a_crash_but_not_moved_is_not_counted_twice()
    {
        await using var app = WithInbox(out var inbox);
        var bytes = await FilledTemplate(app, "440106", "2026Q4");
        using (var scope = app.Services.CreateScope())
        {
            // The server wrote the upload, then stopped before moving the file.
            await scope.ServiceProvider.GetRequiredService<IngestService>().UploadAsync(
                new UploadRequest("440106", Period.Parse("2026Q4"), "天河.xlsx", bytes, "共享目录", UploadChannel.Inbox), TestContext.Current.CancellationToken);
        }
        Drop(inbox, "440106", "天河.xlsx", bytes);
        await app.RunJob(InboxScanJob.Key);
        await app.RunJob(InboxScanJob.Key);
        Assert.Contains("没有重复计入", File.ReadAllText(Path.Combine(inbox, "440106", "processed", "天河.xlsx.report.txt")));
        Assert.Equal(1, app.WithDb(db => db.SubmissionVersions.Count(v => v.DistrictCode == "440106")));
    }

    [Fact]
    public async Task Jobs_and_their_history_survive_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gzbioplan-tests", Guid.NewGuid().ToString("N"));
        await using (var first = new AppFactory { Folder = folder, KeepFolder = true })
        {
            await first.RunJob(QuarterCloseJob.Key);
        }
        await using var second = new AppFactory { Folder = folder };
        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var jobs = second.Services.GetServices<ScheduledJob>().ToList();
        Assert.Equal(6, jobs.Count);
        foreach (var (key, _) in jobs) Assert.NotNull(await scheduler.GetJobDetail(key));
        var triggers = await scheduler.GetTriggersOfJob(DeadlineReminderJob.Key);
        Assert.NotNull(Assert.Single(triggers).NextFireTimeUtc);
        Assert.Equal(1, second.WithDb(db => db.JobRuns.Count(r => r.Job == QuarterCloseJob.Key.Name)));
        Assert.Equal(8, second.WithDb(db => db.CompletenessSnapshots.Count()));
    }

    [Theory]
    [InlineData("2026-10-11", null)]
    [InlineData("2026-10-12", DeadlineReminderJob.NearDeadline)]
    [InlineData("2026-10-15", DeadlineReminderJob.NearDeadline)]
    [InlineData("2026-10-16", DeadlineReminderJob.Overdue)]
    public void Reminder_timing_around_the_deadline(string today, string? kind) =>
        Assert.Equal(kind, DeadlineReminderJob.Due(DateOnly.Parse(today), new DateOnly(2026, 10, 15), 3));

    [Fact]
    public async Task Reminders_are_written_once_and_pushed_to_the_webhook()
    {
        using var hook = new WebhookListener();
        await using var app = new AppFactory();
        app.Settings["Ingest:WebhookUrl"] = hook.Url;
        // Not 9:00: Quartz runs on the app's clock, and its daily trigger would fire on its own.
        app.Clock.Now = new DateTimeOffset(2026, 10, 13, 10, 0, 0, TimeSpan.FromHours(8));
        var run = await app.RunJob(DeadlineReminderJob.Key);
        Assert.Contains("新提醒 11 条", run.Summary);
        Assert.Contains("推送 11 条", run.Summary);
        Assert.Equal(11, hook.Bodies.Count);
        Assert.Contains("near-deadline", hook.Bodies[0]);

        app.Clock.Now = new DateTimeOffset(2026, 10, 20, 10, 0, 0, TimeSpan.FromHours(8));
        await app.RunJob(DeadlineReminderJob.Key);
        await app.RunJob(DeadlineReminderJob.Key);
        Assert.Equal(11, app.WithDb(db => db.Notifications.Count(n => n.Kind == DeadlineReminderJob.Overdue && n.DistrictCode != null)));
        Assert.Contains("逾期未报 11 个区", app.WithDb(db => db.Notifications.Single(n => n.DistrictCode == null).Text));
        Assert.Contains("报表已逾期", await (await app.SignedIn("huangpu")).GetStringAsync("/reporting?period=2026Q3"));
    }

    [Fact]
    public async Task Quarter_close_freezes_each_finished_quarter_once()
    {
        await using var app = new AppFactory();
        Assert.Contains("已结账", (await app.RunJob(QuarterCloseJob.Key)).Summary);
        Assert.Equal(8, app.WithDb(db => db.CompletenessSnapshots.Count())); // 2024Q4 … 2026Q3
        Assert.Contains("没有需要结账", (await app.RunJob(QuarterCloseJob.Key)).Summary);
        Assert.Contains("已结账", await (await app.SignedIn("office")).GetStringAsync("/reporting/completeness?period=2026Q3"));
    }

    [Fact]
    public async Task The_admin_sees_the_jobs_and_runs_one_now_others_may_not()
    {
        await using var app = new AppFactory();
        var admin = await app.SignedIn("admin");
        var page = await admin.GetStringAsync("/admin/jobs");
        var jobs = app.Services.GetServices<ScheduledJob>().ToList();
        Assert.Equal(6, jobs.Count);
        foreach (var (key, _) in jobs) Assert.Contains($"data-job=\"{key.Name}\"", page);
        var run = await admin.PostAsync("/admin/jobs/quarter-close/run", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.Antiforgery(page) }));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var office = await app.SignedIn("office");
        Assert.StartsWith("/access-denied", (await office.GetAsync("/admin/jobs")).Headers.Location!.PathAndQuery);
        var refused = await office.PostAsync("/admin/jobs/quarter-close/run", new FormUrlEncodedContent([]));
        Assert.StartsWith("/access-denied", refused.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_jobs_schedule_comes_from_its_cron_setting()
    {
        await using var app = new AppFactory();
        app.Settings["Jobs:quarter-close:Cron"] = "0/2 * * * * ?";
        var page = await (await app.SignedIn("admin")).GetStringAsync("/admin/jobs");
        Assert.Contains("已按配置改为 0/2 * * * * ?", page);
        // Quartz keeps time by the app's clock: move it on 2 s at a time.
        for (var i = 0; i < 40 && app.WithDb(db => db.JobRuns.Count(r => r.Job == "quarter-close")) < 3; i++)
        {
            app.Clock.Now = app.Clock.Now.AddSeconds(2);
            await Task.Delay(250);
        }
        Assert.True(app.WithDb(db => db.JobRuns.Count(r => r.Job == "quarter-close")) >= 3); // every 2 s, not once a day at 1:00
    }
}
