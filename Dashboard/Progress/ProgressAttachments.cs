using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Progress;

/// <summary>
/// 佐证材料 of a unit's progress report on one task part in one quarter. Every save of the report is a new row, so the
/// files are kept with the quarter's first report of that unit and part (<see cref="OwnerOf"/>) and stay with it through
/// corrections. The unit adds and removes them until the office locks the quarter; the city's readers read them.
/// </summary>
public sealed class ProgressAttachments(AppDbContext db) : IAttachmentOwner
{
    public const string Owner = "progress";
    public const string Slot = "proof";

    string IAttachmentOwner.Owner => Owner;

    public FileKind Kinds(string slot) => FileKinds.Reports;

    public bool HasSlot(string slot) => slot == Slot;

    /// <summary>The report that carries a unit's files for a part and quarter: the first one saved.</summary>
    public static long OwnerOf(IEnumerable<Domain.Progress.ProgressReport> reportsOfUnitPartQuarter) => reportsOfUnitPartQuarter.Min(r => r.Id);

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct) =>
        await db.ProgressReports.AsNoTracking().Where(r => r.Id == ownerId).Select(r => r.UnitCode).FirstOrDefaultAsync(ct) is { } unit
        && (user.SeesCity() || user.Unit() == unit);

    public async Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct)
    {
        var report = await db.ProgressReports.AsNoTracking().Where(r => r.Id == ownerId).Select(r => new { r.UnitCode, r.Period }).FirstOrDefaultAsync(ct);
        if (report is null) return "找不到该进展报告。";
        if (user.Unit() != report.UnitCode) return "只有报告单位本单位可以上传或删除进展报告的佐证材料。";
        return await db.ProgressLocks.AnyAsync(l => l.Period == report.Period, ct) ? "协调办已锁定本季度进展报告，佐证材料不能再改动。" : null;
    }
}
