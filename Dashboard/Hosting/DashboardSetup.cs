using GzBioPlan.Domain.Periods;
using GzBioPlan.Dashboard.Shared;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Dashboard.Todo;
using GzBioPlan.Dashboard.PageCache;
using GzBioPlan.Dashboard.Provenance;
using GzBioPlan.Dashboard.Submissions;
using GzBioPlan.Dashboard.Components;
using GzBioPlan.Dashboard.Admin;
using GzBioPlan.Dashboard.Attachments;
using GzBioPlan.Dashboard.Flagship;
using GzBioPlan.Dashboard.Breakdown;
using GzBioPlan.Dashboard.Briefing;
using GzBioPlan.Dashboard.Districts;
using GzBioPlan.Dashboard.Laggards;
using GzBioPlan.Dashboard.Progress;
using GzBioPlan.Dashboard.Supervision;
using GzBioPlan.Dashboard.Targets;
using GzBioPlan.Dashboard.Tasks;
using GzBioPlan.Dashboard.Units;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GzBioPlan.Dashboard.Hosting;

public static class DashboardSetup
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        // The machines run in the invariant culture; the interface is zh-CN everywhere, jobs included.
        CultureInfo.DefaultThreadCurrentCulture = Chinese;
        CultureInfo.DefaultThreadCurrentUICulture = Chinese;

        var services = builder.Services;
        // Every page is rendered on the server without a circuit: charts and the map are SVG, so nothing needs one.
        services.AddRazorComponents();
        // A tampered form value (status=Bogus) is a 400 with the Chinese status page, in Development too, not an exception.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // Write Chinese as characters, not &#x…; escapes: pages stay readable and a third smaller.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions());
        services.AddScoped<PeriodResolver>();
        services.AddSingleton<PeriodResolver.Memo>();
        builder.AddPageCache();
        services.AddSingleton<DemoState>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOpenApi(ApiDescription.Document, ApiDescription.Configure);
        services.AddTrustedProxies(builder.Configuration);

        builder.AddCockpit();
        builder.AddTargets();
        builder.AddTasks();
        builder.AddUnits();
        builder.AddDistricts();
        builder.AddSubmissions();
        builder.AddProgress();
        builder.AddBreakdown();
        builder.AddLaggards();
        builder.AddSupervision();
        builder.AddTodo();
        builder.AddProvenance();
        builder.AddBriefing();
        builder.AddAdmin();
        builder.AddAttachments();
        builder.AddFlagship();
        return builder;
    }

    /// <summary>Migrates and seeds. A database a person must fix is reported in one clear line and the host does not start.</summary>
    public static async Task<bool> InitializeAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var today = BeijingTime.Today(sp.GetRequiredService<TimeProvider>());
        try
        {
            await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(sp.GetRequiredService<DemoOptions>(), today, app.Lifetime.ApplicationStopping);
        }
        catch (StartupException ex)
        {
            // The message names the cause and what to do; a stack trace would only hide that line.
            app.Logger.LogCritical("启动失败：{Reason}", ex.Message);
            return false;
        }
        await AccountSeeder.SeedAsync(sp, app.Lifetime.ApplicationStopping);
        sp.GetRequiredService<DemoState>().Present = await DemoData.IsPresentAsync(sp.GetRequiredService<AppDbContext>(), app.Lifetime.ApplicationStopping);
        return true;
    }

    /// <summary>A bare 「请求无效」 page for refusals made before a component can render; <paramref name="body"/> is HTML.</summary>
    internal static string InvalidRequestPage(string body) =>
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求无效</title><link rel=\"stylesheet\" href=\"/app.css\"></head>" +
        $"<body><section class=\"notice\"><h1>请求无效</h1>{body}</section></body></html>";

    private static string ExpiredFormPage(PathString path) =>
        InvalidRequestPage($"<p>{Components.StatusPage.ExpiredForm}请<a href=\"{System.Net.WebUtility.HtmlEncode(path.Value)}\">返回上一页</a>，刷新后重试。</p>");

    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // API callers and probes get bare status codes, not the HTML "not found" page.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz"))
            {
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
            }
            return next(context);
        });
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = [Chinese],
            SupportedUICultures = [Chinese],
        });
        app.UseRequestGuard();
        app.UseRequestLogging();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTemporaryPasswordCheck();
        app.UseAntiforgery();
        app.UseRateLimiter();
        // A page form posted with a missing or stale token gets 400 and a Chinese page saying what to do, instead of
        // the framework's English sentence. (Re-executing the status page would post the form to it again.)
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            {
                await next(context);
                return;
            }
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                && context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(ExpiredFormPage(context.Request.Path), context.RequestAborted);
                return;
            }
            // A form posted from a page that has changed since (the office accepted the quarter while the district was
            // typing, so the page no longer renders that form) gets the framework's English sentence as plain text: say it in Chinese.
            var body = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }
            if (context.Response.StatusCode == StatusCodes.Status400BadRequest && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) != true)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = null;
                await context.Response.WriteAsync(ExpiredFormPage(context.Request.Path), context.RequestAborted);
                return;
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(body, context.RequestAborted);
        });

        app.UsePageCache();

        app.MapStaticAssets().Add(e => e.Metadata.Add(StaticAsset.Marker));
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapApiDescription();
        app.MapCockpit();
        app.MapTargets();
        app.MapTasks();
        app.MapUnits();
        app.MapDistricts();
        app.MapSubmissions();
        app.MapProgress();
        app.MapBreakdown();
        app.MapLaggards();
        app.MapSupervision();
        app.MapTodo();
        app.MapBriefing();
        app.MapAdmin();
        app.MapAttachments();
        app.MapFlagship();
        app.MapRazorComponents<App>();
        return app;
    }
}

/// <summary>Marks the endpoints of <c>MapStaticAssets</c>, which authenticate through <see cref="Anonymous"/>.</summary>
public sealed class StaticAsset
{
    public const string Scheme = "StaticAsset";
    public static readonly StaticAsset Marker = new();

    /// <summary>Nobody: a static asset never needs to know who asks.</summary>
    public sealed class Anonymous(Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions> options,
        ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
        : Microsoft.AspNetCore.Authentication.AuthenticationHandler<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<Microsoft.AspNetCore.Authentication.AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(Microsoft.AspNetCore.Authentication.AuthenticateResult.NoResult());
    }
}

/// <summary>Whether demo data is in the database; it changes only at start-up, so every page can show 「演示数据」 without a query.</summary>
public sealed class DemoState
{
    public bool Present { get; set; }
}

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db, DatabaseLocation location) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"database unreachable: {location.Describe()}");
}
