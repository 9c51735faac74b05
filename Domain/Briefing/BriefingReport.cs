using GzBioPlan.Domain.Periods;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GzBioPlan.Domain.Briefing;

/// <summary>
/// 情况通报: the office's narrative of a quarter for the coordination meeting. Every save is a new version
/// (第 1 版, 第 2 版 …) so what was sent to the meeting stays as it was.
/// </summary>
public class BriefingReport
{
    public long Id { get; set; }
    public Period Period { get; set; }
    public int VersionNo { get; set; }
    public required string Title { get; set; }

    /// <summary>主送: who the report is addressed to.</summary>
    public required string Addressee { get; set; }

    /// <summary>落款: the issuing body's name under the text.</summary>
    public required string Issuer { get; set; }

    public DateOnly MeetingDate { get; set; }
    public required string Overview { get; set; }
    public required string Progress { get; set; }
    public required string Problems { get; set; }
    public required string NextSteps { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

public static class BriefingReports
{
    public const int MaxTitle = 200;
    public const int MaxLine = 200;
    public const int MaxSection = 8_000;

    /// <summary>The four sections in the order they are printed: 总体情况, 主要进展, 存在问题, 下步工作.</summary>
    public static string[] Sections(BriefingReport r) => [r.Overview, r.Progress, r.Problems, r.NextSteps];

    /// <summary>A section's paragraphs: its non-empty lines, trimmed.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}

internal sealed class BriefingReportConfiguration : IEntityTypeConfiguration<BriefingReport>
{
    public void Configure(EntityTypeBuilder<BriefingReport> e)
    {
        e.Property(x => x.Title).HasMaxLength(BriefingReports.MaxTitle);
        e.Property(x => x.Addressee).HasMaxLength(BriefingReports.MaxLine);
        e.Property(x => x.Issuer).HasMaxLength(BriefingReports.MaxLine);
        e.Property(x => x.Overview).HasMaxLength(BriefingReports.MaxSection);
        e.Property(x => x.Progress).HasMaxLength(BriefingReports.MaxSection);
        e.Property(x => x.Problems).HasMaxLength(BriefingReports.MaxSection);
        e.Property(x => x.NextSteps).HasMaxLength(BriefingReports.MaxSection);
        e.Property(x => x.SavedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Period, x.VersionNo }).IsUnique();
    }
}
