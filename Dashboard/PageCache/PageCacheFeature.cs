namespace GzBioPlan.Dashboard.PageCache;

/// <summary>The page cache (<see cref="PageCacheMiddleware"/>); <c>PageCache:Enabled=false</c> renders every request.</summary>
public static class PageCacheFeature
{
    public static IHostApplicationBuilder AddPageCache(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PageCacheStore>();
        builder.Services.AddSingleton<FormTokens>();
        builder.Services.AddPersonalPart<Components.Layout.PageWatermark>();
        return builder;
    }

    /// <summary>After authorization and antiforgery: a reader is known, and refused requests never reach the cache.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("PageCache:Enabled", true) ? app.UseMiddleware<PageCacheMiddleware>() : app;
}
