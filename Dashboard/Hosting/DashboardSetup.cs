using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Api;
using GzBioPlan.Dashboard.Components;
using GzBioPlan.Dashboard.Components.Pages.Admin;
using GzBioPlan.Dashboard.Components.Pages.Cockpit;
using GzBioPlan.Dashboard.Components.Pages.Districts;
using GzBioPlan.Dashboard.Components.Pages.Reporting;
using GzBioPlan.Dashboard.Components.Pages.Targets;
using GzBioPlan.Dashboard.Components.Pages.Tasks;
using GzBioPlan.Dashboard.Components.Pages.Units;
using Microsoft.AspNetCore.Diagnostics;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Rules;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Radzen;

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
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Write Chinese as characters, not &#x…; escapes: pages stay readable and a third smaller.
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRadzenComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(builder.Configuration.GetSection(LightThresholds.Section).Get<LightThresholds>() ?? new LightThresholds());
        services.AddSingleton(builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions());
        services.AddScoped<PlanProgressQuery>();
        services.AddScoped<DistrictLeagueQuery>();
        services.AddScoped<PeriodResolver>();
        services.AddScoped<TargetDetailsQuery>();
        services.AddScoped<TaskDetailsQuery>();
        services.AddScoped<UnitDetailsQuery>();
        services.AddScoped<DistrictDetailsQuery>();
        services.AddSingleton<DemoState>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Migrates and seeds. A database a person must fix is reported in one clear line and the host does not start.</summary>
    public static async Task<bool> InitializeAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        try
        {
            await sp.GetRequiredService<DatabaseInitializer>().InitializeAsync(sp.GetRequiredService<DemoOptions>(), today, app.Lifetime.ApplicationStopping);
        }
        catch (DatabaseStartupException ex)
        {
            app.Logger.LogCritical(ex, "启动失败：{Reason}", ex.Message);
            return false;
        }
        await AccountSeeder.SeedAsync(sp, app.Lifetime.ApplicationStopping);
        sp.GetRequiredService<DemoState>().Present = await DemoData.IsPresentAsync(sp.GetRequiredService<AppDbContext>(), app.Lifetime.ApplicationStopping);
        return true;
    }

    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // API callers and probes get bare status codes, not the HTML "not found" page.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/healthz")
                || context.Request.Path.StartsWithSegments("/export"))
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
        app.UseRequestLogging();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapPlanApi();
        app.MapReportsApi();
        app.MapCockpitExports();
        app.MapTargetExport();
        app.MapTaskExport();
        app.MapUnitExport();
        app.MapDistrictExport();
        app.MapUserAdmin();
        app.MapReporting();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
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
