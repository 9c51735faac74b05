using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>The history's step names, as the page shows them.</summary>
public static class ApplicationActions
{
    public const string Created = "新建";
    public const string Submitted = "提交";
    public const string DistrictPassed = "区初审通过";
    public const string DistrictReturned = "区初审退回";
    public const string Verified = "市核实通过";
    public const string CityReturned = "市核实退回";
    public const string Recommended = "列入推荐";
    public const string Unrecommended = "移出推荐";
    public const string Scored = "专家评议";
}

/// <summary>What a reviewer posts: pass or return, the opinion, the reasons per field, and (市核实) the items checked.</summary>
public sealed record ReviewDecision(bool Pass, string? Opinion, IReadOnlyDictionary<string, string> Reasons, IReadOnlyCollection<string> Checked);

/// <summary>One row of the city's recommendation list as the office posts it.</summary>
public sealed record RecommendationRow(long ApplicationId, int? Rank, string? Reason, string? Contact, string? Phone);

/// <summary>
/// The flagship collection's writes: new application, draft save, 提交, 区初审, 市核实, 推荐. Each returns null when it
/// happened, else the Chinese sentence saying why not and what to do; every step is kept in the application's history.
/// </summary>
public sealed class FlagshipService(AppDbContext db, AttachmentStore attachments, TimeProvider clock)
{
    public DateOnly Today => BeijingTime.Today(clock);

