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
            .Enrich.With<ControlCharacterEscaper>()
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
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("Logging:Requests", true) ? app.UseSerilogRequestLogging(o =>
    {
        // The host's own logger; left unset, the middleware would write to Serilog's static (silent) Log.
        o.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
        o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (ref {ReferenceId}, user {UserName})";
        // A static asset's line is at Debug (off unless asked for): the same file for everyone, thousands a second when a
        // room of browsers opens the cockpit, and writing each line would cost a third of the rate they are served at.
        o.GetLevel = (http, _, ex) => ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
            : http.GetEndpoint()?.Metadata.GetMetadata<StaticAsset>() is not null ? LogEventLevel.Debug
            : LogEventLevel.Information;
        o.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            diagnostics.Set("ReferenceId", http.TraceIdentifier);
            diagnostics.Set("UserName", http.User.Identity?.Name ?? "-");
        };
    }) : app;
}

/// <summary>
/// Writes control characters in logged values as escapes (a line break as \n): a user name, file name or path with a
/// line break in it can never start a forged line in the log. Runs before every sink.
/// </summary>
public sealed class ControlCharacterEscaper : Serilog.Core.ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && text.Any(char.IsControl))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Escape(text))));
        }
    }

    public static string Escape(string text)
    {
        var result = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return result.ToString();
    }
}
