using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Flagship;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>Who may read and act on the flagship collection's records.</summary>
public static class FlagshipAccess
{
    /// <summary>An applicant reads its own; a district office its district's; the office, leaders, units and admins all.</summary>
    public static bool MayRead(this ClaimsPrincipal user, long applicantId, string districtCode) =>
        user.ApplicantId() is { } own ? own == applicantId
        : user.IsInRole(Domain.Accounts.Roles.District) ? user.District() == districtCode
        : user.SeesCity();

    /// <summary>The applications a person may list.</summary>
    public static IQueryable<FlagshipApplication> Visible(this IQueryable<FlagshipApplication> all, ClaimsPrincipal user)
    {
        if (user.ApplicantId() is { } own) return all.Where(a => a.ApplicantId == own);
        if (user.IsInRole(Domain.Accounts.Roles.District)) return user.District() is { } d ? all.Where(a => a.DistrictCode == d) : all.Where(a => false);
        return user.SeesCity() ? all : all.Where(a => false);
    }

    /// <summary>A district office creates applicants of its district; the office of any.</summary>
    public static bool MayCreateApplicantIn(this ClaimsPrincipal user, string districtCode) =>
        user.Reviews() || (user.IsInRole(Domain.Accounts.Roles.District) && user.District() == districtCode);

    /// <summary>The applicant's own accounts edit while the form is with them and the batch is open.</summary>
    public static string? WhyNotEdit(this ClaimsPrincipal user, FlagshipApplication a, FlagshipBatch batch) =>
        user.ApplicantId() != a.ApplicantId ? "只有申报单位本单位的账号可以填写申请表。"
        : batch.IsClosed ? $"{batch.Year} 年征集批次已关闭，申请表不能再修改。"
        : !a.State.ApplicantEdits() ? $"申请表{a.State.Label()}，退回前不能修改。"
        : null;
}
