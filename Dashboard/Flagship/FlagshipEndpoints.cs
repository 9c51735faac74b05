using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Flagship;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Flagship;

public sealed record BatchDto(int Year, string CallTitle, string CallNumber, string NoticeTitle, string NoticeNumber, DateOnly ApplicantDeadline,
    DateOnly DistrictDeadline, DateOnly ProvinceDeadline, int Quota, bool Closed, IReadOnlyList<string> Fields, IReadOnlyList<string> Kinds);

public sealed record ApplicationDto(long Id, int Batch, string Applicant, string Uscc, string District, string ProductName, string Field, string Kind,
    string State, int Version, DateTimeOffset? SubmittedAt, int? RecommendRank);

/// <summary>The flagship collection's form posts (each redirects back with its outcome), 附件2's workbook and the read API.</summary>
public static class FlagshipEndpoints
{
    public static IEndpointRouteBuilder MapFlagshipEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/flagship").RequireAuthorization();

        group.MapPost("/applicants/{id:long}/registration", async (long id, [FromForm] string? decision, [FromForm] string? reason, HttpContext http,
            ApplicantAccounts accounts, PageNotice notice, CancellationToken ct) =>
        {
            var approve = decision == "approve";
            var problem = await accounts.ReviewAsync(id, approve, reason, http.User, ct);
            return TypedResults.Redirect(notice.Append("/flagship/applicants", problem ?? (approve ? "已通过注册，对方现在可以登录申请。" : "已不通过注册，理由已告知对方。")));
        }).RequireAntiforgeryToken();

        group.MapPost("/applications/new", async ([FromForm] int year, HttpContext http, FlagshipService service, PageNotice notice, CancellationToken ct) =>
        {
            var (id, problem) = await service.CreateAsync(year, http.User, ct);
            return TypedResults.Redirect(id is { } i ? $"/flagship/applications/{i}" : notice.Append("/flagship/applications", problem!));
        }).RequireAntiforgeryToken();

        group.MapPost("/applications/{id:long}/save", async (long id, HttpContext http, FlagshipService service, PageNotice notice, CancellationToken ct) =>
        {
            var posted = await http.Request.ReadFormAsync(ct);
            var page = $"/flagship/applications/{id}";
            var (form, tooLong) = FormBinding.Read(posted);
            if (tooLong is not null) return TypedResults.Redirect(notice.Append(page, tooLong));
            var revision = int.TryParse(posted["revision"], out var r) ? r : -1;
            if (await service.SaveAsync(id, revision, form, http.User, ct) is { } refused) return TypedResults.Redirect(notice.Append(page, refused));
            if (posted["intent"] != "submit") return TypedResults.Redirect(notice.Append(page, $"草稿已保存（{service.Today:M月d日}）。"));
            var problems = await service.SubmitAsync(id, posted["declare"] == "on", http.User, ct);
            return TypedResults.Redirect(problems is { Count: 0 }
                ? notice.Append(page, "已提交，等待所在区工信部门初审。提交后不能修改，退回后可修改再提交。")
                : notice.Append(page + "?check=submit", $"内容已保存，但未能提交：有 {problems!.Count} 处需要补充或修改，见下方清单。"));
        }).RequireAntiforgeryToken();

        group.MapPost("/applications/{id:long}/review", async (long id, HttpContext http, FlagshipService service, PageNotice notice, CancellationToken ct) =>
        {
            var posted = await http.Request.ReadFormAsync(ct);
            var reasons = new Dictionary<string, string>();
            for (var i = 0; i < 20; i++)
            {
                if (posted[$"reason.{i}.field"].ToString() is { Length: > 0 } key && posted[$"reason.{i}.text"].ToString() is { Length: > 0 } text)
                    reasons[key] = reasons.TryGetValue(key, out var earlier) ? earlier + "；" + text : text;
            }
            var decision = new ReviewDecision(posted["decision"] == "pass", posted["opinion"], reasons, [.. posted["check"].Select(c => c ?? "")]);
            var problem = await service.ReviewAsync(id, decision, http.User, ct);
            return TypedResults.Redirect(notice.Append($"/flagship/applications/{id}", problem ?? (decision.Pass ? "已通过并写入审核意见。" : "已退回申报单位修改。")));
        }).RequireAntiforgeryToken();

        group.MapPost("/applications/{id:long}/score", async (long id, HttpContext http, FlagshipService service, PageNotice notice, AppDbContext db, CancellationToken ct) =>
        {
            var posted = await http.Request.ReadFormAsync(ct);
            var names = posted["criterion"].Select(c => c ?? "").ToList();
            var scores = names.Distinct().ToDictionary(n => n, n => ApplicationRules.Number(posted[$"score.{n}"]));
            var problem = await service.ScoreAsync(id, posted["expert"], scores, http.User, ct);
            return TypedResults.Redirect(notice.Append($"/flagship/applications/{id}#scores", problem ?? "已记录专家评分。"));
        }).RequireAntiforgeryToken();

