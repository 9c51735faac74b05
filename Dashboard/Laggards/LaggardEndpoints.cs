using GzBioPlan.Dashboard.PageCache;
using System.Text.Json.Serialization;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Submissions;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzBioPlan.Dashboard.Laggards;

public sealed record LaggardDto(
    [property: JsonConverter(typeof(JsonStringEnumConverter<LaggardKind>))] LaggardKind Kind, string Item, string Responsible, string Gap,
    decimal? PointsBehind, int QuartersBehind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Light>))] Light Light,
    [property: JsonConverter(typeof(JsonStringEnumConverter<LaggardTrend>))] LaggardTrend Trend);

/// <summary>The laggard review as a workbook and as JSON (README lists the API).</summary>
public static class LaggardEndpoints
{
    public static IEndpointRouteBuilder MapLaggardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/export/laggards.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, HttpContext http, PeriodResolver periods, LaggardQuery query,
                DistrictLeagueQuery league, CancellationToken ct) =>
                await periods.ResolveAsync(period, ct) is { } p
                    ? CockpitExports.File(http.User, $"滞后事项-{p}.xlsx", [.. Sheets(await query.RunAsync(p, ct)), CockpitExports.LeagueSheet(await league.RunAsync(p, null, ct))])
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.CityReaders).CachedByDataVersion(perReader: true);

        app.MapGet("/api/v1/laggards", async Task<Results<Ok<List<LaggardDto>>, ValidationProblem>> (string? period, PeriodResolver periods, LaggardQuery query, CancellationToken ct) =>
                await periods.ResolveAsync(period, ct) is { } p
                    ? TypedResults.Ok((await query.RunAsync(p, ct)).Rows.Select(r => new LaggardDto(r.Kind, r.Item, r.Responsible, r.Gap, r.PointsBehind, r.QuartersBehind, r.Light, r.Trend)).ToList())
                    : ReportsApi.PeriodProblem(period))
            .RequireAuthorization(Policies.CityReaders).CachedByDataVersion();
        return app;
    }

    public static Sheet[] Sheets(LaggardReview r) =>
    [
        new("滞后事项", $"每季度调度：滞后事项（{r.Period.Label}）", ["类别", "事项", "责任单位 / 区", "差距", "落后百分点", "滞后季度数", "状态", "较上季"],
            r.Rows.Select(x => new object?[] { x.KindLabel, x.Item, x.Responsible, x.Gap, x.PointsBehind, x.QuartersBehind, x.Light.Word(), x.Trend.Label() }).ToList()),
        new("市直部门排名", $"市直部门排名（{r.Period.Label}）", ["排名", "较上季", "单位", "牵头任务数", "平均超前序时进度（百分点）"],
            r.Units.Select(u => new object?[] { u.Rank, LeagueTable.Change(u.RankChange), u.UnitName, u.Items, u.AverageAhead }).ToList()),
    ];
}
