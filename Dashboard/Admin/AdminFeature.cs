namespace GzBioPlan.Dashboard.Admin;

/// <summary>Account administration and the jobs page.</summary>
public static class AdminFeature
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapUserAdmin();
        return app;
    }
}
