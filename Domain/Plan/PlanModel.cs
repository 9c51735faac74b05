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
    public Reporting.RosterKind? RosterKind { get; set; }
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
