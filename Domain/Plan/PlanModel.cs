using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;

namespace GzBioPlan.Domain.Plan;

/// <summary>工作方案: the plan document.</summary>
public class PlanDocument
{
    public int Id { get; set; }
    public required string DocumentNumber { get; set; }
    public required string Title { get; set; }
    public required string Issuer { get; set; }
    public DateOnly IssuedOn { get; set; }
    public int HorizonYear { get; set; }
}

public enum UnitKind
{
    /// <summary>市直部门.</summary>
    Municipal = 0,

    /// <summary>各区政府: every district government, named as one participant by the plan.</summary>
    AllDistrictGovernments = 1,
}

/// <summary>市直部门 (or 各区政府 where the plan names them together).</summary>
public class Unit
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>One of the 11 districts, keyed by its GB/T 2260 code.</summary>
public class District
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }

    /// <summary>区内审核: set by the coordination office; a second account of the district approves each upload before the city sees it.</summary>
    public bool RequiresDistrictReview { get; set; }
}

/// <summary>重点领域.</summary>
public class KeyArea
{
    public required string Code { get; set; }
    public int No { get; set; }
    public required string Name { get; set; }
    public required string Text { get; set; }
    public List<KeyAreaLead> Leads { get; set; } = [];
}

public class KeyAreaLead
{
    public required string KeyAreaCode { get; set; }
    public required string UnitCode { get; set; }
    public int SortOrder { get; set; }
    public Unit? Unit { get; set; }
}

public enum WorkItemKind
{
    /// <summary>主要任务.</summary>
    Task = 0,

    /// <summary>保障措施.</summary>
    Measure = 1,
}

public static class WorkItemKinds
{
    public static string Label(this WorkItemKind kind) => kind == WorkItemKind.Task ? "主要任务" : "保障措施";
}

/// <summary>A task or a measure.</summary>
public class WorkItem
{
    public required string Code { get; set; }
    public WorkItemKind Kind { get; set; }
    public int No { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    public List<WorkItemPart> Parts { get; set; } = [];

    /// <summary>三(一), 四(四): how the plan numbers it.</summary>
    public string Numbering => $"{(Kind == WorkItemKind.Task ? "三" : "四")}（{ChineseNumerals.Of(No)}）";
}

public static class ChineseNumerals
{
    /// <summary>一 … 九 as the plan numbers its sections; larger numbers stay in digits.</summary>
    public static string Of(int n) => n is >= 1 and <= 9 ? "一二三四五六七八九"[n - 1].ToString() : n.ToString();
}

/// <summary>
/// A part of a work item with its own lead and supporting units. Most items have one part;
/// 保障措施(四) names two groups of units for two parts, which are kept apart.
/// </summary>
public class WorkItemPart
{
    public int Id { get; set; }
    public required string WorkItemCode { get; set; }
    public int PartNo { get; set; }
    public required string Summary { get; set; }
    public List<WorkItemPartUnit> Units { get; set; } = [];
}

public enum UnitRole
{
    /// <summary>牵头单位.</summary>
    Lead = 0,

    /// <summary>配合单位.</summary>
    Supporting = 1,
}

public class WorkItemPartUnit
{
    public int WorkItemPartId { get; set; }
    public required string UnitCode { get; set; }
    public UnitRole Role { get; set; }
    public int SortOrder { get; set; }
    public Unit? Unit { get; set; }
}

public enum TargetKind
{
    Numeric = 0,
    Qualitative = 1,
}

/// <summary>工作目标: a 2027 target.</summary>
public class Target
{
    public required string Code { get; set; }
    public int No { get; set; }
    public required string Name { get; set; }

    /// <summary>The plan's own words for the target.</summary>
    public required string Text { get; set; }

    public TargetKind Kind { get; set; }

    /// <summary>The measuring indicator for a numeric target; for a qualitative one, an indicator shown as context.</summary>
    public string? IndicatorCode { get; set; }

    public decimal? Baseline { get; set; }
    public decimal? TargetValue { get; set; }

    /// <summary>The task or measure whose lead units answer for this target in the laggard review.</summary>
    public string? DeliveredByCode { get; set; }

    /// <summary>≥ or 约 as the plan words it.</summary>
    public string? Comparison { get; set; }

