using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Submissions;

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

public static class UploadChannels
{
    /// <summary>How a version arrived, as the pages say it.</summary>
    public static string Label(this UploadChannel channel) => channel switch
    {
        UploadChannel.Api => "接口",
        UploadChannel.Inbox => "共享目录",
        UploadChannel.WebForm => "网页填报",
        _ => "网页上传",
    };
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

public enum SubmissionStatus
{
    /// <summary>已提交.</summary>
    Submitted = 0,

    /// <summary>已退回: the coordination office sent it back with a reason.</summary>
    Returned = 1,

    /// <summary>已确认: accepted and locked; its figures are in the cockpit.</summary>
    Accepted = 2,

    /// <summary>待区内审核: the district requires its own sign-off, and the city does not see the upload until a second account of the district approves it.</summary>
    AwaitingDistrictReview = 3,
}

/// <summary>季度报送: what one district sent for one period. Created by the first upload that passes validation.</summary>
public class Submission
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }
    public SubmissionStatus Status { get; set; }
    public long CurrentVersionId { get; set; }

    /// <summary>When the city first received a valid workbook (after 区内审核 where the district requires it): what timeliness counts.</summary>
    public DateTimeOffset? FirstSubmittedAt { get; set; }

    public DateTimeOffset LastSubmittedAt { get; set; }
    public string? ReturnReason { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public string? AcceptedBy { get; set; }
}

public enum UploadOutcome
{
    /// <summary>Errors found: nothing was taken but this record.</summary>
    Rejected = 0,

    /// <summary>Only warnings (e.g. outliers): the uploader must confirm them.</summary>
    NeedsConfirmation = 1,

    /// <summary>Passed, and is the district's current submission.</summary>
    Submitted = 2,
}

public enum UploadChannel
{
    Web = 0,
    Api = 1,
    Inbox = 2,

    /// <summary>Entered on 网页填报; the server writes the entries into the template and the file goes through the same pipeline.</summary>
    WebForm = 3,
}

/// <summary>One upload (a version): the original file with its hash, and what validation found.</summary>
public class SubmissionVersion
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }

    /// <summary>1, 2, 3 … per district and period for uploads that passed the checks; 0 for one refused (an attempt, listed apart).</summary>
    public int No { get; set; }

    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public UploadChannel Channel { get; set; }
    public UploadOutcome Outcome { get; set; }

    /// <summary>The problems found, as JSON (sheet, cell, code, value, expected, message).</summary>
    public required string ProblemsJson { get; set; }

    /// <summary>The figures read from the workbook, as JSON; written into the cockpit tables when accepted.</summary>
    public string? PayloadJson { get; set; }
}

public enum SubmissionAction
{
    Submitted = 0,
    Confirmed = 1,
    Returned = 2,
    Accepted = 3,
    Unlocked = 4,

    /// <summary>区内审核通过: a second account of the district sent the upload on to the city.</summary>
    DistrictApproved = 5,

    /// <summary>区内审核退回: the district's reviewer sent the upload back to its uploader.</summary>
    DistrictReturned = 6,
}

/// <summary>The audit trail of a submission: who did what, when, and why.</summary>
public class SubmissionEvent
{
    public long Id { get; set; }
    public long SubmissionId { get; set; }
    public long? VersionId { get; set; }
    public SubmissionAction Action { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

/// <summary>A district not expected to report for a period (DHIS2: closed or exempt org units do not count).</summary>
public class DistrictExemption
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }
    public required string Reason { get; set; }
}

/// <summary>A district's narrative on one work item for a period, from the 任务进展 sheet.</summary>
public class DistrictNarrative
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }
    public required string WorkItemCode { get; set; }
    public required string Text { get; set; }
}

public enum RuleOperator
{
    LessOrEqual = 0,
    Less = 1,
    GreaterOrEqual = 2,
    Greater = 3,
    Equal = 4,
    NotEqual = 5,
}

/// <summary>
/// 校验规则: left operator right, checked on every upload. A side is an indicator code (this
/// quarter's value), <c>prev:</c> and a code (last accepted quarter's value), or a number.
/// </summary>
public class ValidationRule
{
    public required string Code { get; set; }
    public required string Left { get; set; }
    public RuleOperator Operator { get; set; }
    public required string Right { get; set; }
    public required string Message { get; set; }
    public bool Enabled { get; set; } = true;
}

