namespace GzBioPlan.Dashboard.Laggards;

/// <summary>每季度调度: the laggard review, its export and API.</summary>
public static class LaggardsFeature
{
    public static IHostApplicationBuilder AddLaggards(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<LaggardQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLaggards(this IEndpointRouteBuilder app)
    {
        app.MapLaggardEndpoints();
        return app;
    }
}
