using GzBioPlan.Dashboard.PageCache;
using GzBioPlan.Dashboard.Submissions;
using System.Text.Json.Serialization;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Cockpit;

public sealed record DocumentDto(string DocumentNumber, string Title, string Issuer, DateOnly IssuedOn, int HorizonYear);
public sealed record MilestoneDto(string Title, string Due, string? CompletedIn);
public sealed record TargetDto(string Code, int No, string Name, string Text, string Kind, string? Indicator, string? UnitOfMeasure,
    decimal? Baseline, decimal? TargetValue, string? Comparison, IReadOnlyList<MilestoneDto> Milestones);
public sealed record KeyAreaDto(string Code, int No, string Name, IReadOnlyList<string> LeadUnits);
public sealed record PartDto(int PartNo, string Summary, IReadOnlyList<string> LeadUnits, IReadOnlyList<string> SupportingUnits);
public sealed record WorkItemDto(string Code, string Kind, int No, string Numbering, string Title, IReadOnlyList<PartDto> Parts);
public sealed record NamedDto(string Code, string Name);
public sealed record PlanDto(DocumentDto Document, IReadOnlyList<TargetDto> Targets, IReadOnlyList<KeyAreaDto> KeyAreas,
    IReadOnlyList<WorkItemDto> WorkItems, IReadOnlyList<NamedDto> Units, IReadOnlyList<NamedDto> Districts);

public sealed record TargetProgressDto(string Code, string Name, decimal? Actual, decimal? Expected, decimal? Gap, decimal? PointsBehind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Light>))] Light Light, int? MilestonesReached, int? MilestonesTotal,
    string? Judgement, string? JudgementTrend, ForecastDto? Forecast);
public sealed record WorkItemProgressDto(string Code, string Numbering, string Title, decimal? Progress, decimal Expected,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Light>))] Light Light);
public sealed record ForecastDto(string At, int Quarters, decimal? Value, decimal? Low, decimal? High, string? Likelihood);
/// <summary><c>Provisional</c>: the quarter's reporting is not done, so its figures may still change (<c>ReportingNote</c> says how far it has got).</summary>
public sealed record ProgressDto(string Period, string PeriodLabel, bool Provisional, string? ReportingNote,
    IReadOnlyList<TargetProgressDto> Targets, IReadOnlyList<WorkItemProgressDto> WorkItems);

/// <summary>Read API for integration and checks (README lists it). Cookie-authenticated; anonymous callers get 401.</summary>
public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().CachedByDataVersion();
        api.MapGet("/plan", GetPlanAsync);
        api.MapGet("/progress", GetProgressAsync).RequireAuthorization(Policies.CityReaders);
        return app;
    }

    /// <summary>The plan as encoded from the document: any signed-in user may read it.</summary>
    public static async Task<Ok<PlanDto>> GetPlanAsync(AppDbContext db, PlanProgressQuery query, CancellationToken ct)
    {
        var doc = await db.PlanDocuments.AsNoTracking().SingleAsync(ct);
        var targets = await db.Targets.AsNoTracking().Include(t => t.Milestones).OrderBy(t => t.No).ToListAsync(ct);
        var uom = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.UnitOfMeasure, ct);
        var period = Domain.Periods.Period.Last;
        var items = await query.WorkItemsAsync(period, ct);
        var areas = await query.KeyAreasAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.SortOrder).Select(u => new NamedDto(u.Code, u.Name)).ToListAsync(ct);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new NamedDto(d.Code, d.Name)).ToListAsync(ct);
        return TypedResults.Ok(new PlanDto(
            new DocumentDto(doc.DocumentNumber, doc.Title, doc.Issuer, doc.IssuedOn, doc.HorizonYear),
            targets.Select(t => new TargetDto(t.Code, t.No, t.Name, t.Text, t.Kind.ToString(), t.IndicatorCode,
                t.IndicatorCode is { } code ? uom.GetValueOrDefault(code) : null, t.Baseline, t.TargetValue, t.Comparison,
                t.Milestones.OrderBy(m => m.SortOrder).Select(m => new MilestoneDto(m.Title, m.Due.ToString(), m.CompletedIn?.ToString())).ToList())).ToList(),
            areas.Select(a => new KeyAreaDto(a.Code, a.No, a.Name, a.Leads.Select(u => u.Name).ToList())).ToList(),
            items.Select(w => new WorkItemDto(w.Code, w.Kind.ToString(), w.No, w.Numbering, w.Title,
                w.Parts.Select(p => new PartDto(p.PartNo, p.Summary, p.Leads.Select(u => u.Name).ToList(), p.Supporting.Select(u => u.Name).ToList())).ToList())).ToList(),
            units, districts));
    }

    /// <summary>Targets against trajectory and work items against 序时进度 for one period (default: the last quarter whose reporting is done).</summary>
    public static async Task<Results<Ok<ProgressDto>, ValidationProblem>> GetProgressAsync(string? period, PeriodResolver periods, PlanProgressQuery query, CancellationToken ct)
    {
        if (await periods.ResolveAsync(period, ct) is not { } p) return ReportsApi.PeriodProblem(period);
        var progress = await query.RunAsync(p, ct);
        var state = await periods.StateAsync(p, ct);
        return TypedResults.Ok(new ProgressDto(p.ToString(), p.Label, state.Provisional, state.Note,
            progress.Targets.Select(t => new TargetProgressDto(t.Code, t.Name, t.Actual, t.Expected, t.Gap, t.PointsBehind, t.Light,
                t.Milestones.Count == 0 ? null : t.MilestonesReached, t.Milestones.Count == 0 ? null : t.Milestones.Count,
                t.Judgement?.Rating.ToString(), t.Judgement?.Trend?.ToString(),
                t.Forecast is { } f ? new ForecastDto(f.At.ToString(), f.Quarters, f.Value, f.Low, f.High, f.Likelihood?.ToString()) : null)).ToList(),
            progress.WorkItems.Select(w => new WorkItemProgressDto(w.Code, w.Numbering, w.Title, w.Progress, w.Expected, w.Light)).ToList()));
    }
}
