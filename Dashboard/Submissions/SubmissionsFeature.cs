namespace GzBioPlan.Dashboard.Submissions;

/// <summary>季度填报: district uploads, review, completeness and the reports API (the pipeline itself is in Ingest).</summary>
public static class SubmissionsFeature
{
    public static IHostApplicationBuilder AddSubmissions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<RemindNow>();
        builder.Services.AddScoped<Attachments.IAttachmentOwner, SubmissionAttachments>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSubmissions(this IEndpointRouteBuilder app)
    {
        app.MapSubmissionEndpoints();
        app.MapReportsApi();
        app.MapCompleteness();
        return app;
    }
}
