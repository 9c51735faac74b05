using System.Security.Claims;
using System.Security.Cryptography;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Ingest.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>What the page shows once after an account is made: the temporary password is never stored in clear or shown again.</summary>
public sealed record CreatedApplicant(string UserName, string TemporaryPassword);

/// <summary>What an organisation types when it registers itself from the notice page.</summary>
public sealed class Registration
{
    public string Name { get; set; } = "";
    public string Uscc { get; set; } = "";
    public string District { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactMobile { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>
/// 申报单位 and their accounts. A district office (for its district) or the office (for any) creates one, approved at
/// once, with a random temporary password shown once that the first sign-in must replace. An organisation may also
/// register itself with its business licence (营业执照) or legal-person certificate as proof; it cannot sign in until the
/// district office approves it, and a refusal says why (on sign-in and by e-mail) and lets it register again.
/// </summary>
public sealed class ApplicantAccounts(AppDbContext db, UserManager<AppUser> users, AttachmentStore store, IEnumerable<IAttachmentOwner> owners, IMailSender mail,
    AuditTrail audit, TimeProvider clock)
{
    public async Task<(CreatedApplicant? Created, string? Problem)> CreateAsync(string name, string uscc, string district, string userName, ClaimsPrincipal by,
        CancellationToken ct)
    {
        (name, uscc, userName) = (name.Trim(), uscc.Trim().ToUpperInvariant(), userName.Trim());
        if (!by.MayCreateApplicantIn(district)) return (null, "区工信部门只能为本区的单位开通账号。");
        if (await ProblemAsync(name, uscc, district, userName, ct) is { } problem) return (null, problem);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var applicant = new Applicant { Name = name, Uscc = uscc, DistrictCode = district, Status = ApplicantStatus.Approved, CreatedBy = by.Identity!.Name!, CreatedAt = clock.GetUtcNow() };
        db.Applicants.Add(applicant);
        await db.SaveChangesAsync(ct);
        var password = TemporaryPassword();
        if (await AccountAsync(applicant, userName, password, mustChange: true) is { } refused) return (null, refused);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(AuditActions.ApplicantCreated, userName, $"{name}（{uscc}）", ct);
        return (new CreatedApplicant(userName, password), null);
    }

    /// <summary>
    /// Registers an organisation with its chosen account and the licence scan; nothing is kept when anything is wrong.
    /// A USCC refused before may register again: the refused record is replaced.
    /// </summary>
    public async Task<string?> RegisterAsync(Registration r, IFormFile? licence, ClaimsPrincipal by, CancellationToken ct)
    {
        var (name, uscc, userName) = (r.Name.Trim(), r.Uscc.Trim().ToUpperInvariant(), r.UserName.Trim());
        var (contact, mobile, email) = (r.ContactName.Trim(), r.ContactMobile.Trim(), r.ContactEmail.Trim());
        if (contact.Length is < 2 or > 20) return "请填写联系人姓名（2 至 20 字）。";
        if (!ApplicationRules.IsMobile(mobile)) return "联系人手机号应为 11 位数字，以 1 开头。";
        if (!ApplicationRules.IsEmail(email)) return "请填写有效的电子邮箱地址，审核结果会发送到这个邮箱。";
        if (r.Password != r.ConfirmPassword) return "两次输入的密码不一致，请重新输入。";
        if (licence is null || licence.Length == 0) return "请上传营业执照或事业单位法人证书的扫描件（PDF、JPG 或 PNG）。";
        var (bytes, bad) = await store.ReadAsync(licence.OpenReadStream(), licence.Length, Files.Kinds(ApplicantFiles.Licence), ct);
        if (bad is not null)
        {
            await audit.RecordAsync(AuditActions.AttachmentRefused, $"{ApplicantFiles.Owner}/注册/{uscc}", $"{AttachmentStore.CleanName(licence.FileName)}：{bad.Message}", ct, actor: userName);
            return bad.Message;
        }
        var refused = await db.Applicants.FirstOrDefaultAsync(a => a.Uscc == uscc && a.Status == ApplicantStatus.Refused, ct);
        if (await ProblemAsync(name, uscc, r.District, userName, ct, replacing: refused) is { } problem) return problem;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (refused is not null) await ForgetAsync(refused, ct);
        var applicant = new Applicant
        {
            Name = name, Uscc = uscc, DistrictCode = r.District, Status = ApplicantStatus.Pending, CreatedBy = userName, CreatedAt = clock.GetUtcNow(),
            ContactName = contact, ContactMobile = mobile, ContactEmail = email,
        };
        db.Applicants.Add(applicant);
        await db.SaveChangesAsync(ct);
        if (await AccountAsync(applicant, userName, r.Password, mustChange: false) is { } wrong) return wrong;
        if (await store.SaveAsync(Files, applicant.Id, ApplicantFiles.Licence, licence.FileName, new MemoryStream(bytes), bytes.Length, by, ct) is { } no)
            return no.Message;
        db.Notifications.Add(new Notification
        {
            DistrictCode = r.District, Kind = "applicant-registered", Link = "/flagship/applicants", CreatedAt = clock.GetUtcNow(),
            Text = $"“{name}”（{uscc}）申请注册为标志性产品征集的申报单位，请核对营业执照或法人证书后通过或不通过。",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(AuditActions.ApplicantRegistered, userName, $"{name}（{uscc}）", ct, actor: userName);
        return null;
    }

    /// <summary>The district office of the organisation (or the office) approves or refuses a pending registration.</summary>
    public async Task<string?> ReviewAsync(long id, bool approve, string? reason, ClaimsPrincipal by, CancellationToken ct)
    {
        if (await db.Applicants.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return "找不到该申报单位。";
        if (!by.MayCreateApplicantIn(a.DistrictCode)) return "只有该单位所在区的工信部门或协调办可以审核其注册。";
        if (a.Status != ApplicantStatus.Pending) return $"“{a.Name}”的注册已{(a.Status == ApplicantStatus.Approved ? "通过" : "不通过")}，不能再审核。";
        reason = reason?.Trim();
        if (!approve && reason is not { Length: >= 4 and <= 300 }) return "不通过时请写明理由（4 至 300 字），如“营业执照与单位名称不一致”，对方会看到。";
        a.Status = approve ? ApplicantStatus.Approved : ApplicantStatus.Refused;
        (a.ReviewedBy, a.ReviewedAt, a.RefusalReason) = (by.Identity!.Name, clock.GetUtcNow(), approve ? null : reason);
        var text = approve
            ? $"“{a.Name}”的申报单位注册已通过，可以登录填写标志性产品申请表。"
            : $"“{a.Name}”的申报单位注册未通过：{Sentence.End(reason)}请按理由准备材料后重新注册，或联系所在区工信部门。";
        var notice = new Notification { ApplicantId = a.Id, Kind = approve ? "applicant-approved" : "applicant-refused", Text = text, CreatedAt = clock.GetUtcNow() };
        db.Notifications.Add(notice);
        await db.SaveChangesAsync(ct);
        if (a.ContactEmail is { } to && await mail.SendAsync(new MailMessage([to], "标志性产品征集：申报单位注册" + (approve ? "已通过" : "未通过"), text), ct))
        {
            notice.DeliveredAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(approve ? AuditActions.ApplicantApproved : AuditActions.ApplicantRefused, a.Name, reason, ct);
        return null;
    }

    /// <summary>Why an account of this organisation may not sign in yet (its registration pending or refused), or null.</summary>
    public async Task<string?> WhyNotSignInAsync(long applicantId, CancellationToken ct) =>
        await db.Applicants.AsNoTracking().Where(a => a.Id == applicantId).Select(a => new { a.Status, a.RefusalReason }).FirstOrDefaultAsync(ct) switch
        {
            { Status: ApplicantStatus.Pending } => "本单位的注册正在等待所在区工信部门审核，通过后即可登录（结果会发送到注册时填写的邮箱）。",
            { Status: ApplicantStatus.Refused } x => $"本单位的注册未通过：{Sentence.End(x.RefusalReason)}请按理由准备材料后在“标志性产品征集”页面重新注册。",
            _ => null,
        };

    private IAttachmentOwner Files => owners.First(o => o.Owner == ApplicantFiles.Owner);

    private async Task<string?> ProblemAsync(string name, string uscc, string district, string userName, CancellationToken ct, Applicant? replacing = null)
    {
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) return "请选择所属区。";
        if (name.Length is < 4 or > 100) return "请填写单位全称（4 至 100 字，与营业执照或法人证书一致）。";
        if (Uscc.Problem(uscc) is { } wrong) return wrong;
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            return "用户名为 3 至 64 位字母、数字、下划线、连字符或点。";
        if (replacing is null && await db.Applicants.AsNoTracking().FirstOrDefaultAsync(a => a.Uscc == uscc, ct) is { } existing)
            return $"统一社会信用代码 {uscc} 已登记为“{existing.Name}”，一个单位只登记一次；如需增加账号请联系所在区工信部门。";
        if (await users.FindByNameAsync(userName) is { } taken && taken.ApplicantId != replacing?.Id) return $"用户名“{userName}”已被使用，请换一个。";
        return null;
    }

    private async Task<string?> AccountAsync(Applicant applicant, string userName, string password, bool mustChange)
    {
        var user = new AppUser { UserName = userName, DisplayName = applicant.Name, ApplicantId = applicant.Id, MustChangePassword = mustChange };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Applicant);
        return result.Succeeded ? null : string.Join("；", result.Errors.Select(e => e.Description));
    }

    /// <summary>A refused registration's account and licence go before the organisation registers again.</summary>
    private async Task ForgetAsync(Applicant refused, CancellationToken ct)
    {
        foreach (var u in await db.Users.Where(u => u.ApplicantId == refused.Id).ToListAsync(ct)) await users.DeleteAsync(u);
        await db.Attachments.Where(a => a.Owner == ApplicantFiles.Owner && a.OwnerId == refused.Id).ExecuteDeleteAsync(ct);
        await db.Notifications.Where(n => n.ApplicantId == refused.Id).ExecuteDeleteAsync(ct);
        db.Applicants.Remove(refused);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>14 characters of upper, lower, digits and a symbol, without look-alikes (0/O, 1/l/I).</summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "#%+=?@";
        var all = upper + lower + digits;
        var chars = new List<char> { Pick(upper), Pick(lower), Pick(digits), Pick(symbols) };
        while (chars.Count < 14) chars.Add(Pick(all));
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue))]);
        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
