using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Ingest.Jobs;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GzBioPlan.Dashboard.Admin;

/// <summary>What the audit page and its export are asked for: a range of Beijing days, part of an actor's name, one action.</summary>
public sealed record AuditFilter(DateOnly From, DateOnly To, string? Actor, string? Action)
{
    public string Query => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&actor={Uri.EscapeDataString(Actor ?? "")}&action={Uri.EscapeDataString(Action ?? "")}";

    /// <summary>The filter from the URL: unreadable dates fall back to the last 30 days, an unknown action to all.</summary>
    public static AuditFilter Parse(string? from, string? to, string? actor, string? action, DateOnly today)
    {
        var end = DateOnly.TryParseExact(to, "yyyy-MM-dd", out var t) ? t : today;
        var start = DateOnly.TryParseExact(from, "yyyy-MM-dd", out var f) && f <= end ? f : end.AddDays(-30);
        return new AuditFilter(start, end, string.IsNullOrWhiteSpace(actor) ? null : actor.Trim()[..Math.Min(actor.Trim().Length, 100)],
            action is not null && AuditActions.Labels.ContainsKey(action) ? action : null);
    }
}

/// <summary>审计日志: the page's and the export's one query, and the retention rule.</summary>
public sealed class AuditLog(AppDbContext db, IConfiguration configuration)
{
    /// <summary>等保 2.0 asks that audit records be kept at least six months; a shorter setting is raised to this.</summary>
    public const int MinRetentionDays = 183;

    public const int PageRows = 500;

    public const int ExportRows = 100_000;

    public int RetentionDays => Math.Max(configuration.GetValue("Audit:RetentionDays", 400), MinRetentionDays);

    public async Task<(List<AuditEntry> Rows, int Total)> FindAsync(AuditFilter filter, int take, CancellationToken ct)
    {
        var from = BeijingTime.StartOf(filter.From).UtcDateTime;
        var to = BeijingTime.StartOf(filter.To.AddDays(1)).UtcDateTime;
        var query = db.AuditEntries.AsNoTracking().Where(e => e.At >= from && e.At < to);
        if (filter.Actor is { } actor) query = query.Where(e => e.Actor.Contains(actor));
        if (filter.Action is { } action) query = query.Where(e => e.Action == action);
        return (await query.OrderByDescending(e => e.Id).Take(take).ToListAsync(ct), await query.CountAsync(ct));
    }

    public static object?[] Cells(AuditEntry e) =>
        [Utc(e.At).InBeijing().DateTime, e.Actor, AuditActions.Label(e.Action), e.Target, e.Detail, e.Address];

    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public static readonly string[] Headers = ["时间（北京时间）", "操作人", "操作", "对象", "说明", "来源地址"];
}

/// <summary>Deletes audit records older than the retention period, every night.</summary>
[DisallowConcurrentExecution]
public sealed class AuditRetentionJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditRetentionJob> logger) : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("audit-retention");

    public override string Name => Key.Name;

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var days = services.GetRequiredService<AuditLog>().RetentionDays;
        var before = Clock.GetUtcNow().AddDays(-days).UtcDateTime;
        var deleted = await services.GetRequiredService<AppDbContext>().AuditEntries.Where(e => e.At < before).ExecuteDeleteAsync(ct);
        return $"删除 {days} 天前的审计记录 {deleted} 条。";
    }
}

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/audit.xlsx", async (string? from, string? to, string? actor, string? action, HttpContext http, AuditLog log, TimeProvider clock, CancellationToken ct) =>
        {
            var filter = AuditFilter.Parse(from, to, actor, action, BeijingTime.Today(clock));
            var (rows, total) = await log.FindAsync(filter, AuditLog.ExportRows, ct);
            var title = $"审计日志 {filter.From:yyyy-MM-dd} 至 {filter.To:yyyy-MM-dd}（{total} 条{(total > rows.Count ? $"，导出最近 {rows.Count} 条" : "")}）";
            return TypedResults.File(Xlsx.Write(http.User.DisplayName(), new Sheet("审计日志", title, AuditLog.Headers, rows.Select(AuditLog.Cells).ToList())), Xlsx.ContentType,
                $"审计日志-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.xlsx");
        }).RequireAuthorization(p => p.RequireRole(Roles.Admin));
        return app;
    }
}
