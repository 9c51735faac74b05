using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.AspNetCore.Identity;

namespace GzBioPlan.Domain.Accounts;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>For a 区工信部门 account: the district it reports for.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>For a 市直部门 account: the unit it reports for.</summary>
    public string? UnitCode { get; set; }

    /// <summary>For a 申报单位 account: the organisation it applies for (flagship collection).</summary>
    public long? ApplicantId { get; set; }

    /// <summary>Set when someone else chose the password (a temporary one shown once): the first sign-in must replace it.</summary>
    public bool MustChangePassword { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Created by demo mode; removed with the demo data.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>The roles. The names are what the interface shows.</summary>
public static class Roles
{
    public const string Leader = "市领导";
    public const string Coordination = "协调办";
    public const string District = "区工信部门";
    public const string Unit = "市直部门";
    public const string Admin = "管理员";

    /// <summary>An organisation applying to the flagship collection; sees only its own applications.</summary>
    public const string Applicant = "申报单位";

    public static readonly IReadOnlyList<string> All = [Leader, Coordination, District, Unit, Admin, Applicant];

    /// <summary>The roles an admin gives on 账号管理; a 申报单位 account is bound to its organisation where that is registered.</summary>
    public static readonly IReadOnlyList<string> Staff = [Leader, Coordination, District, Unit, Admin];

    /// <summary>Roles that read the whole city's figures.</summary>
    public const string CityWide = Leader + "," + Coordination + "," + Unit + "," + Admin;
}

/// <summary>
/// A personal access token for scripted clients (<c>Authorization: Bearer …</c>). Only its SHA-256 is
/// stored; it acts with its owner's role and district, and expires.
/// </summary>
public class ApiToken
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }

    /// <summary>The first characters, so a person can tell tokens apart without the secret.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(100);
        e.Property(u => u.DistrictCode).HasMaxLength(6);
        e.Property(u => u.UnitCode).HasMaxLength(32);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.HasIndex(x => x.Hash).IsUnique();
    }
}

/// <summary>A password an account has had (its hash), so a new one cannot repeat the last few.</summary>
public class PasswordHistory
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistory>
{
    public void Configure(EntityTypeBuilder<PasswordHistory> e)
    {
        e.Property(x => x.UserId).HasMaxLength(450);
        e.Property(x => x.Hash).HasMaxLength(200);
        e.HasIndex(x => new { x.UserId, x.Id });
    }
}

/// <summary>
/// 密码规则 (等保 2.0 asks for length and complexity): at least <see cref="MinLength"/> characters with at least three of
/// the four kinds (upper case, lower case, digit, symbol), and not containing the user name.
/// </summary>
public static class PasswordRule
{
    public const int MinLength = 8;

    /// <summary>How many earlier passwords a new one may not repeat (the current one included).</summary>
    public const int Remembered = 5;

    public static int Kinds(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsDigit) ? 1 : 0)
        + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    /// <summary>What is wrong with the password, in Chinese, or null when it is acceptable.</summary>
    public static string? Problem(string password, string? userName)
    {
        if (password.Length < MinLength) return $"密码至少需要 {MinLength} 位。";
        if (Kinds(password) < 3) return "密码需要包含大写字母、小写字母、数字、符号中的至少三种。";
        if (!string.IsNullOrEmpty(userName) && password.Contains(userName, StringComparison.OrdinalIgnoreCase)) return "密码不能包含用户名。";
        return null;
    }
}

/// <summary>审计日志: who did what to whom, from where, and when — sign-ins, account changes and approvals.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC. A DateTime rather than an offset, so that every provider (SQLite too) filters and sorts by it in SQL.</summary>
    public DateTime At { get; set; }

    /// <summary>The signed-in user, or the name typed at the login form.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>What it was done to: an account, a submission, a quarter.</summary>
    public string? Target { get; set; }

    public string? Detail { get; set; }

    /// <summary>The client's address as the server saw it (after a trusted proxy's forwarding).</summary>
    public string? Address { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(40);
        e.Property(x => x.Target).HasMaxLength(200);
        e.Property(x => x.Detail).HasMaxLength(1000);
        e.Property(x => x.Address).HasMaxLength(64);
        e.HasIndex(x => x.At);
    }
}

/// <summary>The audited actions, each with the label the audit page and its export show.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string AccountCreated = "account-created";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string AccountBinding = "account-binding";
    public const string TokenIssued = "token-issued";
    public const string TokenRevoked = "token-revoked";
    public const string SubmissionAccepted = "submission-accepted";
    public const string SubmissionReturned = "submission-returned";
    public const string SubmissionUnlocked = "submission-unlocked";
    public const string SubmissionReminded = "submission-reminded";
    public const string Exemption = "exemption";
    public const string DistrictReviewSet = "district-review-set";
    public const string DistrictApproved = "district-approved";
    public const string DistrictReturned = "district-returned";
    public const string ProgressLocked = "progress-locked";
    public const string ProgressUnlocked = "progress-unlocked";
    public const string HolidaysChanged = "holidays-changed";
    public const string AttachmentRefused = "attachment-refused";
    public const string ApplicantCreated = "applicant-created";
    public const string ApplicantRegistered = "applicant-registered";
    public const string ApplicantApproved = "applicant-approved";
    public const string ApplicantRefused = "applicant-refused";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [SignIn] = "登录", [SignInFailed] = "登录失败", [SignOut] = "退出",
        [PasswordChanged] = "修改密码", [PasswordReset] = "重置密码", [AccountCreated] = "新建账号", [AccountDisabled] = "停用账号",
        [AccountEnabled] = "启用账号", [AccountBinding] = "修改账号绑定", [TokenIssued] = "创建访问令牌", [TokenRevoked] = "撤销访问令牌",
        [SubmissionAccepted] = "确认报表", [SubmissionReturned] = "退回报表", [SubmissionUnlocked] = "解锁报表", [SubmissionReminded] = "催报", [Exemption] = "设置免报",
        [DistrictReviewSet] = "设置区内审核", [DistrictApproved] = "区内审核通过", [DistrictReturned] = "区内审核退回",
        [ProgressLocked] = "锁定进展报告", [ProgressUnlocked] = "解锁进展报告", [HolidaysChanged] = "修改节假日",
        [AttachmentRefused] = "拒收附件", [ApplicantCreated] = "新建申报单位",
        [ApplicantRegistered] = "申报单位注册", [ApplicantApproved] = "通过单位注册", [ApplicantRefused] = "不通过单位注册",
    };

    public static string Label(string action) => Labels.GetValueOrDefault(action, action);
}
