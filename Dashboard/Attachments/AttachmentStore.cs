using System.Security.Claims;
using System.Security.Cryptography;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Attachments;

/// <summary><c>Attachments:</c> in configuration: how large one file and all of one record's files may be.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";
    public int MaxFileMegabytes { get; set; } = 10;
    public int MaxOwnerMegabytes { get; set; } = 50;
    public int MaxFilesPerSlot { get; set; } = 10;
}

/// <summary>
/// A feature whose records carry 佐证材料 says here who may read and who may add or remove them, and which formats
/// each slot takes. The store and its pages ask; they know nothing else about the feature.
/// </summary>
public interface IAttachmentOwner
{
    /// <summary>The name stored with each file (<see cref="Attachment.Owner"/>) and used in its URLs.</summary>
    string Owner { get; }

    FileKind Kinds(string slot);

    /// <summary>Whether the slot exists for this owner at all.</summary>
    bool HasSlot(string slot);

    Task<bool> MayReadAsync(ClaimsPrincipal user, long ownerId, CancellationToken ct);

    /// <summary>Null when the user may add to or remove from the slot now, else why not (in Chinese).</summary>
    Task<string?> WhyNotChangeAsync(ClaimsPrincipal user, long ownerId, string slot, CancellationToken ct);

    /// <summary>The record's version a new file is made for (a stamped scan names the form's 第 N 版), or null (most records have none).</summary>
    Task<int?> VersionAsync(long ownerId, string slot, CancellationToken ct) => Task.FromResult<int?>(null);
}

/// <summary>What the list shows of a file: never its bytes.</summary>
public sealed record AttachmentInfo(long Id, string Slot, string FileName, FileKind Kind, long Size, string Sha256, string UploadedBy,
    DateTimeOffset UploadedAt, int? OwnerVersion);

/// <summary>A refused upload: the Chinese sentence says why and what to do.</summary>
public sealed record AttachmentRefusal(string Message);

