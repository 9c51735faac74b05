using System.Globalization;

namespace GzBioPlan.Domain.Periods;

/// <summary>
/// Times are stored in UTC and shown, exported and reasoned about (today, deadlines, schedules) in Beijing time,
/// whatever time zone the server runs in.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>For schedules (Quartz cron triggers).</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTimeOffset InBeijing(this DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The time as a person reads it, <c>2026-10-13 10:00</c> by default.</summary>
    public static string Show(this DateTimeOffset at, string format = "yyyy-MM-dd HH:mm") => at.ToOffset(Offset).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The calendar day in Beijing at that moment.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>Midnight Beijing time at the start of the day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
