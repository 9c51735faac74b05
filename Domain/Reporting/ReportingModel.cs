using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Reporting;

/// <summary>指标值: one district's value of one indicator for one period.</summary>
public class IndicatorValue
{
    public long Id { get; set; }
    public required string IndicatorCode { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }
    public decimal Value { get; set; }
    public bool IsDemo { get; set; }
}

public enum RosterKind
{
    LeadingFirm = 0,
    IndustrialBase = 1,
    Platform = 2,
    KeyProject = 3,
}

/// <summary>
/// 名录: an entry a district reported for a period (a leading firm, a base, a platform, a project).
/// <see cref="Key"/> identifies the entry city-wide: the 统一社会信用代码 for firms, the name otherwise.
/// </summary>
public class RosterEntry
{
    public long Id { get; set; }

    /// <summary>编号 in the workbook: stays with the entry from quarter to quarter, so a re-upload updates it.</summary>
    public string? StableId { get; set; }

    public RosterKind Kind { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }

    /// <summary>Status or stage: 培育对象 / 已认定 for firms, 规划 / 在建 / 已建成 for bases and projects.</summary>
    public required string Status { get; set; }

    /// <summary>Field (重点领域) or, for platforms, the platform type.</summary>
    public string? Category { get; set; }

    /// <summary>Total investment in 万元 (projects) or area in 亩 (bases).</summary>
    public decimal? Amount { get; set; }

    public DateOnly? StartDate { get; set; }
    public bool IsDemo { get; set; }
}

public static class RosterKinds
{
    public static string Label(this RosterKind kind) => kind switch
    {
        RosterKind.LeadingFirm => "创新引领型企业名录",
        RosterKind.IndustrialBase => "产业园区和基地名录",
        RosterKind.Platform => "平台名录",
        _ => "重点项目名录",
    };
}

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
