using GzBioPlan.Domain.Periods;
using System.Text.Json.Serialization;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GzBioPlan.Dashboard.Supervision;

public sealed record StepDto([property: JsonConverter(typeof(JsonStringEnumConverter<SupervisionAction>))] SupervisionAction Action, string By, DateTimeOffset At, string? Note);

public sealed record SupervisionDto(long Id, string Title, string Requirement, string Addressee, string AddresseeCode, DateOnly DueDate,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SupervisionStatus>))] SupervisionStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DueState>))] DueState Due, IReadOnlyList<StepDto> Steps,
    [property: JsonConverter(typeof(JsonStringEnumConverter<SupervisionLevel>))] SupervisionLevel Level, IReadOnlyList<string> CoHandlers);

/// <summary>督办's form posts, the ledger export and the read API (README lists it).</summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/supervision/{id:long}/step", async ([FromRoute] long id, [FromForm] SupervisionAction? action, [FromForm] string? note,
            HttpContext http, SupervisionService service, CancellationToken ct) =>
        {
            var error = action is { } a ? await service.StepAsync(id, a, note, http.User, ct) : "not-allowed";
            return TypedResults.Redirect($"/supervision/{id}{(error is null ? "" : "?error=" + error)}");
        }).RequireAuthorization().RequireAntiforgeryToken();

        app.MapGet("/export/supervision.xlsx", async (string? status, HttpContext http, SupervisionService service, CancellationToken ct) =>
            CockpitExports.File(http.User, "督办台账.xlsx", Ledger(await service.LedgerAsync(http.User, null, status == "open", ct))))
            .RequireAuthorization();

        app.MapGet("/api/v1/supervision", async Task<Ok<List<SupervisionDto>>> (string? status, HttpContext http, SupervisionService service, CancellationToken ct) =>
            TypedResults.Ok((await service.LedgerAsync(http.User, null, status == "open", ct)).Select(l => new SupervisionDto(
                l.Item.Id, l.Item.Title, l.Item.Requirement, l.Addressee, l.Item.AddresseeCode, l.Item.DueDate, l.Item.Status, l.Due,
                l.Steps.Select(s => new StepDto(s.Action, s.By, s.At, s.Note)).ToList(), l.Item.Level, l.Item.CoHandlers)).ToList()))
            .RequireAuthorization();
        return app;
    }

    /// <summary>The ledger: one row per step, so every step's time and author is in the workbook.</summary>
    public static Sheet Ledger(IReadOnlyList<LedgerItem> items) => new("督办台账", "督办事项台账",
        ["编号", "级别", "事项", "承办单位 / 区", "协办", "办理期限", "状态", "期限", "步骤", "时间", "操作人", "说明"],
        items.SelectMany(l => l.Steps.Select(s => new object?[]
        {
            l.Item.Id, l.Item.Level.Label(), l.Item.Title, l.Addressee, string.Join("、", l.CoHandlers), l.Item.DueDate, l.Item.Status.Label(),
            l.Item.Status == SupervisionStatus.Closed ? null : DueLabel(l.Due), s.Action.Label(),
            s.At, l.Who(s.By), s.Note,
        })).ToList()) { KeyColumns = 3 };

    /// <summary>The 台账's words for an open item's light, as the page shows them.</summary>
    public static string DueLabel(DueState d) => d switch { DueState.NearDue => "临近期限", DueState.Overdue => "已逾期", _ => "按期" };
}
