using GzBioPlan.Domain.Accounts;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Ingest.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Submissions;

/// <summary>
/// 季度填报's form posts and downloads: template, upload, confirm, the marked workbook, and the
/// coordination office's accept / return / unlock / exempt. Each post redirects back to a page.
/// </summary>
public static class SubmissionEndpoints
{
    public static IEndpointRouteBuilder MapSubmissionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/reporting").RequireAuthorization();

        group.MapGet("/template", Template);

        group.MapPost("/upload", async Task<Results<RedirectHttpResult, ForbidHttpResult>> (string? period, IFormFile? file, HttpContext http,
            IngestService ingest, CancellationToken ct) =>
        {
            var district = http.User.District();
            if (district is null || !http.User.MayUploadFor(district)) return TypedResults.Forbid();
            if (!Period.TryParse(period, out var p) || !p.IsInPlan) return TypedResults.Redirect("/reporting?error=period");
            if (file is null) return TypedResults.Redirect($"/reporting?period={p}&error=nofile");
            if (file.Length == 0) return TypedResults.Redirect($"/reporting?period={p}&error=empty");
            var result = await ingest.UploadAsync(new UploadRequest(district, p, file.FileName, await ReadAsync(file, ct), http.User.Identity!.Name!, UploadChannel.Web), ct);
            return TypedResults.Redirect($"/reporting/versions/{result.VersionId}{(result.Duplicate ? "?duplicate=1" : "")}");
        }).RequireAntiforgeryToken();

        // 网页填报's 「下载为工作簿」: what was entered, as the template filled in, without submitting it.
        group.MapPost("/entry/workbook", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (string? period, HttpContext http,
            TemplateQuery query, IngestOptions options, CancellationToken ct) =>
        {
            if (http.User.District() is not { } district || !http.User.MayUploadFor(district)) return TypedResults.Forbid();
            if (!Period.TryParse(period, out var p) || await query.LoadAsync(district, p, ct) is not { } data) return TypedResults.NotFound();
            var entry = EntryForm.Read(await http.Request.ReadFormAsync(ct), data, options.MaxRosterRows);
            return TypedResults.File(TemplateWriter.Write(data, entry), Xlsx.ContentType, EntryForm.FileName(data));
        }).WithFormOptions(valueCountLimit: EntryForm.MaxValues).RequireAntiforgeryToken();

        group.MapGet("/versions/{id:long}/file", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (long id, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var v = await db.SubmissionVersions.AsNoTracking().Where(v => v.Id == id).Select(v => new { v.DistrictCode, v.FileName, v.Content }).FirstOrDefaultAsync(ct);
            if (v is null || v.Content.Length == 0) return TypedResults.NotFound();
            if (!http.User.MaySeeDistrict(v.DistrictCode)) return TypedResults.Forbid();
            return TypedResults.File(v.Content, Xlsx.ContentType, v.FileName);
        });

        group.MapGet("/versions/{id:long}/marked.xlsx", MarkedAsync);

        group.MapPost("/versions/{id:long}/confirm", async Task<Results<RedirectHttpResult, ForbidHttpResult>> (long id, HttpContext http, IngestService ingest, CancellationToken ct) =>
        {
            if (http.User.District() is not { } district) return TypedResults.Forbid();
            try
            {
                await ingest.ConfirmAsync(id, district, http.User.Identity!.Name!, ct);
                return TypedResults.Redirect($"/reporting/versions/{id}");
            }
            catch (SubmissionStateException ex)
            {
                return TypedResults.Redirect($"/reporting/versions/{id}?error={ex.Code}");
            }
        }).RequireAntiforgeryToken();

