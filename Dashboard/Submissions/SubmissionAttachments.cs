using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Submissions;

/// <summary>
/// 佐证材料 of a district's quarterly submission (a statistics bureau's letter, a signed contract behind a project): the
/// district adds and removes them until the office accepts; the district and the city's readers read them.
/// </summary>
public sealed class SubmissionAttachments(AppDbContext db) : IAttachmentOwner
{
    public const string Owner = "submission";
    public const string Slot = "proof";

    string IAttachmentOwner.Owner => Owner;

    public FileKind Kinds(string slot) => FileKinds.Reports;

    public bool HasSlot(string slot) => slot == Slot;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct) =>
        await db.Submissions.AsNoTracking().Where(s => s.Id == ownerId).Select(s => s.DistrictCode).FirstOrDefaultAsync(ct) is { } district && user.MaySeeDistrict(district);

    public async Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct) =>
        await db.Submissions.AsNoTracking().Where(s => s.Id == ownerId).Select(s => new { s.DistrictCode, s.Status }).FirstOrDefaultAsync(ct) switch
        {
            null => "找不到该报送。",
            var s when !user.MayUploadFor(s.DistrictCode) => "只有本区工信部门可以上传或删除报送的佐证材料。",
            { Status: SubmissionStatus.Accepted } => "协调办已确认并锁定本季度报送，佐证材料不能再改动；如需补充请联系协调办解锁。",
            _ => null,
        };
}
