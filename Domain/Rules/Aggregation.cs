namespace GzBioPlan.Domain.Rules;

/// <summary>How district figures combine into a city-wide figure.</summary>
public enum Aggregation
{
    /// <summary>Add up the districts' values.</summary>
    Sum = 0,

    /// <summary>Count roster entries city-wide, each key (e.g. 统一社会信用代码) once however many districts name it.</summary>
    DistinctCount = 1,

    /// <summary>Take the most recent value reported at or before the period.</summary>
    Latest = 2,
}

public static class AggregationRule
{
    public static string Label(this Aggregation aggregation) => aggregation switch
    {
        Aggregation.Sum => "各区加总",
        Aggregation.DistinctCount => "名录去重计数",
        _ => "取最新值",
    };

    /// <summary>Sum of the districts' values; null when no district reported.</summary>
    public static decimal? Sum(IEnumerable<decimal> districtValues)
    {
        decimal? total = null;
        foreach (var v in districtValues) total = (total ?? 0m) + v;
        return total;
    }

    /// <summary>A roster key as it is counted: case and surrounding spaces do not tell two firms apart.</summary>
    public static string Key(string rosterKey) => rosterKey.Trim().ToUpperInvariant();

    /// <summary>Number of distinct keys, ignoring case and surrounding spaces; null when the roster is empty and nothing was reported.</summary>
    public static decimal? DistinctCount(IEnumerable<string> rosterKeys, bool anyReported)
    {
        var count = rosterKeys.Select(Key).Where(k => k.Length > 0).Distinct().Count();
        return anyReported || count > 0 ? count : null;
    }
}
