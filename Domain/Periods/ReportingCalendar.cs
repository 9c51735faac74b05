namespace GzBioPlan.Domain.Periods;

/// <summary>When each quarter's reporting is due: the one place every page, job and rule asks.</summary>
public sealed class ReportingCalendar(int deadlineDays = ReportingCalendar.DefaultDeadlineDays)
{
    public const int DefaultDeadlineDays = 15;

    /// <summary>Days after the quarter's end a submission counts as on time.</summary>
    public int DeadlineDays { get; } = deadlineDays;

    /// <summary>填报截止日: the last day a submission for the quarter is on time.</summary>
    public DateOnly Deadline(Period period) => period.End.AddDays(DeadlineDays);

    /// <summary>The deadline day ends at midnight Beijing time.</summary>
    public DateTimeOffset DeadlineEnd(Period period) => BeijingTime.StartOf(Deadline(period).AddDays(1));
}
