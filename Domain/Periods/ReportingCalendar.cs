namespace GzBioPlan.Domain.Periods;

/// <summary>How the days to a deadline are counted: every day (then moved off a holiday), or working days only.</summary>
public enum DeadlineCount
{
    CalendarDays = 0,
    WorkingDays = 1,
}

/// <summary>
/// When each quarter's reporting is due and which quarter is being reported: the one place every page, job and rule
/// asks. A deadline is <see cref="DeadlineDays"/> days after the quarter's end, counted as configured, and never falls
/// on a day off (the holiday table: 法定节假日 and 调休, edited by the admin).
/// </summary>
public sealed class ReportingCalendar(int deadlineDays = ReportingCalendar.DefaultDeadlineDays, DeadlineCount counts = DeadlineCount.CalendarDays)
{
    public const int DefaultDeadlineDays = 15;

    // Replaced whole when the table changes, so readers never see half an edit.
    private volatile WorkingDays days = new(HolidaySeed.Days);

    /// <summary>Days after the quarter's end a submission counts as on time.</summary>
    public int DeadlineDays { get; } = deadlineDays;

    public DeadlineCount Counts { get; } = counts;

    public WorkingDays Days => days;

    /// <summary>Uses a new copy of the holiday table (after an admin's edit, or as read from the database).</summary>
    public void Use(IEnumerable<CalendarDay> table) => days = new WorkingDays(table);

    /// <summary>填报截止日: the last day a submission for the quarter is on time; a working day.</summary>
    public DateOnly Deadline(Period period) => Counts == DeadlineCount.WorkingDays
        ? days.After(period.End, DeadlineDays)
        : days.OnOrAfter(period.End.AddDays(DeadlineDays));

    /// <summary>The deadline day ends at midnight Beijing time.</summary>
    public DateTimeOffset DeadlineEnd(Period period) => BeijingTime.StartOf(Deadline(period).AddDays(1));

    /// <summary>
    /// The last quarter whose reporting is done on <paramref name="today"/>: the quarter that ended last, once its
    /// deadline has passed or every district expected has been accepted; until then the one before it.
    /// </summary>
    public Period LastDone(DateOnly today, bool lastFinishedAllAccepted)
    {
        var finished = Period.LastFinished(today);
        return lastFinishedAllAccepted || today > Deadline(finished) ? finished : finished.Previous;
    }

    /// <summary>The quarter now being reported: the first whose reporting is not done.</summary>
    public Period BeingReported(DateOnly today, bool lastFinishedAllAccepted) => LastDone(today, lastFinishedAllAccepted).Next;
}
