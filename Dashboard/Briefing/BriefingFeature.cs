namespace GzBioPlan.Dashboard.Briefing;

/// <summary>调度会简报: the briefing page, workbook and API.</summary>
public static class BriefingFeature
{
    public static IHostApplicationBuilder AddBriefing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<BriefingQuery>();
        builder.Services.AddScoped<BriefingReportQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBriefing(this IEndpointRouteBuilder app)
    {
        app.MapBriefingEndpoints();
        return app;
    }
}
