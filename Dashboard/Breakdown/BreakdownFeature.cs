namespace GzBioPlan.Dashboard.Breakdown;

/// <summary>任务分解: editing, import, export and API.</summary>
public static class BreakdownFeature
{
    public static IHostApplicationBuilder AddBreakdown(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<BreakdownEditing>();
        builder.Services.AddScoped<BreakdownPageQuery>();
        builder.Services.AddScoped<BreakdownImporting>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBreakdown(this IEndpointRouteBuilder app)
    {
        app.MapBreakdownEndpoints();
        return app;
    }
}