    public async Task<(long? Id, string? Problem)> CreateAsync(int year, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.ApplicantId() is not { } applicantId) return (null, "只有申报单位账号可以新建申请。");
        var batch = await db.FlagshipBatches.FirstOrDefaultAsync(b => b.Year == year, ct);
        if (batch is null) return (null, $"没有 {year} 年的征集批次。");
        if (batch.IsClosed) return (null, $"{year} 年征集批次已关闭。");
        var applicant = await db.Applicants.FirstAsync(a => a.Id == applicantId, ct);
        if (applicant.Status != ApplicantStatus.Approved) return (null, "本单位的注册尚未通过所在区工信部门审核，暂不能申请。");
        var now = clock.GetUtcNow();
        var app = new FlagshipApplication
        {
            BatchId = batch.Id, ApplicantId = applicantId, DistrictCode = applicant.DistrictCode, State = ApplicationState.Draft,
            CreatedAt = now, UpdatedAt = now, UpdatedBy = user.Identity!.Name!,
            Form = new ApplicationForm { Values = { ["orgName"] = applicant.Name, ["uscc"] = applicant.Uscc } },
        };
        db.FlagshipApplications.Add(app);
        await db.SaveChangesAsync(ct);
        await LogAsync(app.Id, ApplicationActions.Created, user, null, ct);
        return (app.Id, null);
    }

    /// <summary>Saves the draft if it was opened at the stored revision; a later save from an older copy is refused.</summary>
    public async Task<string?> SaveAsync(long id, int revision, ApplicationForm form, ClaimsPrincipal user, CancellationToken ct)
    {
        var (app, batch) = await LoadAsync(id, ct);
        if (app is null || batch is null) return "找不到该申请。";
        if (user.WhyNotEdit(app, batch) is { } why) return why;
        if (app.Revision != revision)
            return $"这份申请表已由 {app.UpdatedBy} 于 {app.UpdatedAt.Show("M月d日 HH:mm")} 保存过，您打开的是较早的版本，本次修改未保存。请重新打开页面，在最新内容上修改。";
        app.Form = form;
        app.ProductName = Cap(form["productName"] ?? "", 200);
        app.Field = Cap(form[FormFields.FieldKey] == "其他" && form["fieldOther"] is { } other ? $"其他（{other}）" : form[FormFields.FieldKey] ?? "", 60);
        app.Kind = Cap(form[FormFields.KindKey] ?? "", 20);
        app.Revision++;
        app.UpdatedAt = clock.GetUtcNow();
        app.UpdatedBy = user.Identity!.Name!;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return "这份申请表刚刚被同一单位的另一位同事保存，本次修改未保存。请重新打开页面，在最新内容上修改。";
        }
        return null;
    }

    /// <summary>提交: everything filled, every proof attached and the declaration confirmed; then it is with the district.</summary>
    public async Task<IReadOnlyList<FieldProblem>?> SubmitAsync(long id, bool declared, ClaimsPrincipal user, CancellationToken ct)
    {
        var (app, batch) = await LoadAsync(id, ct);
        if (app is null || batch is null) return [new(FormFields.Whole, "找不到该申请。")];
        if (user.WhyNotEdit(app, batch) is { } why) return [new(FormFields.Whole, why)];
        var problems = ApplicationRules.Check(app.Form, batch, await attachments.FilledSlotsAsync(FlagshipAttachments.Owner, id, ct), submit: true).ToList();
        // SQLite cannot compare instants in a query; an application has a handful of scans.
        var scans = await db.Attachments.AsNoTracking().Where(f => f.Owner == FlagshipAttachments.Owner && f.OwnerId == id && f.Slot == FormFields.StampedScan)
            .Select(f => new { f.OwnerVersion, f.UploadedAt }).ToListAsync(ct);
        if (!scans.Any(f => app.StampedScanCounts(f.OwnerVersion, f.UploadedAt)))
            problems.Add(new(FormFields.StampedScan, $"请上传第 {app.Version + 1} 版申请表的「盖章扫描件」：打印申请表，加盖公章和骑缝章后扫描上传（修改后须重新打印盖章）。"));
        if (!declared) problems.Add(new("declaration", "请阅读并确认「三、申请单位声明」。"));
        if (problems.Count > 0) return problems;
        var now = clock.GetUtcNow();
        app.State = ApplicationState.Submitted;
        app.Version++;
        app.SubmittedAt = now;
        app.DeclaredBy = user.DisplayName();
        app.DeclaredAt = now;
        app.ReturnReasons = [];
        app.Revision++;
        await db.SaveChangesAsync(ct);
        await LogAsync(id, ApplicationActions.Submitted, user, $"第 {app.Version} 版", ct);
        return [];
    }

    /// <summary>区初审 by the applicant's district office, or 市核实 by the office.</summary>
    public async Task<string?> ReviewAsync(long id, ReviewDecision decision, ClaimsPrincipal user, CancellationToken ct)
    {
        var (app, batch) = await LoadAsync(id, ct);
        if (app is null || batch is null) return "找不到该申请。";
        if (batch.IsClosed) return $"{batch.Year} 年征集批次已关闭。";
        var district = app.State == ApplicationState.Submitted;
        if (district && !(user.IsInRole(Domain.Accounts.Roles.District) && user.District() == app.DistrictCode)) return "区初审由申报单位所在区的工信部门办理。";
        if (!district && !(app.State == ApplicationState.DistrictPassed && user.Reviews()))
            return app.State == ApplicationState.DistrictPassed ? "市核实由协调办办理。" : $"申请{app.State.Label()}，现在不能审核。";
        var opinion = decision.Opinion?.Trim();
        if (decision.Pass)
        {
            if (string.IsNullOrEmpty(opinion)) return "请填写审核意见（将写入申请表「四、工业和信息化主管部门意见」）。";
            if (CharacterCount.Of(opinion) > 300) return "审核意见不超过 300 字。";
            if (!district && VerificationChecklist.Items.Select(i => i.Key).Except(decision.Checked).ToList() is { Count: > 0 } missing)
                return $"核实清单还有 {missing.Count} 项未确认：{string.Join("；", VerificationChecklist.Items.Where(i => missing.Contains(i.Key)).Select(i => i.Text))}。全部确认后才能通过核实，不符合的请退回。";
        }
        else
        {
            var reasons = decision.Reasons.Where(r => !string.IsNullOrWhiteSpace(r.Value)).ToDictionary(r => r.Key, r => r.Value.Trim());
            if (reasons.Count == 0) return "退回时请至少写明一处需要修改的内容和原因。";
            if (reasons.Keys.FirstOrDefault(k => k != FormFields.Whole && FormFields.LabelOf(k) == k) is { } unknown) return "退回原因对应的栏目不存在，请在页面上选择。";
            if (reasons.Values.Any(r => CharacterCount.Of(r) > 300)) return "每条退回原因不超过 300 字。";
            app.ReturnReasons = reasons;
        }
        var today = Today;
        if (district)
        {
            app.State = decision.Pass ? ApplicationState.DistrictPassed : ApplicationState.Returned;
            if (decision.Pass) (app.DistrictOpinion, app.DistrictOpinionOn) = (opinion, today);
        }
        else
        {
            app.State = decision.Pass ? ApplicationState.Verified : ApplicationState.Returned;
            app.Checked = [.. decision.Checked.Intersect(VerificationChecklist.Items.Select(i => i.Key))];
            if (decision.Pass) (app.CityOpinion, app.CityOpinionOn) = (opinion, today);
        }
        app.Revision++;
        await db.SaveChangesAsync(ct);
        var action = (district, decision.Pass) switch
        {
            (true, true) => ApplicationActions.DistrictPassed, (true, false) => ApplicationActions.DistrictReturned,
            (false, true) => ApplicationActions.Verified, _ => ApplicationActions.CityReturned,
        };
        var note = decision.Pass ? opinion : string.Join("；", app.ReturnReasons.Select(r => $"{FormFields.LabelOf(r.Key)}：{r.Value}"));
        await LogAsync(id, action, user, note, ct);
        return null;
    }

    /// <summary>The office's ranked recommendation for a batch: only verified applications, within the quota, each with its reason and contact.</summary>
    public async Task<string?> RecommendAsync(int year, IReadOnlyList<RecommendationRow> rows, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Reviews()) return "推荐由协调办办理。";
        var batch = await db.FlagshipBatches.FirstOrDefaultAsync(b => b.Year == year, ct);
        if (batch is null) return $"没有 {year} 年的征集批次。";
        if (batch.IsClosed) return $"{year} 年征集批次已关闭，推荐名单不能再修改。";
        var apps = await db.FlagshipApplications.Where(a => a.BatchId == batch.Id).ToDictionaryAsync(a => a.Id, ct);
        var ranked = rows.Where(r => r.Rank is not null).ToList();
        if (ranked.FirstOrDefault(r => !apps.TryGetValue(r.ApplicationId, out var a) || a.State != ApplicationState.Verified) is { } notVerified)
            return "只有已通过市核实的申请可以推荐。";
        if (Quota.Problem([.. ranked.Select(r => r.Rank!.Value)], batch.Quota) is { } quota) return quota;
        foreach (var r in ranked)
        {
            var name = apps[r.ApplicationId].ProductName;
            if (string.IsNullOrWhiteSpace(r.Reason) || CharacterCount.Of(r.Reason) > 300) return $"请填写“{name}”的推荐理由（不超过 300 字）。";
            if (string.IsNullOrWhiteSpace(r.Contact) || CharacterCount.Of(r.Contact) > 60) return $"请填写“{name}”的主管部门联系人（姓名、职务、职称，不超过 60 字）。";
            if (r.Phone is null || !ApplicationRules.IsMobile(r.Phone.Trim())) return $"“{name}”的联系方式应为 11 位手机号码。";
        }
        var byId = ranked.ToDictionary(r => r.ApplicationId);
        var changes = new List<(long Id, string Action, string? Note)>();
        foreach (var a in apps.Values.Where(a => a.State == ApplicationState.Verified))
        {
            var was = a.RecommendRank;
            if (byId.TryGetValue(a.Id, out var r))
            {
                (a.RecommendRank, a.RecommendReason, a.RecommendContact, a.RecommendPhone) = (r.Rank, r.Reason!.Trim(), r.Contact!.Trim(), r.Phone!.Trim());
                if (was != r.Rank) changes.Add((a.Id, ApplicationActions.Recommended, $"推荐顺序第 {r.Rank} 位"));
            }
            else if (was is not null)
            {
                (a.RecommendRank, a.RecommendReason, a.RecommendContact, a.RecommendPhone) = (null, null, null, null);
                changes.Add((a.Id, ApplicationActions.Unrecommended, null));
            }
        }
        await db.SaveChangesAsync(ct);
        foreach (var (id, action, note) in changes) await LogAsync(id, action, user, note, ct, save: false);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>专家评议: the office records one expert's scores for a verified application (again for the same expert replaces them).</summary>
    public async Task<string?> ScoreAsync(long id, string? expert, IReadOnlyDictionary<string, decimal?> scores, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.Reviews()) return "专家评议由协调办录入。";
        var (app, batch) = await LoadAsync(id, ct);
        if (app is null || batch is null) return "找不到该申请。";
        if (batch.IsClosed) return $"{batch.Year} 年征集批次已关闭。";
        if (app.State != ApplicationState.Verified) return "通过市核实的申请才能进行专家评议。";
        if (ExpertScoring.Problem(expert, scores, batch.Criteria) is { } problem) return problem;
        var name = expert!.Trim();
        var existing = await db.ExpertScores.FirstOrDefaultAsync(x => x.ApplicationId == id && x.Expert == name, ct);
        if (existing is null) db.ExpertScores.Add(existing = new ExpertScore { ApplicationId = id, Expert = name, RecordedBy = "" });
        existing.Scores = batch.Criteria.ToDictionary(c => c.Name, c => scores[c.Name]!.Value);
        existing.RecordedBy = user.Identity!.Name!;
        existing.RecordedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await LogAsync(id, ApplicationActions.Scored, user, $"{name}：{ExpertScoring.Weighted(existing.Scores, batch.Criteria)} 分", ct);
        return null;
    }

    /// <summary>What followed a recommendation; 公示's end is counted in working days from the holiday table.</summary>
    public async Task<string?> RecordOutcomeAsync(long id, OutcomeStep? step, DateOnly? on, string? note, string? fixedName, WorkingDays days, ClaimsPrincipal user,
        CancellationToken ct)
    {
        if (!user.Reviews()) return "结果由协调办登记。";
        var (app, batch) = await LoadAsync(id, ct);
        if (app is null || batch is null) return "找不到该申请。";
        if (app.RecommendRank is null) return "只有列入推荐名单的产品才有后续结果。";
        if (step is not { } s || !Enum.IsDefined(s)) return "请选择结果。";
        if (on is not { } day || day.Year < batch.Year || day > Today.AddDays(1)) return "请填写结果的日期（不早于批次年份，不晚于今天）。";
        if (s == OutcomeStep.Selected && string.IsNullOrWhiteSpace(fixedName)) return "入选名单时请填写专家核定的产品名称。";
        if ((note?.Trim().Length ?? 0) > 300 || (fixedName?.Trim().Length ?? 0) > 200) return "说明不超过 300 字，核定名称不超过 200 字。";
        var record = new OutcomeRecord(s, day, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), string.IsNullOrWhiteSpace(fixedName) ? null : fixedName.Trim(),
            s == OutcomeStep.Publicity ? OutcomeSteps.PublicityEnd(days, day) : null);
        app.Outcomes = [.. app.Outcomes, record];
        await db.SaveChangesAsync(ct);
        await LogAsync(id, s.Label(), user, record.FixedName ?? record.Note, ct);
        return null;
    }

    private async Task<(FlagshipApplication? App, FlagshipBatch? Batch)> LoadAsync(long id, CancellationToken ct)
    {
        var app = await db.FlagshipApplications.FirstOrDefaultAsync(a => a.Id == id, ct);
        return app is null ? (null, null) : (app, await db.FlagshipBatches.FirstAsync(b => b.Id == app.BatchId, ct));
    }

    private async Task LogAsync(long id, string action, ClaimsPrincipal user, string? note, CancellationToken ct, bool save = true)
    {
        db.ApplicationEvents.Add(new ApplicationEvent { ApplicationId = id, Action = action, By = user.DisplayName(), At = clock.GetUtcNow(), Note = note is null ? null : Cap(note, 2000) });
        if (save) await db.SaveChangesAsync(ct);
    }

    private static string Cap(string s, int n) => s.Length > n ? s[..n] : s;
}
