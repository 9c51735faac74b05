using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Attachments;

/// <summary>
/// Upload, download and removal of 佐证材料 for every feature that registers an <see cref="IAttachmentOwner"/>. Uploads
/// and removals are form posts that go back to the page they came from with the outcome; a download is always a
/// download (never shown inline at our address), named as uploaded.
/// </summary>
public static class AttachmentEndpoints
{
    public static IHostApplicationBuilder AddAttachments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(AttachmentOptions.Section).Get<AttachmentOptions>() ?? new AttachmentOptions());
        builder.Services.AddScoped<AttachmentStore>();
        builder.Services.AddSingleton<PageNotice>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/attachments").RequireAuthorization();

        group.MapPost("/{owner}/{ownerId:long}/{slot}", async Task<Results<RedirectHttpResult, NotFound>> (string owner, long ownerId, string slot,
            [FromForm] string? back, IFormFile? file, HttpContext http, AttachmentStore store, PageNotice notice, CancellationToken ct) =>
        {
            if (store.OwnerNamed(owner) is not { } o) return TypedResults.NotFound();
            var page = Urls.LocalPath(back) ?? "/";
            var refusal = file is null
                ? new AttachmentRefusal("没有选择文件，请选择后再上传。")
                : await store.SaveAsync(o, ownerId, slot, file.FileName, file.OpenReadStream(), file.Length, http.User, ct);
            return TypedResults.Redirect(notice.Append(page, refusal?.Message ?? $"已上传“{AttachmentStore.CleanName(file!.FileName)}”。"));
        }).RequireAntiforgeryToken();

        group.MapPost("/{owner}/file/{id:long}/delete", async Task<Results<RedirectHttpResult, NotFound>> (string owner, long id, [FromForm] string? back,
            HttpContext http, AttachmentStore store, PageNotice notice, CancellationToken ct) =>
        {
            if (store.OwnerNamed(owner) is not { } o) return TypedResults.NotFound();
            var problem = await store.DeleteAsync(o, id, http.User, ct);
            return TypedResults.Redirect(notice.Append(Urls.LocalPath(back) ?? "/", problem ?? "已删除附件。"));
        }).RequireAntiforgeryToken();

        group.MapGet("/{owner}/file/{id:long}", async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> (string owner, long id, HttpContext http,
            AttachmentStore store, AppDbContext db, CancellationToken ct) =>
        {
            if (store.OwnerNamed(owner) is not { } o) return TypedResults.NotFound();
            var file = await db.Attachments.AsNoTracking().Where(a => a.Id == id && a.Owner == owner)
                .Select(a => new { a.OwnerId, a.FileName, a.Kind, a.Content }).FirstOrDefaultAsync(ct);
            if (file is null) return TypedResults.NotFound();
            if (!await o.MayReadAsync(http.User, file.OwnerId, ct)) return TypedResults.Forbid();
            return TypedResults.File(file.Content, file.Kind.ContentType(), file.FileName);
        });
        return app;
    }
}