        group.MapPost("/accept", async Task<RedirectHttpResult> ([FromForm] string? period, [FromForm] long[]? id, HttpContext http, IngestService ingest,
            AppDbContext db, AuditTrail audit, PageNotice notice, CancellationToken ct) =>
        {
            var back = $"/reporting/review{(Period.TryParse(period, out var p) ? $"?period={p}" : "")}";
            if (id is not { Length: > 0 }) return TypedResults.Redirect(notice.Append(back, "请先勾选要确认的区。"));
            var names = await db.Submissions.AsNoTracking().Where(s => id.Contains(s.Id)).Join(db.Districts, s => s.DistrictCode, d => d.Code, (s, d) => new { s.Id, d.Name })
                .ToDictionaryAsync(x => x.Id, x => x.Name, ct);
            List<string> accepted = [], refused = [];
            foreach (var one in id.Distinct().Where(names.ContainsKey))
            {
                try
                {
                    await ingest.AcceptAsync(one, http.User.Identity!.Name!, ct);
                    await audit.RecordAsync(AuditActions.SubmissionAccepted, $"报送 {one}", "批量确认", ct);
                    accepted.Add(names[one]);
                }
                catch (SubmissionStateException ex)
                {
                    refused.Add($"{names[one]}（{ex.Message}）");
                }
            }
            return TypedResults.Redirect(notice.Append(back, (accepted.Count > 0 ? $"已确认{string.Join("、", accepted)}，数据已计入驾驶舱并锁定。" : "")
                + (refused.Count > 0 ? $"未能确认：{string.Join("；", refused)}" : "")));
        }).RequireAuthorization(Policies.Office).RequireAntiforgeryToken();

        // 区内审核: a second account of the same district approves or returns; the service refuses the uploader.
        group.MapPost("/submissions/{id:long}/district-approve", (long id, [FromForm] string? period, HttpContext http, IngestService ingest, AuditTrail audit, PageNotice notice, CancellationToken ct) =>
            DistrictStep(http, period, notice, district => ingest.DistrictApproveAsync(id, district, http.User.Identity!.Name!, ct),
                () => audit.RecordAsync(AuditActions.DistrictApproved, $"报送 {id}", null, ct), "区内审核已通过，报表已报送协调办。")).RequireAntiforgeryToken();
        group.MapPost("/submissions/{id:long}/district-return", (long id, [FromForm] string? period, [FromForm] string? reason, HttpContext http, IngestService ingest,
                AuditTrail audit, PageNotice notice, CancellationToken ct) =>
            DistrictStep(http, period, notice, district => ingest.DistrictReturnAsync(id, district, reason ?? "", http.User.Identity!.Name!, ct),
                () => audit.RecordAsync(AuditActions.DistrictReturned, $"报送 {id}", reason, ct), "已退回上传人修改，协调办看不到这一版。")).RequireAntiforgeryToken();

        group.MapPost("/district-review", async Task<RedirectHttpResult> ([FromForm] string? district, [FromForm] bool required, [FromForm] string? period,
            AppDbContext db, AuditTrail audit, PageNotice notice, CancellationToken ct) =>
        {
            var back = $"/reporting/review{(Period.TryParse(period, out var p) ? $"?period={p}" : "")}";
            var row = await db.Districts.FirstOrDefaultAsync(d => d.Code == district, ct);
            if (row is null) return TypedResults.Redirect(notice.Append(back, "找不到该区，请从列表中选择。"));
            if (row.RequiresDistrictReview != required)
            {
                row.RequiresDistrictReview = required;
                await audit.RecordAsync(AuditActions.DistrictReviewSet, row.Code, required ? "需要区内审核" : "不需要区内审核", ct);
            }
            return TypedResults.Redirect(notice.Append(back, required
                ? $"{row.Name}今后的上传须经本区另一账号审核后才报送协调办。"
                : $"{row.Name}今后的上传直接报送协调办；已在等待区内审核的版本仍须区内审核。"));
        }).RequireAuthorization(Policies.Office).RequireAntiforgeryToken();

        var review = group.MapGroup("/submissions/{id:long}").RequireAuthorization(Policies.Office);
        review.MapPost("/accept", (long id, HttpContext http, IngestService ingest, AuditTrail audit, CancellationToken ct) =>
            Step(id, () => ingest.AcceptAsync(id, http.User.Identity!.Name!, ct), () => audit.RecordAsync(AuditActions.SubmissionAccepted, $"报送 {id}", null, ct))).RequireAntiforgeryToken();
        review.MapPost("/return", (long id, [FromForm] string? reason, HttpContext http, IngestService ingest, AuditTrail audit, CancellationToken ct) =>
            Step(id, () => ingest.ReturnAsync(id, reason ?? "", http.User.Identity!.Name!, ct), () => audit.RecordAsync(AuditActions.SubmissionReturned, $"报送 {id}", reason, ct))).RequireAntiforgeryToken();
        review.MapPost("/unlock", (long id, [FromForm] string? reason, HttpContext http, IngestService ingest, AuditTrail audit, CancellationToken ct) =>
            Step(id, () => ingest.UnlockAsync(id, reason ?? "", http.User.Identity!.Name!, ct), () => audit.RecordAsync(AuditActions.SubmissionUnlocked, $"报送 {id}", reason, ct))).RequireAntiforgeryToken();

