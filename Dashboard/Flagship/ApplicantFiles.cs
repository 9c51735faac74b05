using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>
/// The 营业执照 or 法人证书 an organisation uploads when it registers itself: read by its district office, the city and the
/// organisation's own accounts. It is added only in the registration itself — by someone not signed in (the upload
/// endpoints demand a sign-in, so nothing else gets here), to a pending registration that has none yet.
/// </summary>
public sealed class ApplicantFiles(AppDbContext db) : IAttachmentOwner
{
    public const string Owner = "applicant";
    public const string Licence = "licence";

    string IAttachmentOwner.Owner => Owner;

    public FileKind Kinds(string slot) => FileKinds.Documents;

    public bool HasSlot(string slot) => slot == Licence;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct) =>
        await db.Applicants.AsNoTracking().Where(a => a.Id == ownerId).Select(a => a.DistrictCode).FirstOrDefaultAsync(ct) is { } district
        && user.MayRead(ownerId, district);

    public async Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct)
    {
        var registering = user.Identity?.IsAuthenticated != true
                          && await db.Applicants.AnyAsync(a => a.Id == ownerId && a.Status == ApplicantStatus.Pending, ct)
                          && !await db.Attachments.AnyAsync(a => a.Owner == Owner && a.OwnerId == ownerId, ct);
        return registering ? null : "注册时上传的证照不能更换；如有误，请所在区工信部门不通过后重新注册。";
    }
}