    public List<TrajectoryPoint> TrajectoryPoints { get; set; } = [];
    public List<TargetMilestone> Milestones { get; set; } = [];
}

/// <summary>A point on a target's 序时进度 set by the coordination office.</summary>
public class TrajectoryPoint
{
    public int Id { get; set; }
    public required string TargetCode { get; set; }
    public Period Period { get; set; }
    public decimal Expected { get; set; }
}

/// <summary>A dated milestone of a qualitative target.</summary>
public class TargetMilestone
{
    public int Id { get; set; }
    public required string TargetCode { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public Period Due { get; set; }

    /// <summary>Quarter in which the milestone was reached, if it was.</summary>
    public Period? CompletedIn { get; set; }

    /// <summary>Set when demo data marked the milestone reached, so removing demo data can undo it.</summary>
    public bool CompletedByDemo { get; set; }
}

/// <summary>指标: a quantity districts report each quarter.</summary>
public class Indicator
{
    public required string Code { get; set; }
    public int SortOrder { get; set; }
    public required string Name { get; set; }

    /// <summary>Unit of measure as shown: 家, 个, 亿元 …</summary>
    public required string UnitOfMeasure { get; set; }

    public Aggregation Aggregation { get; set; }

    /// <summary>For <see cref="Aggregation.DistinctCount"/>: which roster and which status count.</summary>
    public Submissions.RosterKind? RosterKind { get; set; }
    public string? RosterStatus { get; set; }
    public string? RosterCategory { get; set; }

    /// <summary>Whether the figure is a running total that should not fall from one quarter to the next.</summary>
    public bool Cumulative { get; set; }
}

/// <summary>Which versions of the built-in seed data have been applied.</summary>
public class SeedVersion
{
    public required string Name { get; set; }
    public int Version { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
}

internal sealed class PlanDocumentConfiguration : IEntityTypeConfiguration<PlanDocument>
{
    public void Configure(EntityTypeBuilder<PlanDocument> e)
    {
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.DocumentNumber).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Issuer).HasMaxLength(100);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(100);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(50);
    }
}

internal sealed class KeyAreaConfiguration : IEntityTypeConfiguration<KeyArea>
{
    public void Configure(EntityTypeBuilder<KeyArea> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.HasMany(x => x.Leads).WithOne().HasForeignKey(x => x.KeyAreaCode);
    }
}

internal sealed class KeyAreaLeadConfiguration : IEntityTypeConfiguration<KeyAreaLead>
{
    public void Configure(EntityTypeBuilder<KeyAreaLead> e)
    {
        e.HasKey(x => new { x.KeyAreaCode, x.UnitCode });
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitCode);
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Ignore(x => x.Numbering);
        e.HasMany(x => x.Parts).WithOne().HasForeignKey(x => x.WorkItemCode);
    }
}

internal sealed class WorkItemPartConfiguration : IEntityTypeConfiguration<WorkItemPart>
{
    public void Configure(EntityTypeBuilder<WorkItemPart> e)
    {
        e.Property(x => x.Summary).HasMaxLength(200);
        e.HasIndex(x => new { x.WorkItemCode, x.PartNo }).IsUnique();
        e.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.WorkItemPartId);
    }
}

internal sealed class WorkItemPartUnitConfiguration : IEntityTypeConfiguration<WorkItemPartUnit>
{
    public void Configure(EntityTypeBuilder<WorkItemPartUnit> e)
    {
        e.HasKey(x => new { x.WorkItemPartId, x.UnitCode, x.Role });
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitCode);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.IndicatorCode).HasMaxLength(64);
        e.Property(x => x.Comparison).HasMaxLength(8);
        e.Property(x => x.DeliveredByCode).HasMaxLength(32);
        e.HasMany(x => x.TrajectoryPoints).WithOne().HasForeignKey(x => x.TargetCode);
        e.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.TargetCode);
    }
}

internal sealed class TrajectoryPointConfiguration : IEntityTypeConfiguration<TrajectoryPoint>
{
    public void Configure(EntityTypeBuilder<TrajectoryPoint> e) => e.HasIndex(x => new { x.TargetCode, x.Period }).IsUnique();
}

internal sealed class TargetMilestoneConfiguration : IEntityTypeConfiguration<TargetMilestone>
{
    public void Configure(EntityTypeBuilder<TargetMilestone> e) => e.Property(x => x.Title).HasMaxLength(200);
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.UnitOfMeasure).HasMaxLength(16);
        e.Property(x => x.RosterStatus).HasMaxLength(32);
        e.Property(x => x.RosterCategory).HasMaxLength(32);
    }
}

internal sealed class SeedVersionConfiguration : IEntityTypeConfiguration<SeedVersion>
{
    public void Configure(EntityTypeBuilder<SeedVersion> e)
    {
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
    }
}
