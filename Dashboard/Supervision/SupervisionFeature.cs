using GzBioPlan.Ingest.Jobs;

namespace GzBioPlan.Dashboard.Supervision;

/// <summary>督办: items, steps, the ledger, its API and the reminder job.</summary>
public static class SupervisionFeature
{
    public static IHostApplicationBuilder AddSupervision(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SupervisionService>();
        builder.Services.AddScoped<Attachments.IAttachmentOwner, SupervisionAttachments>();
        builder.AddScheduledJob<SupervisionReminderJob>(SupervisionReminderJob.Key, "督办临近提醒和到期催办（每天 8:30）", "supervision-reminders-daily",
            JobsSetup.Daily("0 30 8 * * ?"));
        return builder;
    }

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder app)
    {
        app.MapSupervisionEndpoints();
        return app;
    }
}
