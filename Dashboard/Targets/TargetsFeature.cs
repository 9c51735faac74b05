namespace GzBioPlan.Dashboard.Targets;

/// <summary>A target's page, its export and the office's 研判.</summary>
public static class TargetsFeature
{
    public static IHostApplicationBuilder AddTargets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TargetDetailsQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTargets(this IEndpointRouteBuilder app)
    {
        app.MapTargetExport();
        app.MapJudgements();
        return app;
    }
}
