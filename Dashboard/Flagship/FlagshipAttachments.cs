using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>
/// An application's 佐证材料 (the form's proofs) and its 盖章扫描件: PDF, JPG or PNG. Whoever may read the application
/// reads them; its applicant adds and removes them while the form is with it. A stamped scan is made of a print that
/// names the version the next 提交 makes, so it is kept with that version and a later resubmission makes it stale.
/// </summary>
public sealed class FlagshipAttachments(AppDbContext db) : IAttachmentOwner
{
    public const string Owner = "flagship";

    string IAttachmentOwner.Owner => Owner;

    public FileKind Kinds(string slot) => FileKinds.Documents;

    public bool HasSlot(string slot) => slot == FormFields.StampedScan || FormFields.Proofs.Any(p => p.Key == slot);

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct) =>
        await db.FlagshipApplications.AsNoTracking().Where(a => a.Id == ownerId).Select(a => new { a.ApplicantId, a.DistrictCode }).FirstOrDefaultAsync(ct)
            is { } a && user.MayRead(a.ApplicantId, a.DistrictCode);

    public async Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct)
    {
        var app = await db.FlagshipApplications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == ownerId, ct);
        if (app is null) return "找不到该申请。";
        var batch = await db.FlagshipBatches.AsNoTracking().FirstAsync(b => b.Id == app.BatchId, ct);
        return user.WhyNotEdit(app, batch);
    }

    public async Task<int?> VersionAsync(long ownerId, string slot, CancellationToken ct) =>
        slot == FormFields.StampedScan ? await db.FlagshipApplications.Where(a => a.Id == ownerId).Select(a => a.Version + 1).FirstAsync(ct) : null;
}
