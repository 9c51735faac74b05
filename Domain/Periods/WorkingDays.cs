using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GzBioPlan.Domain.Periods;

/// <summary>休 (a public holiday on a weekday) or 班 (a weekend day worked to make up for one, 调休).</summary>
public enum DayKind
{
    Holiday = 0,
    Workday = 1,
}

public static class DayKindLabels
{
    public static string Label(this DayKind kind) => kind == DayKind.Holiday ? "休" : "班";
}

/// <summary>节假日安排: one day that is not what its weekday says, as the State Council's notice for the year sets it.</summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }

    public DayKind Kind { get; set; }

    /// <summary>The holiday it belongs to (春节, 国庆节…).</summary>
    public required string Name { get; set; }
}

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> e)
    {
        e.HasKey(x => x.Date);
        e.Property(x => x.Name).HasMaxLength(20);
    }
}

/// <summary>
/// Which days are working days: Monday to Friday, except the holidays of the table, plus its make-up working
/// days. Plain rules over an immutable copy of the table.
/// </summary>
public sealed class WorkingDays(IEnumerable<CalendarDay> exceptions)
{
    private readonly Dictionary<DateOnly, DayKind> exceptions = exceptions.ToDictionary(d => d.Date, d => d.Kind);

    public static readonly WorkingDays Weekdays = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        exceptions.TryGetValue(day, out var kind) ? kind == DayKind.Workday : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day itself when it is a working day, else the first working day after it.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>How many working days come after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int CountAfter(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1)) if (IsWorkingDay(d)) n++;
        return n;
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (not counting the day itself).</summary>
    public DateOnly After(DateOnly day, int count)
    {
        for (var i = 0; i < count; i++) day = OnOrAfter(day.AddDays(1));
        return day;
    }
}

/// <summary>
/// The holidays and make-up working days of 2024–2027 as first seeded. 2024–2026 follow the State Council's notices
/// (国办发明电〔2023〕7号, 〔2024〕12号 and the notice for 2026); the notice for 2027 had not been issued when this was
/// written, so 2027 holds the statutory holidays only (元旦, 春节 除夕 to 初三, 清明, 劳动节 two days, 端午, 中秋, 国庆
/// three days) without the bridging and make-up days: the admin completes it on 「节假日」 once the notice is out.
/// </summary>
public static class HolidaySeed
{
    public static IReadOnlyList<CalendarDay> Days { get; } = Build();

    private static List<CalendarDay> Build()
    {
        var days = new List<CalendarDay>();
        void Off(string name, string from, string to)
        {
            for (var d = DateOnly.Parse(from); d <= DateOnly.Parse(to); d = d.AddDays(1))
                days.Add(new CalendarDay { Date = d, Kind = DayKind.Holiday, Name = name });
        }
        void On(string name, params string[] dates) =>
            days.AddRange(dates.Select(d => new CalendarDay { Date = DateOnly.Parse(d), Kind = DayKind.Workday, Name = name }));

        Off("元旦", "2024-01-01", "2024-01-01");
        Off("春节", "2024-02-10", "2024-02-17"); On("春节", "2024-02-04", "2024-02-18");
        Off("清明节", "2024-04-04", "2024-04-06"); On("清明节", "2024-04-07");
        Off("劳动节", "2024-05-01", "2024-05-05"); On("劳动节", "2024-04-28", "2024-05-11");
        Off("端午节", "2024-06-10", "2024-06-10");
        Off("中秋节", "2024-09-15", "2024-09-17"); On("中秋节", "2024-09-14");
        Off("国庆节", "2024-10-01", "2024-10-07"); On("国庆节", "2024-09-29", "2024-10-12");

        Off("元旦", "2025-01-01", "2025-01-01");
        Off("春节", "2025-01-28", "2025-02-04"); On("春节", "2025-01-26", "2025-02-08");
        Off("清明节", "2025-04-04", "2025-04-06");
        Off("劳动节", "2025-05-01", "2025-05-05"); On("劳动节", "2025-04-27");
        Off("端午节", "2025-05-31", "2025-06-02");
        Off("国庆节、中秋节", "2025-10-01", "2025-10-08"); On("国庆节、中秋节", "2025-09-28", "2025-10-11");

        Off("元旦", "2026-01-01", "2026-01-03"); On("元旦", "2026-01-04");
        Off("春节", "2026-02-15", "2026-02-23"); On("春节", "2026-02-14", "2026-02-28");
        Off("清明节", "2026-04-04", "2026-04-06");
        Off("劳动节", "2026-05-01", "2026-05-05"); On("劳动节", "2026-05-09");
        Off("端午节", "2026-06-19", "2026-06-21");
        Off("中秋节", "2026-09-25", "2026-09-27");
        Off("国庆节", "2026-10-01", "2026-10-07"); On("国庆节", "2026-09-20", "2026-10-10");

        Off("元旦", "2027-01-01", "2027-01-01");
        Off("春节", "2027-02-05", "2027-02-08");
        Off("清明节", "2027-04-05", "2027-04-05");
        Off("劳动节", "2027-05-01", "2027-05-02");
        Off("端午节", "2027-06-09", "2027-06-09");
        Off("中秋节", "2027-09-15", "2027-09-15");
        Off("国庆节", "2027-10-01", "2027-10-03");
        return days;
    }
}
