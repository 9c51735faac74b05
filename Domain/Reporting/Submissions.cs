using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Reporting;

public enum SubmissionStatus
{
    /// <summary>已提交.</summary>
    Submitted = 0,

    /// <summary>已退回: the coordination office sent it back with a reason.</summary>
    Returned = 1,

    /// <summary>已确认: accepted and locked; its figures are in the cockpit.</summary>
    Accepted = 2,
}

/// <summary>季度报送: what one district sent for one period. Created by the first upload that passes validation.</summary>
public class Submission
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }
    public SubmissionStatus Status { get; set; }
    public long CurrentVersionId { get; set; }

    /// <summary>When the district first submitted a valid workbook: what timeliness counts.</summary>
    public DateTimeOffset FirstSubmittedAt { get; set; }

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
}

/// <summary>One upload (a version): the original file with its hash, and what validation found.</summary>
public class SubmissionVersion
{
    public long Id { get; set; }
    public required string DistrictCode { get; set; }
    public Period Period { get; set; }

    /// <summary>1, 2, 3 … per district and period.</summary>
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

/// <summary>An in-app notice for a district or the coordination office (deadline reminders and the like).</summary>
public class Notification
{
    public long Id { get; set; }

    /// <summary>A district code, or null for the coordination office (unless <see cref="UnitCode"/> is set).</summary>
    public string? DistrictCode { get; set; }

    /// <summary>A municipal unit the notice is for.</summary>
    public string? UnitCode { get; set; }

    public required string Kind { get; set; }
    public required string Text { get; set; }
    public Period? Period { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when a webhook accepted it, if one is configured.</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
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

/// <summary>One run of a scheduled job, for the admin's jobs page.</summary>
public class JobRun
{
    public long Id { get; set; }
    public required string Job { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public bool Succeeded { get; set; }
    public required string Summary { get; set; }
}