/// <summary>A quarter's completeness frozen by the quarter-close job after the deadline.</summary>
public class CompletenessSnapshot
{
    public Period Period { get; set; }
    public int Expected { get; set; }
    public int Submitted { get; set; }
    public int Accepted { get; set; }
    public int OnTime { get; set; }
    public int Late { get; set; }
    public int Missing { get; set; }
    public DateTimeOffset FrozenAt { get; set; }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> e)
    {
        e.Property(x => x.IndicatorCode).HasMaxLength(64);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.HasIndex(x => new { x.Period, x.IndicatorCode, x.DistrictCode }).IsUnique();
    }
}

internal sealed class RosterEntryConfiguration : IEntityTypeConfiguration<RosterEntry>
{
    public void Configure(EntityTypeBuilder<RosterEntry> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Key).HasMaxLength(200);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Status).HasMaxLength(32);
        e.Property(x => x.Category).HasMaxLength(64);
        e.Property(x => x.StableId).HasMaxLength(40);
        e.HasIndex(x => new { x.Period, x.Kind, x.DistrictCode });
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        // The reason (≤ 1000) plus the 「区内审核退回：」 prefix.
        e.Property(x => x.ReturnReason).HasMaxLength(1010);
        e.Property(x => x.AcceptedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.Period, x.DistrictCode }).IsUnique();
    }
}

internal sealed class SubmissionVersionConfiguration : IEntityTypeConfiguration<SubmissionVersion>
{
    public void Configure(EntityTypeBuilder<SubmissionVersion> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        // Numbers are unique among versions; refused attempts all carry 0. (Double quotes: SQLite, PostgreSQL and SQL Server alike.)
        e.HasIndex(x => new { x.Period, x.DistrictCode, x.No }).IsUnique().HasFilter("\"No\" > 0");
        e.HasIndex(x => x.Sha256);
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> e)
    {
        e.Property(x => x.By).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(1000);
        e.HasIndex(x => x.SubmissionId);
    }
}

internal sealed class DistrictExemptionConfiguration : IEntityTypeConfiguration<DistrictExemption>
{
    public void Configure(EntityTypeBuilder<DistrictExemption> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.HasIndex(x => new { x.Period, x.DistrictCode }).IsUnique();
    }
}

internal sealed class DistrictNarrativeConfiguration : IEntityTypeConfiguration<DistrictNarrative>
{
    public void Configure(EntityTypeBuilder<DistrictNarrative> e)
    {
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.Property(x => x.WorkItemCode).HasMaxLength(32);
        e.Property(x => x.Text).HasMaxLength(2000);
        e.HasIndex(x => new { x.Period, x.DistrictCode, x.WorkItemCode }).IsUnique();
    }
}

internal sealed class ValidationRuleConfiguration : IEntityTypeConfiguration<ValidationRule>
{
    public void Configure(EntityTypeBuilder<ValidationRule> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Left).HasMaxLength(100);
        e.Property(x => x.Right).HasMaxLength(100);
        e.Property(x => x.Message).HasMaxLength(500);
    }
}

internal sealed class CompletenessSnapshotConfiguration : IEntityTypeConfiguration<CompletenessSnapshot>
{
    public void Configure(EntityTypeBuilder<CompletenessSnapshot> e) => e.HasKey(x => x.Period);
}

/// <summary>
/// What a numbered version stands at now, as the district's history shows it: the submission's own status for its
/// current version, 待确认 for the latest one still awaiting the uploader's confirmation, and for an earlier one what
/// became of it (退回, or never confirmed) and which version replaced it.
/// </summary>
public static class VersionStatus
{
    /// <param name="next">The number of the version after this one, if any.</param>
    /// <param name="wasReturned">Whether the office returned the submission while this version was current.</param>
    public static string Of(long versionId, UploadOutcome outcome, Submission? submission, int? next, bool wasReturned)
    {
        if (submission?.CurrentVersionId == versionId)
            return submission.Status switch
            {
                SubmissionStatus.Accepted => "已确认", SubmissionStatus.Returned => "已退回",
                SubmissionStatus.AwaitingDistrictReview => "待区内审核", _ => "已提交，待审核",
            };
        if (next is not { } n) return outcome == UploadOutcome.NeedsConfirmation ? "待确认（请核实提示后确认或重新上传）" : "已提交";
        return (wasReturned ? "已退回，" : outcome == UploadOutcome.NeedsConfirmation ? "未确认，" : "") + $"已被第 {n} 版取代";
    }

    /// <summary>How a version is named: a rejected upload takes no number (it is an attempt, not a version).</summary>
    public static string Label(int no) => no > 0 ? $"第 {no} 版" : "未通过检查的上传";
}
