namespace GzBioPlan.Dashboard.Districts;

/// <summary>A district's page and its export.</summary>
public static class DistrictsFeature
{
    public static IHostApplicationBuilder AddDistricts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DistrictDetailsQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDistricts(this IEndpointRouteBuilder app)
    {
        app.MapDistrictExport();
        return app;
    }
}
