using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;

namespace GzBioPlan.Domain.Breakdown;

/// <summary>
/// 分解任务: a piece of a task or measure the coordination office assigns to a unit or district.
/// Its progress rolls up from its milestones; retired items stay in the table (and in the history).
/// </summary>
public class SubItem
{
    public long Id { get; set; }
    public required string WorkItemCode { get; set; }
    public int PartNo { get; set; } = 1;
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public PartyKind OwnerKind { get; set; }
    public required string OwnerCode { get; set; }

    /// <summary>The 指标 that measures it, shown with its city-wide value; optional.</summary>
    public string? IndicatorCode { get; set; }

    /// <summary>What the indicator should reach, in the indicator's unit; optional.</summary>
    public decimal? IndicatorTarget { get; set; }

    /// <summary>权重 among the work item's sub-items; null counts as the average of the set ones.</summary>
    public decimal? Weight { get; set; }

    /// <summary>The quarter work starts: 序时进度 runs from here to each milestone's due quarter.</summary>
    public Period Start { get; set; }

    public bool Retired { get; set; }

    /// <summary>Part of the demo data (with its milestones and their reports), removed with it.</summary>
    public bool IsDemo { get; set; }
}

/// <summary>里程碑 (节点) of a sub-item, reported by the sub-item's owner each quarter.</summary>
public class Milestone
{
    public long Id { get; set; }
    public long SubItemId { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public Period Due { get; set; }

    /// <summary>The due quarter first set, kept when the milestone is carried into a later quarter.</summary>
    public Period OriginalDue { get; set; }

    /// <summary>How many times it was carried (结转) into the next quarter.</summary>
    public int TimesCarried { get; set; }

    public decimal? Weight { get; set; }
    public bool Retired { get; set; }
}

/// <summary>
/// One 结转 of a milestone at the review of <see cref="Closing"/>: its due quarter moved from <see cref="From"/> to
/// <see cref="To"/>. Kept so that quarters up to the review still show the milestone as it stood then.
/// </summary>
public class MilestoneCarry
{
    public long Id { get; set; }
    public long MilestoneId { get; set; }
    public Period Closing { get; set; }
    public Period From { get; set; }
    public Period To { get; set; }
}

/// <summary>A milestone's completion reported for a quarter; the newest up to a quarter counts, none is deleted.</summary>
public class MilestoneReport
{
    public long Id { get; set; }
    public long MilestoneId { get; set; }
    public Period Period { get; set; }
    public decimal Percent { get; set; }
    public PartyKind ReporterKind { get; set; }
    public required string ReporterCode { get; set; }
    public string? ReportedBy { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public bool IsDemo { get; set; }
}

public enum BreakdownAction
{
    AddSubItem = 0,
    EditSubItem = 1,
    RetireSubItem = 2,
    AddMilestone = 3,
    EditMilestone = 4,
    RetireMilestone = 5,
    Carry = 6,
}

/// <summary>One change to a work item's breakdown: who, when, and what changed (field by field).</summary>
public class BreakdownChange
{
    public long Id { get; set; }
    public required string WorkItemCode { get; set; }
    public long? SubItemId { get; set; }
    public long? MilestoneId { get; set; }
    public BreakdownAction Action { get; set; }
    public required string Summary { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>An uploaded 任务分解表: the file as sent (kept whatever the outcome), and what came of it.</summary>
public class BreakdownImport
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public bool Applied { get; set; }

    /// <summary>What was changed, or every problem found (nothing is changed then).</summary>
    public required string Outcome { get; set; }

    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

public static class BreakdownLabels
{
    public const int TitleMax = 200;
    public const int SummaryMax = 2000;
    public const int OutcomeMax = 8000;

    public static string Label(this BreakdownAction a) => a switch
    {
        BreakdownAction.AddSubItem => "新增分解任务",
        BreakdownAction.EditSubItem => "修改分解任务",
        BreakdownAction.RetireSubItem => "撤销分解任务",
        BreakdownAction.AddMilestone => "新增节点",
        BreakdownAction.EditMilestone => "修改节点",
        BreakdownAction.RetireMilestone => "撤销节点",
        _ => "结转下季度",
    };
}

internal sealed class SubItemConfiguration : IEntityTypeConfiguration<SubItem>
{
    public void Configure(EntityTypeBuilder<SubItem> e)
    {
        e.Property(x => x.WorkItemCode).HasMaxLength(32);
        e.Property(x => x.Title).HasMaxLength(BreakdownLabels.TitleMax);
        e.Property(x => x.OwnerCode).HasMaxLength(32);
        e.Property(x => x.IndicatorCode).HasMaxLength(64);
        e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemCode);
        e.HasIndex(x => new { x.WorkItemCode, x.Retired });
    }
}

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> e)
    {
        e.Property(x => x.Title).HasMaxLength(BreakdownLabels.TitleMax);
        e.HasOne<SubItem>().WithMany().HasForeignKey(x => x.SubItemId);
        e.HasIndex(x => x.SubItemId);
    }
}

internal sealed class MilestoneReportConfiguration : IEntityTypeConfiguration<MilestoneReport>
{
    public void Configure(EntityTypeBuilder<MilestoneReport> e)
    {
        e.Property(x => x.ReporterCode).HasMaxLength(32);
        e.Property(x => x.ReportedBy).HasMaxLength(256);
        e.HasOne<Milestone>().WithMany().HasForeignKey(x => x.MilestoneId);
        e.HasIndex(x => new { x.MilestoneId, x.Period });
    }
}

internal sealed class BreakdownChangeConfiguration : IEntityTypeConfiguration<BreakdownChange>
{
    public void Configure(EntityTypeBuilder<BreakdownChange> e)
    {
        e.Property(x => x.WorkItemCode).HasMaxLength(32);
        e.Property(x => x.Summary).HasMaxLength(BreakdownLabels.SummaryMax);
        e.Property(x => x.By).HasMaxLength(256);
        e.HasIndex(x => x.WorkItemCode);
    }
}

internal sealed class MilestoneCarryConfiguration : IEntityTypeConfiguration<MilestoneCarry>
{
    public void Configure(EntityTypeBuilder<MilestoneCarry> e)
    {
        e.HasOne<Milestone>().WithMany().HasForeignKey(x => x.MilestoneId);
        e.HasIndex(x => new { x.MilestoneId, x.Closing });
    }
}

internal sealed class BreakdownImportConfiguration : IEntityTypeConfiguration<BreakdownImport>
{
    public void Configure(EntityTypeBuilder<BreakdownImport> e)
    {
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.Outcome).HasMaxLength(BreakdownLabels.OutcomeMax);
        e.Property(x => x.By).HasMaxLength(256);
    }
}
