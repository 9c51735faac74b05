using GzBioPlan.Dashboard.PageCache;
using System.Globalization;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Submissions;
using GzBioPlan.Dashboard.Laggards;
using GzBioPlan.Dashboard.Supervision;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzBioPlan.Dashboard.Briefing;

/// <summary>The briefing's sheets, and the targets they were built from (the print page charts those behind).</summary>
public sealed record BriefingContent(Sheet[] Sheets, IReadOnlyList<TargetStatus> Targets);

/// <summary>
/// 调度会简报: the coordination meeting's content, built once as sheets, so the workbook and the print
/// page cannot disagree: headline targets, task lights, laggards, open supervision items, completeness.
/// </summary>
public sealed class BriefingQuery(PlanProgressQuery progress, LaggardQuery laggards, SupervisionService supervision, CompletenessQuery completeness,
    AppDbContext db, ReportingCalendar calendar, TimeProvider clock)
{
    public async Task<BriefingContent> BuildAsync(Period period, System.Security.Claims.ClaimsPrincipal reader, CancellationToken ct)
    {
        var plan = await progress.RunAsync(period, ct);
        var review = await laggards.RunAsync(period, ct);
        var open = await supervision.LedgerAsync(reader, null, openOnly: true, ct);
        var districts = await completeness.DistrictsAsync(period, ct);
        var figures = completeness.Count(period, districts);
        var flagship = await Flagship.FlagshipQueries.BriefingSheetAsync(db, BeijingTime.Today(clock), calendar.Days, ct);
        return new(
        [
            CockpitExports.TargetsSheet(period, plan.Targets) with { Name = "一、目标" },
            CockpitExports.TasksSheet(period, plan.WorkItems) with { Name = "二、任务" },
            LaggardEndpoints.Sheets(review)[0] with { Name = "三、滞后事项" },
            new Sheet("四、督办事项", $"未销号督办事项（截至{period.Label}调度会）", ["编号", "事项", "承办单位 / 区", "办理期限", "状态", "期限提示", "最近一步"],
                open.Select(l => new object?[]
                {
                    l.Item.Id, l.Item.Title, l.Addressee, l.Item.DueDate, l.Item.Status.Label(),
                    SupervisionEndpoints.DueLabel(l.Due), l.Steps.LastOrDefault() is { } s ? $"{s.Action.Label()}（{l.Who(s.By)}，{s.At.InBeijing():yyyy-MM-dd}）" : null,
                }).ToList()),
            new Sheet("五、报送情况", $"{period.Label}各区报送：完整率 {Rate(figures.CompletenessRate)}，及时率 {Rate(figures.TimelinessRate)}（应报 {figures.Expected}，已报 {figures.Submitted}，已确认 {figures.Accepted}）",
                ["区", "状态", "当前版本", "首次提交", "及时性"],
                districts.Select(d => new object?[]
                {
                    d.DistrictName, CompletenessQuery.Label(d.Status), d.Version, d.FirstSubmittedAt,
                    CompletenessQuery.Label(d.Timeliness),
                }).ToList()),
            .. flagship is null ? Array.Empty<Sheet>() : [flagship],
        ], plan.Targets);
    }

    private static string Rate(decimal? r) => r is { } v ? $"{v:0.#}%" : "—";
}

public static class BriefingEndpoints
{
    public static IEndpointRouteBuilder MapBriefingEndpoints(this IEndpointRouteBuilder app)
    {
        // The same workbook for the page's button and for the API (README lists it).
        foreach (var route in new[] { "/export/briefing.xlsx", "/api/v1/briefing" })
        {
            app.MapGet(route, async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> (string? period, HttpContext http, PeriodResolver periods, BriefingQuery briefing, CancellationToken ct) =>
                    await periods.ResolveAsync(period, ct) is { } p
                        ? CockpitExports.File(http.User, $"调度会简报-{p}.xlsx", (await briefing.BuildAsync(p, http.User, ct)).Sheets)
                        : route.StartsWith("/api") ? ReportsApi.PeriodProblem(period) : TypedResults.NotFound())
                .RequireAuthorization(Policies.CityReaders).CachedByDataVersion(perReader: true);
        }
        app.MapGet("/export/briefing-report.docx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, int? version, HttpContext http, PeriodResolver periods,
                BriefingReportQuery reports, CancellationToken ct) =>
            {
                if (await periods.ResolveAsync(period, ct) is not { } p) return TypedResults.NotFound();
                // Before the office saves a version, the document is the system's draft.
                var report = await reports.VersionAsync(p, version, ct) ?? (version is null ? await reports.DraftAsync(p, http.User, ct) : null);
                return report is null ? TypedResults.NotFound()
                    : TypedResults.File(BriefingReportDocx.Write(report), Docx.ContentType, $"情况通报-{p}{(report.VersionNo > 0 ? $"-第{report.VersionNo}版" : "-草稿")}.docx");
            })
            .RequireAuthorization(Policies.CityReaders);
        return app;
    }
}
