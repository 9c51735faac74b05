namespace GzBioPlan.Dashboard.Units;

/// <summary>A municipal unit's page and its export.</summary>
public static class UnitsFeature
{
    public static IHostApplicationBuilder AddUnits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UnitDetailsQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapUnits(this IEndpointRouteBuilder app)
    {
        app.MapUnitExport();
        return app;
    }
}
