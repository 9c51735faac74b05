using GzBioPlan.Dashboard.PageCache;
using GzBioPlan.Dashboard.Accounts;
using System.Security.Claims;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Cockpit;

/// <summary>The cockpit's tables as .xlsx, with the same period, unit filter and sort as the page.</summary>
public static class CockpitExports
{
    public static IEndpointRouteBuilder MapCockpitExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/export").RequireAuthorization(Policies.CityReaders).CachedByDataVersion(perReader: true);

        group.MapGet("/targets.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, HttpContext http, PeriodResolver periods, PlanProgressQuery query, CancellationToken ct) =>
            await periods.ResolveAsync(period, ct) is { } p
                ? File(http.User, $"工作目标-{p}.xlsx", TargetsSheet(p, await query.TargetsAsync(p, ct)))
                : TypedResults.NotFound());

        group.MapGet("/tasks.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, string? unit, HttpContext http, PeriodResolver periods, PlanProgressQuery query, AppDbContext db, CancellationToken ct) =>
        {
            if (await periods.ResolveAsync(period, ct) is not { } p) return TypedResults.NotFound();
            var items = await query.WorkItemsAsync(p, ct);
            if (!string.IsNullOrEmpty(unit))
            {
                if (!await db.Units.AnyAsync(u => u.Code == unit, ct)) return TypedResults.NotFound();
                items = items.Where(w => w.Involves(unit)).ToList();
            }
            return File(http.User, $"任务进展-{p}.xlsx", TasksSheet(p, items));
        });

        group.MapGet("/areas.xlsx", async (HttpContext http, PlanProgressQuery query, CancellationToken ct) =>
            File(http.User, "重点领域.xlsx", AreasSheet(await query.KeyAreasAsync(ct))));

        group.MapGet("/districts.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, string? sort, HttpContext http, PeriodResolver periods, DistrictLeagueQuery query, CancellationToken ct) =>
            await periods.ResolveAsync(period, ct) is { } p
                ? File(http.User, $"各区排名-{p}.xlsx", LeagueSheet(await query.RunAsync(p, sort, ct)))
                : TypedResults.NotFound());
        return app;
    }

    /// <summary>
    /// A drill-down page's workbook at <paramref name="route"/> (with <c>{code}</c>): the page's own query for
    /// the code and period, as sheets; 404 for an unknown code or period; city-wide readers only.
    /// </summary>
    public static RouteHandlerBuilder MapDetailsExport<TQuery, TDetails>(this IEndpointRouteBuilder app, string route,
        Func<TQuery, string, Period, CancellationToken, Task<TDetails?>> run, Func<TDetails, Period, string> fileName, Func<TDetails, Sheet[]> sheets)
        where TQuery : class where TDetails : class =>
        app.MapGet(route, async Task<Results<FileContentHttpResult, NotFound>> (string code, string? period, HttpContext http, PeriodResolver periods, TQuery query, CancellationToken ct) =>
                await periods.ResolveAsync(period, ct) is { } p && await run(query, code, p, ct) is { } details
                    ? File(http.User, fileName(details, p), sheets(details))
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.CityReaders).CachedByDataVersion(perReader: true);

    /// <summary>An export for <paramref name="reader"/>, whose name goes into every sheet's header with 「内部资料」.</summary>
    public static FileContentHttpResult File(ClaimsPrincipal reader, string name, params Sheet[] sheets) =>
        TypedResults.File(Xlsx.Write(reader.DisplayName(), sheets), Xlsx.ContentType, name);

    public static Sheet TargetsSheet(Period p, IReadOnlyList<TargetStatus> targets) => new("工作目标", $"2027年工作目标进展（{p.Label}）",
        ["序号", "目标", "方案原文", "计量单位", "基线", "当前值", "2027年目标", "序时进度（应达）", "差距", "落后百分点", "里程碑完成", "状态", "研判", "研判理由", "商定措施", "2027年第4季度预测", "预测80%区间", "测算可能性"],
        targets.Select(t => new object?[]
        {
            t.No, t.Name, t.Text, t.UnitOfMeasure, t.Baseline, Traced.Of(t.Actual, t.IndicatorCode is { } ind ? Provenance.ProvenanceFeature.Link(ind, p) : null),
            t.TargetValue is { } goal && t.Comparison is { Length: > 0 } sign ? new Xlsx.Shown(goal, sign) : t.TargetValue, t.Expected, t.Gap, t.PointsBehind,
            t.Milestones.Count == 0 ? null : $"{t.MilestonesReached}/{t.Milestones.Count}{(t.Milestones.Any(m => m.Overdue) ? "（有逾期里程碑）" : "")}", t.Light.Word(),
            t.Judgement is { } j ? j.Rating.Label() + (j.Trend is { } trend ? $"（{trend.Label()}）" : "") : null, t.Judgement?.Rationale, t.Judgement?.AgreedActions,
            t.Forecast?.Value, t.Forecast is { TooFew: false } f ? $"{Urls.Format(f.Low)}–{Urls.Format(f.High)}" : null,
            t.Forecast switch { null => null, { TooFew: true } fc => $"数据不足（{fc.Quarters} 个季度）", var fc => fc.Likelihood?.Label() },
        }).ToList());

    public static Sheet TasksSheet(Period p, IReadOnlyList<WorkItemStatus> items) => new("任务进展", $"主要任务和保障措施进展（{p.Label}）",
        ["编号", "类别", "任务 / 措施", "分项", "牵头单位", "配合单位", "进展（%）", "序时进度（%）", "状态"],
        items.SelectMany(w => w.Parts.Select(part => new object?[]
        {
            w.Numbering, w.Kind.Label(), w.Title, w.Parts.Count > 1 ? $"（{part.PartNo}）{part.Summary}" : null,
            Names(part.Leads), Names(part.Supporting), Traced.Of(w.Progress, $"/tasks/{w.Code}?period={p}"), w.Expected, w.Light.Word(),
        })).ToList()) { KeyColumns = 3 };

    public static Sheet AreasSheet(IReadOnlyList<KeyAreaView> areas) => new("重点领域", "重点领域及牵头单位",
        ["序号", "领域", "重点方向", "牵头单位"],
        areas.Select(a => new object?[] { a.No, a.Name, a.Text, Names(a.Leads) }).ToList());

    public static Sheet LeagueSheet(League league) => new("各区排名", $"各区排名（{league.Period.Label}，按{league.Columns.First(c => c.Code == league.SortBy).Name}）",
        ["排名", "较上季", "区", "区划代码", .. league.Columns.Select(c => $"{c.Name}（{c.UnitOfMeasure}）")],
        league.Rows.Select(r => new object?[] { r.Rank, LeagueTable.Change(r.RankChange), r.DistrictName, r.DistrictCode }
            .Concat(league.Columns.Select(c => (object?)r.Values[c.Code])).ToArray()).ToList()) { KeyColumns = 3 };

    public static string Names(IEnumerable<UnitRef> units) => string.Join("、", units.Select(u => u.Name));
}
