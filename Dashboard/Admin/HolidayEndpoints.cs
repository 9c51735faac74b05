using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Admin;

/// <summary>The admin's edits of the holiday table; each takes effect on this node's deadlines at once (other nodes within minutes).</summary>
public static class HolidayEndpoints
{
    public static readonly IReadOnlyDictionary<string, string> Errors = new Dictionary<string, string>
    {
        ["date"] = "请填写 2024 年至 2028 年之间的日期。",
        ["name"] = "请填写节日名称（不超过 20 字）。",
        ["kind"] = "请选择“放假”或“调休上班”。",
    };

    public static IEndpointRouteBuilder MapHolidays(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/admin/holidays").RequireAuthorization(p => p.RequireRole(Domain.Accounts.Roles.Admin));

        group.MapPost("", async ([FromForm] string? date, [FromForm] DayKind? kind, [FromForm] string? name, HttpContext http,
            AppDbContext db, ReportingCalendar calendar, AuditTrail audit, ILogger<CalendarDay> log, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day) || day.Year is < 2024 or > 2028) return TypedResults.Redirect("/admin/holidays?error=date");
            if (kind is not (DayKind.Holiday or DayKind.Workday)) return TypedResults.Redirect($"/admin/holidays?year={day.Year}&error=kind");
            if (name?.Trim() is not { Length: > 0 and <= 20 } title) return TypedResults.Redirect($"/admin/holidays?year={day.Year}&error=name");
            var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == day, ct);
            if (row is null) db.CalendarDays.Add(new CalendarDay { Date = day, Kind = kind.Value, Name = title });
            else (row.Kind, row.Name) = (kind.Value, title);
            await audit.RecordAsync(AuditActions.HolidaysChanged, $"{day:yyyy-MM-dd}", $"{(kind == DayKind.Holiday ? "放假" : "调休上班")}（{title}）", ct);
            await calendar.ReloadAsync(db, ct);
            log.LogInformation("Holiday table: {Date} set to {Kind} ({Name}) by {User}", day, kind, title, http.User.Identity!.Name);
            return TypedResults.Redirect($"/admin/holidays?year={day.Year}&done=added");
        }).RequireAntiforgeryToken();

        group.MapPost("/{date}/delete", async (string date, HttpContext http, AppDbContext db, ReportingCalendar calendar, AuditTrail audit, ILogger<CalendarDay> log, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", out var day)) return TypedResults.Redirect("/admin/holidays?error=date");
            if (await db.CalendarDays.Where(d => d.Date == day).ExecuteDeleteAsync(ct) > 0) await db.BumpDataVersionAsync(ct);
            await audit.RecordAsync(AuditActions.HolidaysChanged, $"{day:yyyy-MM-dd}", "删除安排", ct);
            await calendar.ReloadAsync(db, ct);
            log.LogInformation("Holiday table: {Date} removed by {User}", day, http.User.Identity!.Name);
            return TypedResults.Redirect($"/admin/holidays?year={day.Year}&done=deleted");
        }).RequireAntiforgeryToken();
        return app;
    }
}
