using GzBioPlan.Dashboard.Flagship;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Flagship;

/// <summary>Reminders before the collection's deadlines: when, to whom, by which way, and only once.</summary>
public class ReminderTests
{
    private static readonly WorkingDays Calendar = new(HolidaySeed.Days);

    // The 2024 batch: applicants by Friday 8 November, districts by Wednesday 13 November; three working days before.
    [Theory]
    [InlineData("2024-11-04", "2024-11-08", false)] // Monday: four working days to go
    [InlineData("2024-11-05", "2024-11-08", true)]
    [InlineData("2024-11-08", "2024-11-08", true)] // the deadline day itself
    [InlineData("2024-11-09", "2024-11-08", false)] // past it: the reminder is for before
    [InlineData("2024-11-08", "2024-11-13", true)] // Friday: Mon, Tue, Wed to go (the weekend does not count)
    [InlineData("2024-11-07", "2024-11-13", false)]
    [InlineData("2024-09-27", "2024-10-08", true)] // 国庆: 9-29 and 10-12 are make-up working days, 10-1…10-7 are not
    public void Reminders_go_out_from_three_working_days_before(string today, string deadline, bool due) =>
        Assert.Equal(due, Reminders.Due(DateOnly.Parse(today), DateOnly.Parse(deadline), 3, Calendar));

    [Fact]
    public async Task Applicants_and_districts_are_reminded_once_each_the_office_through_the_webhook()
    {
        using var hook = new WebhookListener();
        await using var app = new AppFactory();
        var mail = Path.Combine(app.Folder, "mail");
        app.Settings["Mail:PickupDirectory"] = mail;
        app.Settings["Ingest:WebhookUrl"] = hook.Url;
        app.UsedOn(new DateTimeOffset(2024, 11, 6, 10, 0, 0, TimeSpan.FromHours(8)));
        var open = app.WithDb(db => db.FlagshipApplications.Count(a => a.State == ApplicationState.Draft || a.State == ApplicationState.Returned));

        var run = await app.RunJob(FlagshipReminderJob.Key);
        Assert.Contains($"提醒申报单位 {open} 份草稿", run.Summary);
        Assert.Contains("提醒 0 个区初审", run.Summary);
        var files = Directory.GetFiles(mail, "*.eml");
        Assert.NotEmpty(files);
        var message = MimeKit.MimeMessage.Load(files[0]);
        Assert.Contains("尚未提交", message.Subject);
        Assert.Contains("2024年11月8日", message.TextBody);
        Assert.Contains("申请截止日", await (await app.SignedIn("applicant")).GetStringAsync("/todo"));
        Assert.Empty(hook.Bodies);

        await app.RunJob(FlagshipReminderJob.Key);
        Assert.Equal(open, app.WithDb(db => db.Notifications.Count(n => n.Kind == FlagshipReminderJob.DraftKind)));
        Assert.Equal(files.Length, Directory.GetFiles(mail, "*.eml").Length);

        app.Clock.Now = new DateTimeOffset(2024, 11, 11, 10, 0, 0, TimeSpan.FromHours(8));
        var districts = app.WithDb(db => db.FlagshipApplications.Where(a => a.State == ApplicationState.Submitted).Select(a => a.DistrictCode).Distinct().Count());
        Assert.Contains($"提醒 {districts} 个区初审", (await app.RunJob(FlagshipReminderJob.Key)).Summary);
        await app.RunJob(FlagshipReminderJob.Key);
        var huangpu = app.WithDb(db => db.Notifications.Where(n => n.Kind == FlagshipReminderJob.ReviewKind && n.DistrictCode == "440112").ToList());
        if (app.WithDb(db => db.FlagshipApplications.Any(a => a.State == ApplicationState.Submitted && a.DistrictCode == "440112")))
            Assert.Contains("待区初审", Assert.Single(huangpu).Text);
        var office = Assert.Single(app.WithDb(db => db.Notifications.Where(n => n.Kind == FlagshipReminderJob.ReviewKind && n.DistrictCode == null).ToList()));
        Assert.Contains("2024年11月13日", office.Text);
        Assert.Equal(districts + 1, hook.Bodies.Count);
        Assert.All(hook.Bodies, b => Assert.Contains(FlagshipReminderJob.ReviewKind, b));
    }

    [Fact]
    public async Task A_unit_page_lists_the_applications_of_the_key_areas_it_leads()
    {
        await using var app = new AppFactory();
        var page = await (await app.SignedIn("leader")).GetStringAsync("/units/fgw");
        Assert.Contains("牵头重点领域的标志性产品申请", page);
        Assert.Contains("mRNA 疫苗用加帽酶", page);
        Assert.DoesNotContain("微生物合成依克多因", page); // 化妆品 → 生物健康, which fgw does not lead
        Assert.DoesNotContain("聚羟基脂肪酸酯", page); // still a draft
    }

    [Fact]
    public async Task Each_reviewer_and_the_applicant_find_the_collections_step_in_their_todo()
    {
        await using var app = new AppFactory();
        app.UsedOn(new DateTimeOffset(2024, 11, 6, 10, 0, 0, TimeSpan.FromHours(8)));
        Assert.Contains("填写并提交标志性产品申请", await (await app.SignedIn("applicant")).GetStringAsync("/todo"));
        var submitted = app.WithDb(db => db.FlagshipApplications.First(a => a.State == ApplicationState.Submitted).DistrictCode);
        Assert.Contains("份2024年标志性产品申请，截止 2024年11月13日", await (await app.DistrictClient(submitted)).GetStringAsync("/todo"));
        Assert.Contains("核实 2 份2024年标志性产品申请，截止 2024年11月17日", await (await app.SignedIn("office")).GetStringAsync("/todo"));
    }
}
