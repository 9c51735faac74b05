using GzBioPlan.Dashboard.Submissions;
using System.Text.Json.Serialization;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Breakdown;

public sealed record MilestoneDto(long Id, string Title, string Due, string OriginalDue, int TimesCarried, decimal? Weight,
    decimal Completion, decimal Expected, bool Overdue);

public sealed record SubItemDto(long Id, string WorkItemCode, int Part, string Title,
    [property: JsonConverter(typeof(JsonStringEnumConverter<PartyKind>))] PartyKind OwnerKind, string OwnerCode, string Owner,
    string? IndicatorCode, decimal? IndicatorTarget, decimal? Weight, string Start, decimal? Progress, decimal? Expected,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Light>))] Light Light, IReadOnlyList<MilestoneDto> Milestones);

/// <summary>The office's breakdown edits (form posts), the breakdown workbook and its read API (README lists it).</summary>
public static class BreakdownEndpoints
{
    public static IEndpointRouteBuilder MapBreakdownEndpoints(this IEndpointRouteBuilder app)
    {
        var office = app.MapGroup("/breakdown").RequireAuthorization(Policies.Office).RequireAntiforgeryToken();

        office.MapPost("/{code}/subitems", async Task<Results<RedirectHttpResult, NotFound>> (string code, [FromForm] int? part, [FromForm] string? title,
            [FromForm] string? owner, [FromForm] string? indicator, [FromForm] string? target, [FromForm] string? weight, [FromForm] string? start,
            [FromForm] string? period, HttpContext http, AppDbContext db, BreakdownEditing editing, CancellationToken ct) =>
        {
            if (!await db.WorkItems.AnyAsync(w => w.Code == code, ct)) return TypedResults.NotFound();
            var (_, error) = await editing.AddSubItemAsync(code, new SubItemForm(part ?? 1, title, owner, indicator, target, weight, start), http.User.Identity!.Name!, ct);
            return Back(code, period, error, "added", "add");
        });

        office.MapPost("/subitems/{id:long}", async ([FromRoute] long id, [FromForm] int? part, [FromForm] string? title, [FromForm] string? owner,
            [FromForm] string? indicator, [FromForm] string? target, [FromForm] string? weight, [FromForm] string? start,
            [FromForm] string? item, [FromForm] string? period, HttpContext http, BreakdownEditing editing, CancellationToken ct) =>
            Back(item, period, await editing.EditSubItemAsync(id, new SubItemForm(part ?? 1, title, owner, indicator, target, weight, start), http.User.Identity!.Name!, ct),
                "saved", $"s{id}"));

        office.MapPost("/subitems/{id:long}/retire", async ([FromRoute] long id, [FromForm] string? item, [FromForm] string? period,
            HttpContext http, BreakdownEditing editing, CancellationToken ct) =>
            Back(item, period, await editing.RetireSubItemAsync(id, http.User.Identity!.Name!, ct), "retired", "history"));

        office.MapPost("/subitems/{id:long}/milestones", async ([FromRoute] long id, [FromForm] string? title, [FromForm] string? due, [FromForm] string? weight,
            [FromForm] string? item, [FromForm] string? period, HttpContext http, BreakdownEditing editing, CancellationToken ct) =>
            Back(item, period, await editing.AddMilestoneAsync(id, new MilestoneForm(title, due, weight), http.User.Identity!.Name!, ct), "added", $"s{id}"));

        office.MapPost("/milestones/{id:long}", async ([FromRoute] long id, [FromForm] string? title, [FromForm] string? due, [FromForm] string? weight,
            [FromForm] string? item, [FromForm] string? period, HttpContext http, BreakdownEditing editing, CancellationToken ct) =>
            Back(item, period, await editing.EditMilestoneAsync(id, new MilestoneForm(title, due, weight), http.User.Identity!.Name!, ct), "saved", $"m{id}"));

        office.MapPost("/milestones/{id:long}/retire", async ([FromRoute] long id, [FromForm] string? item, [FromForm] string? period,
            HttpContext http, BreakdownEditing editing, CancellationToken ct) =>
            Back(item, period, await editing.RetireMilestoneAsync(id, http.User.Identity!.Name!, ct), "retired", "history"));

        office.MapPost("/carry", async ([FromForm] string? item, [FromForm] string? period, HttpContext http, BreakdownEditing editing,
            BreakdownQuery query, CancellationToken ct) =>
        {
            var scope = string.IsNullOrEmpty(item) ? null : item;
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return Back(scope, null, "period", "", "");
            var (carried, error) = await editing.CarryAsync(p, scope, query, http.User.Identity!.Name!, ct);
            return Back(scope, period, error, $"carried-{carried}", "");
        });

        office.MapPost("/import", async Task<RedirectHttpResult> (IFormFile? file, HttpContext http, BreakdownImporting importing, CancellationToken ct) =>
        {
            if (file is null) return TypedResults.Redirect("/breakdown?error=no-file#import");
            var result = await importing.ImportAsync(file.FileName, await SubmissionEndpoints.ReadAsync(file, ct), http.User.Identity!.Name!, ct);
            return TypedResults.Redirect($"/breakdown/imports/{result.Id}");
        });

        app.MapGet("/breakdown/imports/{id:long}/file", async Task<Results<FileContentHttpResult, NotFound>> (long id, AppDbContext db, CancellationToken ct) =>
            await db.BreakdownImports.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.FileName, i.Content }).FirstOrDefaultAsync(ct) is { Content.Length: > 0 } f
                ? TypedResults.File(f.Content, Xlsx.ContentType, f.FileName)
                : TypedResults.NotFound())
            .RequireAuthorization(Policies.Office);

        var readers = app.MapGroup("").RequireAuthorization(Policies.CityReaders);

        readers.MapGet("/export/breakdown.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (string? period, string? item,
            HttpContext http, PeriodResolver periods, BreakdownPageQuery query, CancellationToken ct) =>
            await periods.ResolveAsync(period, ct) is { } p && await query.RunAsync(p, item, ct) is { } view
                ? CockpitExports.File(http.User, $"任务分解-{(item is null ? "" : item + "-")}{p}.xlsx", Sheets(view))
                : TypedResults.NotFound());

        readers.MapGet("/api/v1/breakdown", async Task<Results<Ok<List<SubItemDto>>, NotFound>> (string? period, string? item,
            PeriodResolver periods, BreakdownQuery query, AppDbContext db, CancellationToken ct) =>
        {
            if (await periods.ResolveAsync(period, ct) is not { } p) return TypedResults.NotFound();
            if (item is not null && !await db.WorkItems.AnyAsync(w => w.Code == item, ct)) return TypedResults.NotFound();
            return TypedResults.Ok((await query.RunAsync(p, item, ct)).Select(s => new SubItemDto(s.Id, s.WorkItemCode, s.PartNo, s.Title, s.OwnerKind, s.OwnerCode,
                s.OwnerName, s.IndicatorCode, s.IndicatorTarget, s.Weight, s.Start.ToString(), s.Progress, s.Expected, s.Light,
                s.Milestones.Select(m => new MilestoneDto(m.Id, m.Title, m.Due.ToString(), m.OriginalDue.ToString(), m.TimesCarried, m.Weight,
                    m.Completion, m.Expected, m.Overdue)).ToList())).ToList());
        });
        return app;
    }

    /// <summary>Back to the page the form was on, saying what happened; item codes come from the form, so they are escaped.</summary>
    private static RedirectHttpResult Back(string? item, string? period, string? error, string done, string anchor)
    {
        var path = string.IsNullOrEmpty(item) ? "/breakdown" : $"/breakdown/{Uri.EscapeDataString(item)}";
        var query = $"?period={Uri.EscapeDataString(period ?? "")}" + (error is null ? $"&done={done}" : $"&error={error}");
        return TypedResults.Redirect(path + query + (error is null && anchor.Length > 0 ? "#" + anchor : ""));
    }

    /// <summary>Sub-items owned by one unit or district, as on its page.</summary>
    public static Sheet SubItemsSheet(IReadOnlyList<SubItemState> items, IReadOnlyDictionary<string, string> titles, string title) =>
        new("分解任务", title, ["任务", "分解任务", "权重", "节点完成", "完成时限", "进展（%）", "序时进度（%）", "状态"],
            items.Select(s => new object?[]
            {
                titles.GetValueOrDefault(s.WorkItemCode, s.WorkItemCode), s.Title, s.Weight, $"{s.Milestones.Count(m => m.Done)}/{s.Milestones.Count}",
                s.Due?.Label, s.Progress, s.Expected, s.Light.Word(),
            }).ToList());

    /// <summary>The breakdown workbook: editable columns hold what stands now (so an unchanged re-import changes nothing); figures are at the quarter.</summary>
    public static Sheet[] Sheets(BreakdownView v) =>
    [
        new(BreakdownSheet.Name, $"任务分解表（{v.Period.Label}）：修改前 {BreakdownSheet.Editable} 列后可在「任务分解」页面导入；编号留空为新增",
            BreakdownSheet.Headers,
            v.Items.SelectMany(w => w.SubItems.SelectMany(s => (s.State.Milestones.Count == 0 ? [null] : s.State.Milestones.Cast<MilestoneState?>()).Select(m => new object?[]
            {
                w.Status.Code, w.Title, s.State.Id, s.State.Title, s.State.PartNo, s.State.OwnerName, s.Indicator, s.State.IndicatorTarget, s.State.Weight, s.State.Start.Label,
                m?.Id, m?.Title, m?.DueNow.Label, m?.Weight,
                m?.OriginalDue.Label, m?.TimesCarriedNow, m is { Known: true } ? m.Completion : null, m?.Expected, m is null ? null : m.Overdue ? "是" : "否",
                s.State.Progress, s.State.Expected, s.State.Light.Word(),
            }))).ToList()),
        new("变更记录", "任务分解变更记录", ["时间", "任务", "操作", "内容", "操作人"],
            v.History.Select(h => new object?[] { h.At, h.WorkItemCode, h.Action.Label(), h.Summary, h.By }).ToList()),
    ];
}
