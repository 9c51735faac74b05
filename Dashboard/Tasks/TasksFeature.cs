namespace GzBioPlan.Dashboard.Tasks;

/// <summary>A task or measure's page and its export.</summary>
public static class TasksFeature
{
    public static IHostApplicationBuilder AddTasks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TaskDetailsQuery>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder app)
    {
        app.MapTaskExport();
        return app;
    }
}
