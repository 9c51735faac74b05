using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary><c>Flagship:</c> in configuration.</summary>
public sealed class FlagshipOptions
{
    public const string Section = "Flagship";

    /// <summary>How many working days before the applicants' and the districts' deadlines the reminders go out.</summary>
    public int ReminderWorkingDays { get; set; } = 3;
}

/// <summary>
/// While a batch is open: an applicant whose application is still a draft (or returned) is reminded once, in the app
/// and by e-mail to the form's contacts, when the applicants' deadline is near; a district office with applications
/// awaiting its 初审 is reminded once when the districts' deadline is near, and the office is told through the webhook.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FlagshipReminderJob(IServiceScopeFactory scopes, FlagshipOptions flagship, IngestOptions options, IMailSender mail, IHttpClientFactory http,
    ReportingCalendar calendar, TimeProvider clock, ILogger<FlagshipReminderJob> logger) : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("flagship-reminders");

    public override string Name => Key.Name;

    public const string DraftKind = "flagship-draft";
    public const string ReviewKind = "flagship-district-review";

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        await calendar.ReloadAsync(db, ct);
        var today = BeijingTime.Today(Clock);
        int applicants = 0, mails = 0, districts = 0;
        foreach (var batch in await db.FlagshipBatches.AsNoTracking().Where(b => b.ClosedAt == null).ToListAsync(ct))
        {
            if (Reminders.Due(today, batch.ApplicantDeadline, flagship.ReminderWorkingDays, calendar.Days))
                (applicants, mails) = Add((applicants, mails), await RemindApplicantsAsync(db, batch, ct));
            if (Reminders.Due(today, batch.DistrictDeadline, flagship.ReminderWorkingDays, calendar.Days))
                districts += await RemindDistrictsAsync(db, batch, ct);
        }
        var delivered = await Webhook.DeliverAsync(db, options, http, Clock, Logger, ct);
        return $"提醒申报单位 {applicants} 份草稿（邮件 {mails} 封{(mail.Enabled ? "" : "，未配置邮件")}），提醒 {districts} 个区初审"
               + (options.WebhookUrl is null ? "。" : $"，推送 {delivered} 条。");
    }

    private static (int, int) Add((int A, int B) x, (int A, int B) y) => (x.A + y.A, x.B + y.B);

    private async Task<(int Reminded, int Mailed)> RemindApplicantsAsync(AppDbContext db, FlagshipBatch batch, CancellationToken ct)
    {
        var open = await db.FlagshipApplications.Where(a => a.BatchId == batch.Id && (a.State == ApplicationState.Draft || a.State == ApplicationState.Returned))
            .ToListAsync(ct);
        var links = open.Select(a => Link(a.Id)).ToList();
        var done = (await db.Notifications.Where(n => n.Kind == DraftKind && links.Contains(n.Link!)).Select(n => n.Link).ToListAsync(ct)).ToHashSet();
        int reminded = 0, mailed = 0;
        foreach (var a in open.Where(a => !done.Contains(Link(a.Id))))
        {
            var product = a.ProductName.Length > 0 ? $"“{a.ProductName}”" : "（尚未填写产品名称）";
            var text = $"{batch.Year}年生物制造标志性产品申请{product}{a.State.Label()}，尚未提交。申请截止日为 {batch.ApplicantDeadline:yyyy年M月d日}"
                       + $"（还有 {calendar.Days.CountAfter(BeijingTime.Today(Clock), batch.ApplicantDeadline)} 个工作日），请填写完整、上传盖章扫描件后提交。";
            var notice = new Notification { ApplicantId = a.ApplicantId, Kind = DraftKind, Link = Link(a.Id), Text = text, CreatedAt = Clock.GetUtcNow() };
            db.Notifications.Add(notice);
            var to = new[] { a.Form["contact1Email"], a.Form["contact2Email"] }.OfType<string>().Where(ApplicationRules.IsEmail).Distinct().ToList();
            if (to.Count > 0 && await mail.SendAsync(new MailMessage(to, $"提醒：{batch.FormTitle}尚未提交", text + "\n\n请登录广州市生物制造工作方案监测平台办理。"), ct))
            {
                notice.DeliveredAt = Clock.GetUtcNow();
                mailed++;
            }
            reminded++;
        }
        await db.SaveChangesAsync(ct);
        return (reminded, mailed);
    }

    private async Task<int> RemindDistrictsAsync(AppDbContext db, FlagshipBatch batch, CancellationToken ct)
    {
        var link = $"/flagship/applications?year={batch.Year}&state={ApplicationState.Submitted}";
        var pending = await (from a in db.FlagshipApplications.AsNoTracking()
                             where a.BatchId == batch.Id && a.State == ApplicationState.Submitted
                             join d in db.Districts on a.DistrictCode equals d.Code
                             group a by new { d.Code, d.Name, d.SortOrder } into g
                             orderby g.Key.SortOrder
                             select new { g.Key.Code, g.Key.Name, Count = g.Count() }).ToListAsync(ct);
        var done = (await db.Notifications.Where(n => n.Kind == ReviewKind && n.Link == link).Select(n => n.DistrictCode).ToListAsync(ct)).ToHashSet();
        var due = $"{batch.DistrictDeadline:yyyy年M月d日}（还有 {calendar.Days.CountAfter(BeijingTime.Today(Clock), batch.DistrictDeadline)} 个工作日）";
        var reminded = 0;
        foreach (var d in pending.Where(d => !done.Contains(d.Code)))
        {
            db.Notifications.Add(new Notification
            {
                DistrictCode = d.Code, Kind = ReviewKind, Link = link, CreatedAt = Clock.GetUtcNow(),
                Text = $"{d.Name}有 {d.Count} 份{batch.Year}年标志性产品申请待区初审，初审截止日为 {due}，请及时审核。",
            });
            reminded++;
        }
        if (pending.Count > 0 && !done.Contains(null))
            db.Notifications.Add(new Notification
            {
                Kind = ReviewKind, Link = link, CreatedAt = Clock.GetUtcNow(),
                Text = $"{batch.Year}年标志性产品征集：{pending.Count} 个区尚有申请待初审（{string.Join("、", pending.Select(p => $"{p.Name} {p.Count} 份"))}），区初审截止日为 {due}。",
            });
        await db.SaveChangesAsync(ct);
        return reminded;
    }

    private static string Link(long id) => $"/flagship/applications/{id}";
}
