using GzBioPlan.Ingest.Jobs;

namespace GzBioPlan.Dashboard.Admin;

/// <summary>Account administration, the jobs page, the holiday table and the audit log.</summary>
public static class AdminFeature
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>();
        builder.AddScheduledJob<AuditRetentionJob>(AuditRetentionJob.Key, "审计日志清理（每天 2:00）", "audit-retention-daily", JobsSetup.Daily("0 0 2 * * ?"));
        return builder;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapUserAdmin();
        app.MapHolidays();
        app.MapAuditExport();
        return app;
    }
}
