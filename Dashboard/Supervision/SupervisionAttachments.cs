using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Supervision;

/// <summary>
/// 佐证材料 on a 督办 item (the 签约文件 the office asked for, a photo of the site, the unit's report): scans, workbooks and
/// Word files. Whoever may see the item reads them; its addressee, its 协办 and the office add and remove them until it is closed.
/// </summary>
public sealed class SupervisionAttachments(AppDbContext db) : IAttachmentOwner
{
    public const string Owner = "supervision";
    public const string Slot = "proof";

    string IAttachmentOwner.Owner => Owner;

    public FileKind Kinds(string slot) => FileKinds.Reports;

    public bool HasSlot(string slot) => slot == Slot;

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct) =>
        await db.SupervisionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ownerId, ct) is { } item && SupervisionService.MaySee(user, item);

    public async Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct) =>
        await db.SupervisionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ownerId, ct) switch
        {
            null => "找不到该督办事项。",
            { Status: SupervisionStatus.Closed } => "督办事项已销号，材料不能再改动。",
            var item when SupervisionService.MayAddProofs(user, item) => null,
            _ => "只有承办、协办单位和协调办可以上传或删除督办材料。",
        };
}
