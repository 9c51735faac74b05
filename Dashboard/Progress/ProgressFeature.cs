namespace GzBioPlan.Dashboard.Progress;

/// <summary>任务进展: units' and districts' progress reports and the quarter lock.</summary>
public static class ProgressFeature
{
    public static IHostApplicationBuilder AddProgress(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProgressReporting>();
        builder.Services.AddScoped<Attachments.IAttachmentOwner, ProgressAttachments>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProgress(this IEndpointRouteBuilder app)
    {
        app.MapProgressReporting();
        return app;
    }
}
