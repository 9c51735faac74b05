using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Domain.Submissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzBioPlan.Domain.Tracking;

public static class TrackingSetup
{
    /// <summary>The plan's progress computation and the queries every feature reads it through.</summary>
    public static IHostApplicationBuilder AddTracking(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(LightThresholds.Section).Get<LightThresholds>() ?? new LightThresholds());
        builder.Services.AddScoped<PlanProgressQuery>();
        builder.Services.AddScoped<BreakdownQuery>();
        builder.Services.AddScoped<DistrictLeagueQuery>();
        builder.Services.AddScoped<CompletenessQuery>();
        return builder;
    }
}
