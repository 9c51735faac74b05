using System.Diagnostics;
using Serilog;
using Serilog.Events;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>Serilog to console and rolling files, configured from the <c>Serilog</c> section, and our request log.</summary>
public static class Observability
{
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithMachineName()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .WriteTo.Async(a => a.File(
                Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logging:Folder"] ?? "logs", "gzbioplan-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"))
            .ReadFrom.Configuration(builder.Configuration)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        return builder;
    }

    /// <summary>One line per request with method, path, status and elapsed time (Serilog.AspNetCore is not available here).</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("GzBioPlan.Requests");
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var level = context.Response.StatusCode >= 500 ? LogLevel.Error : LogLevel.Information;
            logger.Log(level, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (ref {ReferenceId}, user {UserName})",
                context.Request.Method, context.Request.Path.Value, context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.TraceIdentifier, context.User.Identity?.Name ?? "-");
        }
    });
}
