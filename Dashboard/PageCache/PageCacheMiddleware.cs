using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Net.Http.Headers;

namespace GzBioPlan.Dashboard.PageCache;

/// <summary>
/// Serves the pages, exports and JSON marked <see cref="CachedByDataVersionAttribute"/> from memory, as a file server
/// serves files: rendered once per key, kept until the data version moves. The key is the data version, today's date
/// and the default quarter it resolves to (so a default that moves when a deadline passes is a new key), the audience
/// (roles with district and unit: two districts never share an entry), the reader for per-reader answers, and the URL.
/// What is one person's own is a hole filled per request (<see cref="PersonalParts"/>). Concurrent misses of one key
/// render once; the others wait for it.
/// </summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCacheStore store, TimeProvider clock, ILogger<PageCacheMiddleware> log)
{
    private static readonly object Capturing = new();

    public static bool IsCapturing(HttpContext http) => http.Items.ContainsKey(Capturing);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) || http.GetEndpoint()?.Metadata.GetMetadata<CachedByDataVersionAttribute>() is not { } cached)
        {
            await next(http);
            return;
        }
        var (version, key) = await KeyAsync(http, cached);
        if (store.TryGet(key, out var page))
        {
            await WriteAsync(http, page);
            return;
        }
        var (mine, rendering) = store.Begin(key);
        if (!mine && await rendering.WaitAsync(http.RequestAborted) is { } rendered)
        {
            await WriteAsync(http, rendered);
            return;
        }
        CachedResponse? kept = null;
        try
        {
            kept = await CaptureAsync(http);
            if (kept is not null) store.Set(version, key, kept);
        }
        finally
        {
            if (mine) store.End(key, kept);
        }
    }

    private async Task<(long Version, string Key)> KeyAsync(HttpContext http, CachedByDataVersionAttribute cached)
    {
        var version = await DataVersionWatch.OfRequestAsync(http);
        var quarter = await http.RequestServices.GetRequiredService<PeriodResolver>().CurrentAsync(http.RequestAborted);
        var enhanced = http.Request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal);
        var key = string.Join('\n', version, BeijingTime.Today(clock).DayNumber, quarter, Audience(http.User),
            cached.PerReader ? http.User.Identity?.Name : "", enhanced ? "enhanced" : "", http.Request.Path.Value, http.Request.QueryString.Value);
        return (version, key);
    }

    /// <summary>What a reader may see: their roles, with the district or unit they are bound to.</summary>
    public static string Audience(ClaimsPrincipal user) =>
        string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)) + "|" + user.District() + "|" + user.Unit();

    /// <summary>Renders the request with its personal parts as holes; answers it, and returns what may be kept (a 200).</summary>
    private async Task<CachedResponse?> CaptureAsync(HttpContext http)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        http.Items[Capturing] = true;
        try
        {
            await next(http);
        }
        finally
        {
            http.Items.Remove(Capturing);
            http.Response.Body = original;
        }
        var response = http.Response;
        // An empty refusal (a 404 or 403 with no body) is left as it is, for the status page to fill in.
        if (buffer.Length == 0) return null;
        var contentType = response.ContentType;
        CachedResponse page;
        if (contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            // The token the page's forms were rendered with (the same for every form of one request) becomes a hole.
            var token = html.Contains("__RequestVerificationToken", StringComparison.Ordinal)
                ? http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http).RequestToken : null;
            page = CachedResponse.FromHtml(contentType, html, token);
        }
        else page = CachedResponse.FromBytes(contentType, response.Headers.ContentDisposition.ToString() is { Length: > 0 } d ? d : null, buffer.ToArray());
        var status = response.StatusCode;
        await WriteAsync(http, page, status);
        if (status == StatusCodes.Status200OK) return page;
        log.LogDebug("Not kept: {Path} answered {Status}", http.Request.Path.Value, status);
        return null;
    }

    private static async Task WriteAsync(HttpContext http, CachedResponse page, int status = StatusCodes.Status200OK)
    {
        var holes = await PersonalParts.RenderAsync(http, page.Holes);
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = page.ContentType;
        if (page.ContentDisposition is not null) response.Headers[HeaderNames.ContentDisposition] = page.ContentDisposition;
        response.ContentLength = page.Segments.Sum(s => (long)(s.Bytes ?? holes[s.Hole!]).Length);
        foreach (var segment in page.Segments)
            await response.Body.WriteAsync(segment.Bytes ?? holes[segment.Hole!], http.RequestAborted);
    }
}

/// <summary>The kept answers, within a size limit (<c>PageCache:SizeMegabytes</c>); all of them go when the data version moves.</summary>
public sealed class PageCacheStore(IConfiguration configuration)
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = configuration.GetValue("PageCache:SizeMegabytes", 64) * 1024L * 1024 });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CachedResponse?>> rendering = new();
    private readonly Lock gate = new();
    private long version;

    public bool TryGet(string key, out CachedResponse page) => cache.TryGetValue(key, out page!);

    public void Set(long dataVersion, string key, CachedResponse page)
    {
        lock (gate)
        {
            // Entries of an older version can never be asked for again: drop them at once rather than wait for eviction.
            if (dataVersion > version)
            {
                cache.Clear();
                version = dataVersion;
            }
            else if (dataVersion < version) return;
        }
        cache.Set(key, page, new MemoryCacheEntryOptions { Size = page.Size });
    }

    /// <summary>True for the request that renders; the others get the task that completes with what it kept (null: render yourself).</summary>
    public (bool Mine, Task<CachedResponse?> Rendering) Begin(string key)
    {
        var mine = new TaskCompletionSource<CachedResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = rendering.GetOrAdd(key, mine);
        return (current == mine, current.Task);
    }

    public void End(string key, CachedResponse? page)
    {
        if (rendering.TryRemove(key, out var done)) done.TrySetResult(page);
    }
}