        group.MapPost("/applications/{id:long}/outcome", async (long id, HttpContext http, FlagshipService service, PageNotice notice, ReportingCalendar calendar, CancellationToken ct) =>
        {
            var posted = await http.Request.ReadFormAsync(ct);
            var step = Enum.TryParse<OutcomeStep>(posted["step"], out var s) ? s : (OutcomeStep?)null;
            var problem = await service.RecordOutcomeAsync(id, step, ApplicationRules.Date(posted["on"]), posted["note"], posted["fixedName"], calendar.Days, http.User, ct);
            return TypedResults.Redirect(notice.Append($"/flagship/applications/{id}#outcome", problem ?? "已登记结果。"));
        }).RequireAntiforgeryToken();

        group.MapPost("/batches/{year:int}/recommendation", async (int year, HttpContext http, FlagshipService service, PageNotice notice, CancellationToken ct) =>
        {
            var posted = await http.Request.ReadFormAsync(ct);
            var rows = posted["id"].Select(v => long.TryParse(v, out var i) ? i : 0).Where(i => i > 0).Distinct().Select(i => new RecommendationRow(i,
                int.TryParse(posted[$"rank.{i}"], out var rank) ? rank : null, posted[$"reason.{i}"], posted[$"contact.{i}"], posted[$"phone.{i}"])).ToList();
            var problem = await service.RecommendAsync(year, rows, http.User, ct);
            return TypedResults.Redirect(notice.Append($"/flagship/batches/{year}/recommend", problem ?? "推荐名单已保存。"));
        }).RequireAntiforgeryToken();

        group.MapPost("/batches/save", async (HttpContext http, BatchEditing editing, PageNotice notice, CancellationToken ct) =>
        {
            var input = BatchInput.Read(await http.Request.ReadFormAsync(ct));
            var creating = http.Request.Form["creating"] == "1";
            var problem = await editing.SaveAsync(input, creating, http.User, ct);
            var page = creating && problem is not null ? "/flagship/batches" : $"/flagship/batches/{input.Year}";
            return TypedResults.Redirect(notice.Append(page, problem ?? (creating ? $"已开启 {input.Year} 年征集批次。" : "已保存。")));
        }).RequireAntiforgeryToken();

        group.MapPost("/batches/{year:int}/close", async (int year, HttpContext http, BatchEditing editing, PageNotice notice, CancellationToken ct) =>
            TypedResults.Redirect(notice.Append($"/flagship/batches/{year}", await editing.CloseAsync(year, http.User, ct) ?? $"{year} 年征集批次已关闭，此后只读。")))
            .RequireAntiforgeryToken();

