using System.Text;

namespace GzBioPlan.Dashboard.PageCache;

/// <summary>
/// One person's own part of a page (their name, 待办, the watermark), written as HTML by plain code: it is filled into
/// every page the cache serves, where a renderer per request would cost more than the rest of the answer.
/// </summary>
public interface IPersonalPart
{
    Task<string> RenderAsync(HttpContext http);
}

public static class PersonalParts
{
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Text as HTML, written as the pages write it: Chinese as characters, only markup characters escaped.</summary>
    public static string Html(string? text) => Encoder.Encode(text ?? "");

    public static IServiceCollection AddPersonalPart<T>(this IServiceCollection services) where T : class, IPersonalPart =>
        services.AddSingleton<T>();

    /// <summary>The HTML of each hole of a cached page for this request: each personal part, and the antiforgery token.</summary>
    public static async Task<Dictionary<string, byte[]>> RenderAsync(HttpContext http, IEnumerable<string> holes)
    {
        var filled = new Dictionary<string, byte[]>();
        foreach (var hole in holes)
        {
            filled[hole] = Encoding.UTF8.GetBytes(hole == CachedResponse.TokenHole ? http.RequestServices.GetRequiredService<FormTokens>().For(http)
                : Part(http, hole) is { } part ? await part.RenderAsync(http) : "");
        }
        return filled;
    }

    /// <summary>The name comes from a marker this application wrote; only its own registered parts are asked.</summary>
    private static IPersonalPart? Part(HttpContext http, string name) =>
        typeof(IPersonalPart).Assembly.GetType(name) is { } type && typeof(IPersonalPart).IsAssignableFrom(type)
            ? http.RequestServices.GetService(type) as IPersonalPart
            : null;
}
