using System.Text.Json.Serialization;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GzBioPlan.Dashboard.Submissions;

public sealed record ProblemDto(string Severity, string? Sheet, string? Cell, string Code, string? Value, string? Expected, string Message);

public sealed record UploadDto(
    [property: JsonConverter(typeof(JsonStringEnumConverter<UploadOutcome>))] UploadOutcome Status,
    long VersionId, int Version, bool Duplicate, IReadOnlyList<ProblemDto> Problems, string? MarkedWorkbook);

public sealed record ReportRowDto(string District, string DistrictName, bool Expected, string Status, int? Version, DateTimeOffset? SubmittedAt, bool? OnTime);

/// <summary>For districts that push workbooks from their own systems (README lists it). Uploads take a personal access token only.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").RequireAuthorization();
        api.MapGet("/template", SubmissionEndpoints.Template);
        api.MapGet("", ListAsync);
        api.MapGet("/versions/{id:long}/marked.xlsx", SubmissionEndpoints.MarkedAsync);
        // Bearer tokens only: a cookie-carrying browser cannot be tricked into posting here (no antiforgery on this path).
        api.MapPost("", UploadAsync).DisableAntiforgery()
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiTokenHandler.SchemeName, Roles = Domain.Accounts.Roles.District });
        return app;
    }

    public static async Task<Results<Ok<UploadDto>, UnprocessableEntity<UploadDto>, ValidationProblem, ForbidHttpResult>> UploadAsync(
        string? period, HttpContext http, IngestService ingest, CancellationToken ct)
    {
        if (http.User.District() is not { } district) return TypedResults.Forbid();
        if (!Period.TryParse(period, out var p) || !p.IsInPlan) return PeriodProblem(period);
        // Read the form ourselves: a missing or non-multipart body is the client's mistake, told as such, not a 500.
        var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct)).Files["file"] : null;
        if (file is null) return Problem("file", "请以 multipart/form-data 的 file 字段上传 .xlsx 工作簿。");
        var result = await ingest.UploadAsync(new UploadRequest(district, p, file.FileName, await SubmissionEndpoints.ReadAsync(file, ct), http.User.Identity!.Name!, UploadChannel.Api), ct);
        var dto = new UploadDto(result.Outcome, result.VersionId, result.No, result.Duplicate,
            result.Problems.Select(x => new ProblemDto(x.Severity.ToString(), x.Sheet, x.Cell, x.Code, x.Value, x.Expected, x.Message)).ToList(),
            // Where the problems have cells, the uploaded workbook comes back with them marked, at an address the same token reaches.
            result.Problems.Any(x => x.Cell is not null) ? $"{http.Request.Scheme}://{http.Request.Host}/api/v1/reports/versions/{result.VersionId}/marked.xlsx" : null);
        return result.Outcome == UploadOutcome.Rejected ? TypedResults.UnprocessableEntity(dto) : TypedResults.Ok(dto);
    }

    /// <summary>Per district: status, version, submitted at, on time. A district office sees its own row only.</summary>
    public static async Task<Results<Ok<List<ReportRowDto>>, ValidationProblem>> ListAsync(string? period, HttpContext http, CompletenessQuery completeness, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p) || !p.IsInPlan) return PeriodProblem(period);
        var rows = await completeness.DistrictsAsync(p, ct);
        return TypedResults.Ok(rows.Where(r => http.User.MaySeeDistrict(r.DistrictCode))
            .Select(r => new ReportRowDto(r.DistrictCode, r.DistrictName, r.Expected, r.Status?.ToString() ?? "None", r.Version, r.FirstSubmittedAt,
                r.Timeliness switch { Timeliness.OnTime => true, Timeliness.Late => false, _ => null }))
            .ToList());
    }

    public static ValidationProblem PeriodProblem(string? period) =>
        Problem("period", $"报告期“{period}”无效：应写作 2026Q3 这样的形式，范围 2024Q4–2027Q4。");

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "请求参数有误");
}
