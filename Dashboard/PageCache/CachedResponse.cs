using System.Text;

namespace GzBioPlan.Dashboard.PageCache;

/// <summary>
/// A rendered answer as it is kept: literal bytes with holes where one person's own parts go (<see cref="PersonalPart"/>
/// markers, and the antiforgery token of every form). <see cref="Size"/> is what it costs the cache.
/// </summary>
public sealed record CachedResponse(string? ContentType, string? ContentDisposition, IReadOnlyList<CachedResponse.Segment> Segments)
{
    /// <summary>Literal bytes, or (when <see cref="Hole"/> is set) the name of what is filled in per request.</summary>
    public sealed record Segment(byte[]? Bytes, string? Hole);

    public const string TokenHole = "antiforgery";
    public const string MarkerStart = "<!--gz-personal:";
    public const string MarkerEnd = "-->";

    public long Size => Segments.Sum(s => (long)(s.Bytes?.Length ?? 64)) + 256;

    public IEnumerable<string> Holes => Segments.Where(s => s.Hole is not null).Select(s => s.Hole!).Distinct();

    /// <summary>
    /// Cuts a captured page at the personal-part markers and at each occurrence of the request's antiforgery token.
    /// Markers are HTML comments only components write: anything a person typed is encoded, so it can never contain one.
    /// </summary>
    public static CachedResponse FromHtml(string? contentType, string html, string? token)
    {
        var segments = new List<Segment>();
        var at = 0;
        while (at < html.Length)
        {
            var marker = html.IndexOf(MarkerStart, at, StringComparison.Ordinal);
            var markerEnd = marker < 0 ? -1 : html.IndexOf(MarkerEnd, marker + MarkerStart.Length, StringComparison.Ordinal);
            if (markerEnd < 0) marker = -1;
            var tokenAt = string.IsNullOrEmpty(token) ? -1 : html.IndexOf(token, at, StringComparison.Ordinal);
            var next = marker < 0 ? tokenAt : tokenAt < 0 ? marker : Math.Min(marker, tokenAt);
            if (next < 0) break;
            if (next > at) segments.Add(new Segment(Encoding.UTF8.GetBytes(html[at..next]), null));
            if (next == marker)
            {
                segments.Add(new Segment(null, html[(marker + MarkerStart.Length)..markerEnd]));
                at = markerEnd + MarkerEnd.Length;
            }
            else
            {
                segments.Add(new Segment(null, TokenHole));
                at = next + token!.Length;
            }
        }
        if (at < html.Length) segments.Add(new Segment(Encoding.UTF8.GetBytes(html[at..]), null));
        return new CachedResponse(contentType, null, segments);
    }

    public static CachedResponse FromBytes(string? contentType, string? contentDisposition, byte[] body) =>
        new(contentType, contentDisposition, [new Segment(body, null)]);
}
