using Microsoft.AspNetCore.WebUtilities;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>Builds links that keep the page's state in the query string.</summary>
public static class Urls
{
    public static string With(string path, IReadOnlyDictionary<string, string?> keep, params (string Name, string? Value)[] set)
    {
        var query = new Dictionary<string, string?>(keep);
        foreach (var (name, value) in set) query[name] = value;
        return QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>
    /// A link taken from the URL or stored, if it is a path on this site; otherwise null. Refuses <c>javascript:</c>
    /// and other schemes, <c>//host</c> and <c>/\host</c> (browsers read both as another site), and control characters.
    /// </summary>
    public static string? LocalPath(string? link) =>
        link is { Length: > 0 and <= 300 } && link[0] == '/' && (link.Length == 1 || link[1] is not ('/' or '\\'))
            && !link.Any(char.IsControl) && Uri.IsWellFormedUriString(link, UriKind.Relative)
            ? link : null;

    public static string Format(decimal? value, string? unit = null) =>
        value is { } v ? (unit is null ? v.ToString("#,0.##") : $"{v:#,0.##} {unit}") : "—";
}
