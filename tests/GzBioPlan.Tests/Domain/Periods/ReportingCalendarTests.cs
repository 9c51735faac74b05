using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Tests.Domain.Periods;

public class ReportingCalendarTests
{
    private static readonly ReportingCalendar Calendar = new();

    [Theory]
    [InlineData("2024-10-01", false)] // 国庆节
    [InlineData("2024-10-12", true)]  // Saturday worked (调休)
    [InlineData("2024-10-13", false)] // an ordinary Sunday
    [InlineData("2025-01-26", true)]  // Sunday before 春节, worked
    [InlineData("2026-02-16", false)] // 春节 on a Monday
    [InlineData("2026-10-09", true)]  // an ordinary Friday
    public void Working_days_follow_the_holiday_table(string day, bool working) =>
        Assert.Equal(working, Calendar.Days.IsWorkingDay(DateOnly.Parse(day)));

    [Theory]
    [InlineData(15, DeadlineCount.CalendarDays, "2024Q4", "2025-01-15")]
    [InlineData(15, DeadlineCount.CalendarDays, "2026Q3", "2026-10-15")]
    [InlineData(15, DeadlineCount.CalendarDays, "2027Q4", "2028-01-17")] // the 15th is a Saturday
    [InlineData(3, DeadlineCount.CalendarDays, "2024Q3", "2024-10-08")]  // 3 October is in the 国庆 holiday
    [InlineData(10, DeadlineCount.WorkingDays, "2024Q3", "2024-10-18")]  // 8–11, Saturday 12 (worked), 14–18
    [InlineData(5, DeadlineCount.WorkingDays, "2025Q4", "2026-01-08")]   // 1–3 January off, Sunday 4 worked, 5–8
    public void A_deadline_never_falls_on_a_day_off(int days, DeadlineCount counts, string period, string deadline) =>
        Assert.Equal(DateOnly.Parse(deadline), new ReportingCalendar(days, counts).Deadline(Period.Parse(period)));

    [Theory]
    [InlineData("2026-10-15", false, "2026Q2")] // deadline day: 2026Q3 still being reported
    [InlineData("2026-10-15", true, "2026Q3")]  // every district accepted: done early
    [InlineData("2026-10-16", false, "2026Q3")] // the deadline has passed
    [InlineData("2026-12-31", false, "2026Q3")]
    [InlineData("2027-01-01", false, "2026Q3")] // 2026Q4 has just ended: it is being reported now
    public void The_last_quarter_whose_reporting_is_done(string today, bool allAccepted, string expected)
    {
        Assert.Equal(Period.Parse(expected), Calendar.LastDone(DateOnly.Parse(today), allAccepted));
        Assert.Equal(Period.Parse(expected).Next, Calendar.BeingReported(DateOnly.Parse(today), allAccepted));
    }

    [Fact]
    public void An_edited_table_moves_the_deadline()
    {
        var calendar = new ReportingCalendar();
        Assert.Equal(new DateOnly(2027, 1, 15), calendar.Deadline(Period.Parse("2026Q4")));
        calendar.Use([.. HolidaySeed.Days, new CalendarDay { Date = new(2027, 1, 15), Kind = DayKind.Holiday, Name = "测试" }]);
        Assert.Equal(new DateOnly(2027, 1, 18), calendar.Deadline(Period.Parse("2026Q4")));
    }
}