        group.MapGet("/applications/{id:long}/form.docx", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (long id, HttpContext http,
            AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await ApplicationView.LoadAsync(db, id, ct) is not { } view) return TypedResults.NotFound();
            if (!http.User.MayRead(view.App.ApplicantId, view.App.DistrictCode)) return TypedResults.Forbid();
            var bytes = FlagshipDocx.Write(view.Batch, view.App.Form, view.StampLine(clock.GetUtcNow()), view.App.DistrictOpinion, view.App.CityOpinion);
            return TypedResults.File(bytes, Shared.Docx.ContentType, $"{view.Batch.FormTitle}-{view.Applicant}-{view.App.Id}.docx");
        });

        // The blank form is part of the public notice.
        app.MapGet("/flagship/batches/{year:int}/blank-form.docx", async Task<Results<FileContentHttpResult, NotFound>> (int year, AppDbContext db, CancellationToken ct) =>
            await db.FlagshipBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Year == year, ct) is { } batch
                ? TypedResults.File(FlagshipDocx.Write(batch, new ApplicationForm(), null, null, null), Shared.Docx.ContentType, $"{batch.FormTitle}（空白）.docx")
                : TypedResults.NotFound()).AllowAnonymous();

        group.MapGet("/library.xlsx", async Task<Results<FileContentHttpResult, ForbidHttpResult>> (int? year, string? field, string? kind, string? district, string? outcome,
            HttpContext http, AppDbContext db, CancellationToken ct) =>
            !http.User.SeesCity() && !http.User.IsInRole(Domain.Accounts.Roles.District) ? TypedResults.Forbid() : TypedResults.File(FlagshipExports.Library(await FlagshipQueries.LibraryAsync(db, http.User, new LibraryFilter(year, field, kind, district, outcome), ct), http.User.DisplayName()),
                Xlsx.ContentType, "生物制造标志性产品库.xlsx"));

        group.MapGet("/batches/{year:int}/recommended.zip", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (int year, HttpContext http,
            AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!http.User.SeesCity()) return TypedResults.Forbid();
            if (await FlagshipQueries.SummaryAsync(db, year, ct) is not { } summary) return TypedResults.NotFound();
            var files = new List<FlagshipExports.PackedFile> { new($"附件2-{summary.Batch.SummaryTitle}.xlsx", FlagshipExports.Summary(summary, http.User.DisplayName())) };
            foreach (var row in summary.Rows)
            {
                var view = (await ApplicationView.LoadAsync(db, row.Id, ct))!;
                var folder = FlagshipExports.PathPart($"{row.RecommendRank}-{row.Applicant}-{row.ProductName}");
                files.Add(new($"{folder}/申请表-第{view.App.Version}版.docx",
                    FlagshipDocx.Write(view.Batch, view.App.Form, view.StampLine(clock.GetUtcNow()), view.App.DistrictOpinion, view.App.CityOpinion)));
                var attached = await db.Attachments.AsNoTracking().Where(a => a.Owner == FlagshipAttachments.Owner && a.OwnerId == row.Id).OrderBy(a => a.Id).ToListAsync(ct);
                // Only the stamped scan of the version recommended goes; stale ones stay behind.
                foreach (var a in attached.Where(a => a.Slot != FormFields.StampedScan || a.OwnerVersion == view.App.Version))
                    files.Add(new($"{folder}/{FlagshipExports.PathPart(FormFields.LabelOf(a.Slot) == a.Slot ? "盖章扫描件" : FormFields.LabelOf(a.Slot))}-{FlagshipExports.PathPart(a.FileName)}", a.Content));
            }
            return TypedResults.File(FlagshipExports.Package(files), "application/zip", $"{summary.Batch.Year}年生物制造标志性产品推荐材料.zip");
        });

        group.MapGet("/batches/{year:int}/summary.xlsx", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (int year, HttpContext http,
            AppDbContext db, CancellationToken ct) =>
        {
            if (!http.User.SeesCity()) return TypedResults.Forbid();
            if (await FlagshipQueries.SummaryAsync(db, year, ct) is not { } summary) return TypedResults.NotFound();
            return TypedResults.File(FlagshipExports.Summary(summary, http.User.DisplayName()), Xlsx.ContentType, $"{summary.Batch.SummaryTitle}.xlsx");
        });

        // The call's documents are public, as the notice page that links them.
        app.MapGet("/flagship/batches/{year:int}/file/{id:long}", async Task<Results<FileContentHttpResult, NotFound>> (int year, long id, AppDbContext db, CancellationToken ct) =>
        {
            var file = await (from a in db.Attachments.AsNoTracking()
                              join b in db.FlagshipBatches on a.OwnerId equals b.Id
                              where a.Id == id && a.Owner == FlagshipBatchFiles.Owner && b.Year == year
                              select new { a.FileName, a.Kind, a.Content }).FirstOrDefaultAsync(ct);
            return file is null ? TypedResults.NotFound() : TypedResults.File(file.Content, Domain.Attachments.FileKinds.ContentType(file.Kind), file.FileName);
        }).AllowAnonymous();

        app.MapGet("/api/v1/flagship/batches", async Task<Ok<List<BatchDto>>> (AppDbContext db, CancellationToken ct) =>
            TypedResults.Ok((await db.FlagshipBatches.AsNoTracking().OrderByDescending(b => b.Year).ToListAsync(ct)).Select(b => new BatchDto(b.Year, b.CallTitle,
                b.CallNumber, b.NoticeTitle, b.NoticeNumber, b.ApplicantDeadline, b.DistrictDeadline, b.ProvinceDeadline, b.Quota, b.IsClosed, b.Fields, b.Kinds)).ToList()))
            .RequireAuthorization();

        app.MapGet("/api/v1/flagship/applications", async Task<Results<Ok<List<ApplicationDto>>, NotFound>> (int? batch, HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            var b = batch is { } y ? await db.FlagshipBatches.AsNoTracking().FirstOrDefaultAsync(x => x.Year == y, ct) : null;
            if (batch is not null && b is null) return TypedResults.NotFound();
            var rows = await FlagshipQueries.ListAsync(db, http.User, b?.Id, null, ct);
            return TypedResults.Ok(rows.Select(r => new ApplicationDto(r.Id, r.Year, r.Applicant, r.Uscc, r.District, r.ProductName, r.Field, r.Kind,
                r.State.Label(), r.Version, r.SubmittedAt, r.RecommendRank)).ToList());
        }).RequireAuthorization();
        return app;
    }
}
