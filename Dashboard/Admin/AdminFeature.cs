namespace GzBioPlan.Dashboard.Admin;

/// <summary>Account administration, the jobs page and the holiday table.</summary>
public static class AdminFeature
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapUserAdmin();
        app.MapHolidays();
        return app;
    }
}