/// <summary>Keeps, lists and removes attachments after <see cref="FileCheck"/> and the configured limits.</summary>
public sealed class AttachmentStore(AppDbContext db, IEnumerable<IAttachmentOwner> owners, AttachmentOptions options, IngestOptions workbooks, TimeProvider clock,
    AuditTrail audit, ILogger<AttachmentStore> log)
{
    public IAttachmentOwner? OwnerNamed(string owner) => owners.FirstOrDefault(o => o.Owner == owner);

    public async Task<List<AttachmentInfo>> ListAsync(string owner, long ownerId, CancellationToken ct) => [.. (await ListManyAsync(owner, [ownerId], ct))[ownerId]];

    /// <summary>The files of several records of one owner in one query, by record.</summary>
    public async Task<ILookup<long, AttachmentInfo>> ListManyAsync(string owner, IReadOnlyCollection<long> ownerIds, CancellationToken ct) =>
        (await db.Attachments.AsNoTracking().Where(a => a.Owner == owner && ownerIds.Contains(a.OwnerId)).OrderBy(a => a.Id)
            .Select(a => new { a.OwnerId, Info = new AttachmentInfo(a.Id, a.Slot, a.FileName, a.Kind, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt, a.OwnerVersion) })
            .ToListAsync(ct)).ToLookup(a => a.OwnerId, a => a.Info);

    /// <summary>Which slots of the record hold at least one file.</summary>
    public async Task<HashSet<string>> FilledSlotsAsync(string owner, long ownerId, CancellationToken ct) =>
        [.. await db.Attachments.AsNoTracking().Where(a => a.Owner == owner && a.OwnerId == ownerId).Select(a => a.Slot).Distinct().ToListAsync(ct)];

    /// <summary>Checks and keeps one file; a refusal writes nothing but the attempt (in the audit log).</summary>
    public async Task<AttachmentRefusal?> SaveAsync(IAttachmentOwner owner, long ownerId, string slot, string fileName, Stream content, long declaredLength,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var name = CleanName(fileName);
        var refusal = await CheckAsync(owner, ownerId, slot, user, ct);
        byte[] bytes = [];
        if (refusal is null) (bytes, refusal) = await ReadAsync(content, declaredLength, owner.Kinds(slot), ct);
        if (refusal is null && await db.Attachments.Where(a => a.Owner == owner.Owner && a.OwnerId == ownerId).SumAsync(a => (long?)a.Size, ct) + bytes.Length
            > options.MaxOwnerMegabytes * 1024L * 1024L)
            refusal = new($"本条记录的附件合计不能超过 {options.MaxOwnerMegabytes} MB，请删除不需要的附件或压缩后再上传。");
        if (refusal is not null)
        {
            await audit.RecordAsync(AuditActions.AttachmentRefused, $"{owner.Owner}/{ownerId}/{slot}", $"{name}：{refusal.Message}", ct);
            log.LogInformation("Attachment {FileName} for {Owner}/{OwnerId}/{Slot} refused: {Reason}", name, owner.Owner, ownerId, slot, refusal.Message);
            return refusal;
        }
        var kind = FileCheck.Check(bytes, owner.Kinds(slot)).Kind;
        db.Attachments.Add(new Attachment
        {
            Owner = owner.Owner, OwnerId = ownerId, Slot = slot, FileName = name, Kind = kind, Size = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Content = bytes, UploadedBy = user.Identity?.Name ?? "",
            UploadedAt = clock.GetUtcNow(), OwnerVersion = await owner.VersionAsync(ownerId, slot, ct),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> DeleteAsync(IAttachmentOwner owner, long attachmentId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.Attachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.Owner == owner.Owner, ct) is not { } a) return "找不到该附件，可能已被删除。";
        if (await owner.WhyNotChangeAsync(user, a.OwnerId, a.Slot, ct) is { } why) return why;
        db.Attachments.Remove(a);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Reads a file up to the size cap and checks its content against the formats, before anything is written: for a
    /// caller that must know a file is acceptable before it creates the record the file belongs to.
    /// </summary>
    public async Task<(byte[] Bytes, AttachmentRefusal? Refusal)> ReadAsync(Stream content, long declaredLength, FileKind kinds, CancellationToken ct)
    {
        if (declaredLength <= 0) return ([], new("没有选择文件，或文件是空的，请重新选择。"));
        if (declaredLength > MaxBytes) return ([], TooLarge());
        var bytes = await ReadCappedAsync(content, MaxBytes, ct);
        if (bytes.Length > MaxBytes) return ([], TooLarge());
        var verdict = FileCheck.Check(bytes, kinds);
        if (verdict.Problem is { } problem) return ([], new(problem));
        // A workbook or Word file goes through the same byte guard as the districts' uploads (zip bombs, macros).
        if (verdict.Kind is FileKind.Xlsx or FileKind.Docx && WorkbookGuard.CheckProof(bytes, workbooks, verdict.Kind == FileKind.Docx) is { } refused)
            return ([], new(refused.Message));
        return (bytes, null);
    }

    private long MaxBytes => options.MaxFileMegabytes * 1024L * 1024L;

    private AttachmentRefusal TooLarge() => new($"文件超过 {options.MaxFileMegabytes} MB，请压缩（如降低扫描分辨率到 200 dpi）后再上传。");

    private async Task<AttachmentRefusal?> CheckAsync(IAttachmentOwner owner, long ownerId, string slot, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!owner.HasSlot(slot)) return new("没有这一类证明材料，请在页面上选择要上传的材料。");
        if (await owner.WhyNotChangeAsync(user, ownerId, slot, ct) is { } why) return new(why);
        var inSlot = await db.Attachments.CountAsync(a => a.Owner == owner.Owner && a.OwnerId == ownerId && a.Slot == slot, ct);
        return inSlot >= options.MaxFilesPerSlot ? new($"每类材料最多 {options.MaxFilesPerSlot} 个文件，请合并为一个 PDF 后上传。") : null;
    }

    /// <summary>Reads at most one byte past the cap, so an oversized body costs no more than the cap.</summary>
    private static async Task<byte[]> ReadCappedAsync(Stream content, long cap, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > cap) break;
        }
        return buffer.ToArray();
    }

    /// <summary>The name without folders or control characters, at most 200 characters, so it is safe in a header and a list.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray()).Trim();
        if (name.Length == 0) name = "附件";
        return name.Length > 200 ? name[^200..] : name;
    }
}
