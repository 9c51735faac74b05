namespace GzBioPlan.Ingest.Validation;

public enum Severity
{
    Error = 0,

    /// <summary>Must be confirmed by the uploader (e.g. an outlier against history), not fixed.</summary>
    Warning = 1,
}

/// <summary>One thing wrong in an upload: where (sheet, cell), what was found, what is expected, and what to do, in Chinese.</summary>
public sealed record Problem(Severity Severity, string Code, string? Sheet, string? Cell, string? Value, string? Expected, string Message)
{
    public static Problem File(string code, string message) => new(Severity.Error, code, null, null, null, null, message);
}

/// <summary>Configuration section <c>Ingest</c>: the caps that keep a hostile file from exhausting the server.</summary>
public sealed record IngestOptions
{
    public const string Section = "Ingest";

    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Total uncompressed size of the workbook's parts; a zip bomb is stopped here.</summary>
    public long MaxUncompressedBytes { get; init; } = 100 * 1024 * 1024;

    public int MaxEntries { get; init; } = 1000;

    public int MaxRosterRows { get; init; } = 5000;

    /// <summary>A value this many times last quarter's (or this fraction of it) must be confirmed.</summary>
    public decimal OutlierFactor { get; init; } = 5m;

    /// <summary>Days before the deadline that districts which have not submitted are reminded.</summary>
    public int ReminderDays { get; init; } = 3;

    /// <summary>The shared folder districts drop workbooks into: one sub-folder per district code. Relative to the content root.</summary>
    public string InboxFolder { get; init; } = "data/inbox";

    /// <summary>If set, reminders are also POSTed here as JSON.</summary>
    public string? WebhookUrl { get; init; }
}
