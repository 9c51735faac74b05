using System.Security.Claims;
using System.Security.Cryptography;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>What the page shows once after an account is made: the temporary password is never stored in clear or shown again.</summary>
public sealed record CreatedApplicant(string UserName, string TemporaryPassword);

/// <summary>
/// A district office (for its district) or the office (for any) registers an organisation as 申报单位 with one account.
/// The account gets a random temporary password, shown once; its first sign-in must replace it.
/// </summary>
public sealed class ApplicantCreation(AppDbContext db, UserManager<AppUser> users, AuditTrail audit, TimeProvider clock)
{
    public async Task<(CreatedApplicant? Created, string? Problem)> CreateAsync(string name, string uscc, string district, string userName, ClaimsPrincipal by,
        CancellationToken ct)
    {
        (name, uscc, userName) = (name.Trim(), uscc.Trim().ToUpperInvariant(), userName.Trim());
        if (!by.MayCreateApplicantIn(district)) return (null, "区工信部门只能为本区的单位开通账号。");
        if (!await db.Districts.AnyAsync(d => d.Code == district, ct)) return (null, "请选择所属区。");
        if (name.Length is < 4 or > 100) return (null, "请填写单位全称（4 至 100 字，与营业执照或法人证书一致）。");
        if (Uscc.Problem(uscc) is { } wrong) return (null, wrong);
        if (userName.Length is < 3 or > 64 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            return (null, "用户名为 3 至 64 位字母、数字、下划线、连字符或点。");
        if (await db.Applicants.AsNoTracking().FirstOrDefaultAsync(a => a.Uscc == uscc, ct) is { } existing)
            return (null, $"统一社会信用代码 {uscc} 已登记为“{existing.Name}”，一个单位只登记一次；如需增加账号请联系协调办。");
        if (await users.FindByNameAsync(userName) is not null) return (null, $"用户名“{userName}”已被使用，请换一个。");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var applicant = new Applicant { Name = name, Uscc = uscc, DistrictCode = district, Status = ApplicantStatus.Approved, CreatedBy = by.Identity!.Name!, CreatedAt = clock.GetUtcNow() };
        db.Applicants.Add(applicant);
        await db.SaveChangesAsync(ct);
        var password = TemporaryPassword();
        var user = new AppUser { UserName = userName, DisplayName = name, ApplicantId = applicant.Id, MustChangePassword = true };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, Roles.Applicant);
        if (!result.Succeeded) return (null, string.Join("；", result.Errors.Select(e => e.Description)));
        await transaction.CommitAsync(ct);
        await audit.RecordAsync(AuditActions.ApplicantCreated, userName, $"{name}（{uscc}）", ct);
        return (new CreatedApplicant(userName, password), null);
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
