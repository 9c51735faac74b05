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

    public static string Format(decimal? value, string? unit = null) =>
        value is { } v ? (unit is null ? v.ToString("#,0.##") : $"{v:#,0.##} {unit}") : "—";
}
