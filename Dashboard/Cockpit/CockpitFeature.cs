namespace GzBioPlan.Dashboard.Cockpit;

/// <summary>The cockpit page, its exports and the plan and progress read API.</summary>
public static class CockpitFeature
{
    public static IHostApplicationBuilder AddCockpit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Map.DistrictShapes>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCockpit(this IEndpointRouteBuilder app)
    {
        app.MapCockpitExports();
        app.MapPlanApi();
        return app;
    }
}
