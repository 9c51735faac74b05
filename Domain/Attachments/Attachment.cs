using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GzBioPlan.Domain.Attachments;

/// <summary>
/// 佐证材料: a file kept with what it proves. <see cref="Owner"/> names the feature (an application of the flagship
/// collection, a 督办 step, a progress report) and <see cref="OwnerId"/> the record; <see cref="Slot"/> says which proof
/// of that record it is (营业执照, 知识产权证明…). The bytes live in the database, so every node serves them.
/// </summary>
public class Attachment
{
    public long Id { get; set; }
    public required string Owner { get; set; }
    public long OwnerId { get; set; }
    public required string Slot { get; set; }
    public required string FileName { get; set; }
    public FileKind Kind { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The owner's version the file was made for (a stamped scan of the form's 第 N 版), where that matters.</summary>
    public int? OwnerVersion { get; set; }

    /// <summary>Demo data, removed with it.</summary>
    public bool IsDemo { get; set; }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.Property(x => x.Owner).HasMaxLength(40);
        e.Property(x => x.Slot).HasMaxLength(40);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Owner, x.OwnerId });
    }
}
