using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Dashboard.Provenance;

/// <summary>数据溯源: from any figure to the accepted versions, cells and roster rows behind it.</summary>
public static class ProvenanceFeature
{
    public static IHostApplicationBuilder AddProvenance(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProvenanceQuery>();
        return builder;
    }

    /// <summary>The link a figure opens.</summary>
    public static string Link(string indicator, Period period, string? district = null) =>
        $"/provenance/{indicator}?period={period}" + (district is null ? "" : $"&district={district}");

    /// <summary>The link for a figure, or null when there is nothing to trace (no value, or not an indicator's).</summary>
    public static string? For(decimal? value, string? indicator, Period period, string? district = null) =>
        value is null || indicator is null ? null : Link(indicator, period, district);
}
