using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>
/// A batch's documents: the national call and the province's forwarding notice, as PDF (or scans). They are public,
/// like the notice page that links them; the office adds and removes them while the batch is open.
/// </summary>
public sealed class FlagshipBatchFiles(AppDbContext db) : IAttachmentOwner
{
    public const string Owner = "flagship-batch";

    public static readonly IReadOnlyList<(string Slot, string Label)> Slots = [("call", "工业和信息化部通知原文"), ("notice", "省转发通知原文")];

    string IAttachmentOwner.Owner => Owner;

    public FileKind Kinds(string slot) => FileKinds.Documents;

    public bool HasSlot(string slot) => Slots.Any(s => s.Slot == slot);

    public Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct) => Task.FromResult(true);

    public async Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct)
    {
        if (!user.Reviews()) return "征集批次的文件由协调办上传。";
        var batch = await db.FlagshipBatches.AsNoTracking().Where(b => b.Id == ownerId).Select(b => new { b.ClosedAt }).FirstOrDefaultAsync(ct);
        return batch is null ? "找不到该征集批次。" : batch.ClosedAt is not null ? "该征集批次已关闭，不能再修改。" : null;
    }
}
