using Serilog;
using Serilog.Events;

namespace GzBioPlan.Dashboard.Hosting;

/// <summary>Serilog to console and rolling files, configured from the <c>Serilog</c> section, and one line per request.</summary>
public static class Observability
{
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        var file = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logging:Folder"] ?? "logs", "gzbioplan-.log");
        builder.Services.AddSerilog(logger => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithMachineName()
            // Each sink behind its own background writer: a request never waits for the console or the disk, and the
            // file never waits behind a slow console.
            .WriteTo.Async(a => a.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"))
            .WriteTo.Async(a => a.File(file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"))
            .ReadFrom.Configuration(builder.Configuration),
            // The logger belongs to this host, not to Serilog's static Log: several hosts in one process (the tests'
            // factories) must not close each other's sinks when one of them stops.
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>Serilog's request log: method, path, status and time, with the reference id the error page shows and the user.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseSerilogRequestLogging(o =>
    {
        // The host's own logger; left unset, the middleware would write to Serilog's static (silent) Log.
        o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (ref {ReferenceId}, user {UserName})";
        o.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            diagnostics.Set("ReferenceId", http.TraceIdentifier);
            diagnostics.Set("UserName", http.User.Identity?.Name ?? "-");
        };
    });
}
