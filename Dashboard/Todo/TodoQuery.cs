using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Todo;

/// <summary>Something waiting for this person, with the page where it is done; <c>Urgent</c> when its deadline has passed.</summary>
public sealed record TodoItem(string Kind, string Text, string Href, bool Urgent);

/// <summary>
/// 待办 by role: a district — the quarter to report and its deadline, returned submissions, 督办 to sign or answer; a unit —
/// progress reports due, 督办 it answers for; the office — submissions to review, 申请办结 to close, overdue 督办; and the flagship
/// collection's step each waits on (an applicant's drafts, a district's 初审 and registrations, the office's 核实). A leader's
/// 待办 are the notices posted to leaders (a quarter's new reds, the office's 研判), counted as unread notices.
/// </summary>
public sealed class TodoQuery(AppDbContext db, CompletenessQuery completeness, TimeProvider clock)
{
    public async Task<IReadOnlyList<TodoItem>> RunAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = BeijingTime.Today(clock);
        var items = new List<TodoItem>();
        if (user.IsInRole(Roles.District) && user.District() is { } district)
        {
            await ReportingAsync(district, user.Identity?.Name ?? "", today, items, ct);
            await SupervisionAsync(PartyKind.District, district, today, items, ct);
            await FlagshipAsync(a => a.DistrictCode == district, ApplicationState.Submitted, "初审", today, items, ct);
            var registrations = await db.Applicants.CountAsync(a => a.DistrictCode == district && a.Status == ApplicantStatus.Pending, ct);
            if (registrations > 0) items.Add(new("registration", $"审核 {registrations} 家单位的申报单位注册", "/flagship/applicants", false));
        }
        else if (user.IsInRole(Roles.Unit) && user.Unit() is { } unit)
        {
            await ProgressDueAsync(unit, today, items, ct);
            await SupervisionAsync(PartyKind.Unit, unit, today, items, ct);
        }
        else if (user.IsInRole(Roles.Coordination))
        {
            await OfficeAsync(today, items, ct);
            await FlagshipAsync(_ => true, ApplicationState.DistrictPassed, "核实", today, items, ct);
        }
        else if (user.ApplicantId() is { } applicant)
        {
            var open = await (from a in db.FlagshipApplications.AsNoTracking()
                              where a.ApplicantId == applicant && (a.State == ApplicationState.Draft || a.State == ApplicationState.Returned)
                              join b in db.FlagshipBatches on a.BatchId equals b.Id
                              where b.ClosedAt == null
                              select new { a.Id, a.ProductName, a.State, b.ApplicantDeadline }).ToListAsync(ct);
            items.AddRange(open.Select(a => new TodoItem("flagship", $"{(a.State == ApplicationState.Returned ? "修改并重新提交" : "填写并提交")}标志性产品申请{(a.ProductName.Length > 0 ? $"“{a.ProductName}”" : "")}，截止 {a.ApplicantDeadline:yyyy年M月d日}",
                $"/flagship/applications/{a.Id}", today > a.ApplicantDeadline)));
        }
        return items;
    }

    /// <summary>Flagship applications waiting for this reviewer's step, per open batch, with that step's deadline.</summary>
    private async Task FlagshipAsync(System.Linq.Expressions.Expression<Func<FlagshipApplication, bool>> mine, ApplicationState waiting, string step, DateOnly today,
        List<TodoItem> items, CancellationToken ct)
    {
        var batches = await (from a in db.FlagshipApplications.AsNoTracking().Where(mine)
                             where a.State == waiting
                             join b in db.FlagshipBatches on a.BatchId equals b.Id
                             where b.ClosedAt == null
                             group a by new { b.Year, b.DistrictDeadline, b.ProvinceDeadline } into g
                             select new { g.Key.Year, g.Key.DistrictDeadline, g.Key.ProvinceDeadline, Count = g.Count() }).ToListAsync(ct);
        foreach (var b in batches)
        {
            var due = waiting == ApplicationState.Submitted ? b.DistrictDeadline : b.ProvinceDeadline;
            items.Add(new("flagship", $"{step} {b.Count} 份{b.Year}年标志性产品申请，截止 {due:yyyy年M月d日}", $"/flagship/applications?year={b.Year}&state={waiting}", today > due));
        }
    }

    private async Task ReportingAsync(string district, string me, DateOnly today, List<TodoItem> items, CancellationToken ct)
    {
        var quarter = Period.LastFinished(today);
        if (quarter.IsInPlan && !await db.DistrictExemptions.AnyAsync(e => e.DistrictCode == district && e.Period == quarter, ct))
        {
            var deadline = completeness.Deadline(quarter);
            var status = await db.Submissions.Where(s => s.DistrictCode == district && s.Period == quarter).Select(s => (SubmissionStatus?)s.Status).FirstOrDefaultAsync(ct);
            if (status is null)
            {
                var late = today > deadline;
                items.Add(new("report", $"报送{quarter.Label}报表，截止 {deadline:yyyy年M月d日}{(late ? $"，已逾期 {today.DayNumber - deadline.DayNumber} 天" : "")}", $"/reporting?period={quarter}", late));
            }
        }
        var returned = await db.Submissions.AsNoTracking().Where(s => s.DistrictCode == district && s.Status == SubmissionStatus.Returned)
            .OrderBy(s => s.Period).Select(s => new { s.Period, s.ReturnReason }).ToListAsync(ct);
        items.AddRange(returned.Select(s => new TodoItem("returned", $"{s.Period.Label}报表已退回（{s.ReturnReason}），请修改后重新上传", $"/reporting?period={s.Period}", true)));
        // 区内审核 waits on the district's other accounts, never on the uploader.
        var review = await db.Submissions.AsNoTracking().Where(s => s.DistrictCode == district && s.Status == SubmissionStatus.AwaitingDistrictReview)
            .Join(db.SubmissionVersions, s => s.CurrentVersionId, v => v.Id, (s, v) => new { s.Period, v.No, v.UploadedBy }).OrderBy(s => s.Period).ToListAsync(ct);
        items.AddRange(review.Where(s => !string.Equals(s.UploadedBy, me, StringComparison.OrdinalIgnoreCase))
            .Select(s => new TodoItem("district-review", $"区内审核{s.Period.Label}报表（第 {s.No} 版，{s.UploadedBy} 上传）", $"/reporting?period={s.Period}", false)));
    }

    private async Task ProgressDueAsync(string unit, DateOnly today, List<TodoItem> items, CancellationToken ct)
    {
        var quarter = Period.LastFinished(today);
        if (!quarter.IsInPlan) return;
        // The plan has ten work items: read them whole and pick the parts this unit leads.
        var led = (await db.WorkItems.AsNoTracking().Include(w => w.Parts).ThenInclude(p => p.Units).AsSplitQuery().ToListAsync(ct))
            .SelectMany(w => w.Parts.Where(p => p.Units.Any(u => u.UnitCode == unit && u.Role == UnitRole.Lead)).Select(p => new { w.Code, w.Kind, w.No, p.PartNo, w.Title }))
            .ToList();
        var reported = (await db.ProgressReports.AsNoTracking().Where(r => r.UnitCode == unit && r.Period == quarter)
            .Select(r => new { r.WorkItemCode, r.PartNo }).ToListAsync(ct)).Select(r => (r.WorkItemCode, r.PartNo)).ToHashSet();
        var deadline = completeness.Deadline(quarter);
        foreach (var part in led.Where(p => !reported.Contains((p.Code, p.PartNo))).OrderBy(p => p.Kind).ThenBy(p => p.No).ThenBy(p => p.PartNo))
            items.Add(new("progress", $"报告{quarter.Label}进展：{part.Title}，截止 {deadline:yyyy年M月d日}", $"/progress?period={quarter}", today > deadline));
    }

    private async Task SupervisionAsync(PartyKind kind, string code, DateOnly today, List<TodoItem> items, CancellationToken ct)
    {
        var open = await db.SupervisionItems.AsNoTracking()
            .Where(i => i.AddresseeKind == kind && i.AddresseeCode == code && (i.Status == SupervisionStatus.Opened || i.Status == SupervisionStatus.Acknowledged))
            .OrderBy(i => i.DueDate).Select(i => new { i.Id, i.Title, i.Status, i.DueDate }).ToListAsync(ct);
        items.AddRange(open.Select(i => new TodoItem("supervision",
            (i.Status == SupervisionStatus.Opened ? "签收督办：" : "报告督办进展：") + $"{i.Title}（期限 {i.DueDate:yyyy年M月d日}）", $"/supervision/{i.Id}", i.DueDate < today)));
    }

    private async Task OfficeAsync(DateOnly today, List<TodoItem> items, CancellationToken ct)
    {
        var names = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var review = await db.Submissions.AsNoTracking().Where(s => s.Status == SubmissionStatus.Submitted)
            .OrderBy(s => s.Id).Select(s => new { s.Id, s.DistrictCode, s.Period }).ToListAsync(ct);
        items.AddRange(review.Select(s => new TodoItem("review", $"审核{names.GetValueOrDefault(s.DistrictCode, s.DistrictCode)}{s.Period.Label}报表", $"/reporting/submissions/{s.Id}", false)));
        var supervision = await db.SupervisionItems.AsNoTracking().Where(i => i.Status != SupervisionStatus.Closed)
            .OrderBy(i => i.DueDate).Select(i => new { i.Id, i.Title, i.Status, i.DueDate }).ToListAsync(ct);
        items.AddRange(supervision.Where(i => i.Status == SupervisionStatus.CloseRequested)
            .Select(i => new TodoItem("close", $"审核办结申请：{i.Title}", $"/supervision/{i.Id}", i.DueDate < today)));
        items.AddRange(supervision.Where(i => i.Status != SupervisionStatus.CloseRequested && i.DueDate < today)
            .Select(i => new TodoItem("overdue", $"督办逾期 {today.DayNumber - i.DueDate.DayNumber} 天：{i.Title}", $"/supervision/{i.Id}", true)));
    }
}