        group.MapPost("/exemptions", async Task<RedirectHttpResult> ([FromForm] string? district, [FromForm] string? period, [FromForm] string? reason,
            AppDbContext db, AuditTrail audit, CancellationToken ct) =>
        {
            if (!Period.TryParse(period, out var p) || !await db.Districts.AnyAsync(d => d.Code == district, ct) || string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
                return TypedResults.Redirect($"/reporting/completeness?period={period}&error=exemption");
            if (!await db.DistrictExemptions.AnyAsync(e => e.DistrictCode == district && e.Period == p, ct))
            {
                db.DistrictExemptions.Add(new DistrictExemption { DistrictCode = district!, Period = p, Reason = reason.Trim() });
                await audit.RecordAsync(AuditActions.Exemption, $"{district} {p}", reason.Trim(), ct);
            }
            return TypedResults.Redirect($"/reporting/completeness?period={p}");
        }).RequireAuthorization(Policies.Office).RequireAntiforgeryToken();
        return app;
    }

    /// <summary>The template for a district and quarter; a district office gets only its own.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> Template(string? district, string? period, HttpContext http,
        TemplateQuery query, CancellationToken ct)
    {
        district ??= http.User.District();
        if (district is null || !Period.TryParse(period, out var p)) return TypedResults.NotFound();
        if (!http.User.MaySeeDistrict(district)) return TypedResults.Forbid();
        if (await query.LoadAsync(district, p, ct) is not { } data) return TypedResults.NotFound();
        return TypedResults.File(TemplateWriter.Write(data), Xlsx.ContentType, $"{data.District.Name}-{p}-季度报表.xlsx");
    }

    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>A review step; only one that happened is audited.</summary>
    private static async Task<RedirectHttpResult> Step(long id, Func<Task> step, Func<Task> audited)
    {
        try
        {
            await step();
            await audited();
            return TypedResults.Redirect($"/reporting/submissions/{id}");
        }
        catch (SubmissionStateException ex)
        {
            return TypedResults.Redirect($"/reporting/submissions/{id}?error={ex.Code}");
        }
    }

    private static async Task<Results<RedirectHttpResult, ForbidHttpResult>> DistrictStep(HttpContext http, string? period, PageNotice notice,
        Func<string, Task> step, Func<Task> audited, string done)
    {
        if (http.User.District() is not { } district || !http.User.MayUploadFor(district)) return TypedResults.Forbid();
        var back = $"/reporting{(Period.TryParse(period, out var p) ? $"?period={p}" : "")}";
        try
        {
            await step(district);
            await audited();
            return TypedResults.Redirect(notice.Append(back, done));
        }
        catch (SubmissionStateException ex)
        {
            return TypedResults.Redirect(notice.Append(back, ex.Message));
        }
    }

    /// <summary>The uploaded workbook with its problems marked (for the page's link and the API's answer alike).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> MarkedAsync(long id, HttpContext http, AppDbContext db, CancellationToken ct)
    {
        var v = await db.SubmissionVersions.AsNoTracking().Where(v => v.Id == id)
            .Select(v => new { v.DistrictCode, v.Period, v.No, v.Content, v.ProblemsJson }).FirstOrDefaultAsync(ct);
        if (v is null) return TypedResults.NotFound();
        if (!http.User.MaySeeDistrict(v.DistrictCode)) return TypedResults.Forbid();
        var problems = IngestService.Problems(v.ProblemsJson);
        return problems.Any(p => p.Cell is not null) && ProblemMarker.Mark(v.Content, problems) is { } marked
            ? TypedResults.File(marked, Xlsx.ContentType, $"{v.DistrictCode}-{v.Period}-{(v.No > 0 ? $"第{v.No}版" : $"上传{id}")}-问题标注.xlsx")
            : TypedResults.NotFound();
    }
}
