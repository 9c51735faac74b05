using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Progress;

public enum ProgressStatus
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
    Blocked = 3,
}

/// <summary>进展报告: a unit's quarterly report on a work item (or one part of it).</summary>
public class ProgressReport
{
    public long Id { get; set; }
    public required string WorkItemCode { get; set; }
    public int PartNo { get; set; } = 1;
    public required string UnitCode { get; set; }
    public Period Period { get; set; }
    public ProgressStatus Status { get; set; }

    /// <summary>Completion of the work item, 0–100.</summary>
    public decimal ProgressPercent { get; set; }

    public required string Narrative { get; set; }

    /// <summary>下一步工作.</summary>
    public string? NextSteps { get; set; }

    /// <summary>困难问题, and what is needed from whom.</summary>
    public string? Blockers { get; set; }

    /// <summary>Who entered it (a user name); null for demo data.</summary>
    public string? ReportedBy { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
    public bool IsDemo { get; set; }
}

/// <summary>A quarter whose progress reports the coordination office has locked: no more corrections.</summary>
public class ProgressLock
{
    public Periods.Period Period { get; set; }
    public required string LockedBy { get; set; }
    public DateTimeOffset LockedAt { get; set; }
}

public static class ProgressStatuses
{
    /// <summary>The report that counts among several: the latest saved (by time, then by insertion when times are equal).</summary>
    public static T Newest<T>(this IEnumerable<T> reports, Func<T, DateTimeOffset> at, Func<T, long> id) =>
        reports.OrderBy(at).ThenBy(id).Last();

    public static string Label(this ProgressStatus s) => s switch
    {
        ProgressStatus.NotStarted => "未启动",
        ProgressStatus.InProgress => "推进中",
        ProgressStatus.Completed => "已完成",
        _ => "受阻",
    };
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> e)
    {
        e.Property(x => x.WorkItemCode).HasMaxLength(32);
        e.Property(x => x.UnitCode).HasMaxLength(32);
        e.Property(x => x.Narrative).HasMaxLength(4000);
        e.Property(x => x.NextSteps).HasMaxLength(2000);
        e.Property(x => x.Blockers).HasMaxLength(2000);
        e.Property(x => x.ReportedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Period, x.WorkItemCode });
    }
}

internal sealed class ProgressLockConfiguration : IEntityTypeConfiguration<ProgressLock>
{
    public void Configure(EntityTypeBuilder<ProgressLock> e)
    {
        e.HasKey(x => x.Period);
        e.Property(x => x.LockedBy).HasMaxLength(256);
    }
}
