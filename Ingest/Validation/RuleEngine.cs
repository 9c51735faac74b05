using System.Globalization;
using GzBioPlan.Domain.Submissions;

namespace GzBioPlan.Ingest.Validation;

/// <summary>Where a figure came from in the workbook, for pointing a problem at it.</summary>
public sealed record FigureSource(string Name, string Sheet, string? Cell);

/// <summary>Rules across cells and quarters: configurable comparisons, and outliers against last quarter.</summary>
public static class RuleEngine
{
    public static IEnumerable<Problem> Check(IEnumerable<ValidationRule> rules, IReadOnlyDictionary<string, decimal> current,
        IReadOnlyDictionary<string, decimal> previous, IReadOnlyDictionary<string, FigureSource> sources)
    {
        foreach (var rule in rules.Where(r => r.Enabled))
        {
            // A side that was not reported (e.g. no accepted figure last quarter) leaves the rule unchecked.
            if (Side(rule.Left, current, previous) is not { } left || Side(rule.Right, current, previous) is not { } right) continue;
            if (Holds(left, rule.Operator, right)) continue;
            // Point at a cell the uploader can change: the left side's, else the right side's of this quarter.
            var leftSource = sources.GetValueOrDefault(rule.Left.Replace("prev:", ""));
            var rightSource = rule.Right.StartsWith("prev:") ? null : sources.GetValueOrDefault(rule.Right);
            var source = leftSource?.Cell is null && rightSource?.Cell is not null ? rightSource : leftSource;
            yield return new Problem(Severity.Error, "rule." + rule.Code, source?.Sheet, source?.Cell, Show(left),
                $"{Symbol(rule.Operator)} {Show(right)}（{Describe(rule.Right, sources)}）", rule.Message);
        }
    }

    public static IEnumerable<Problem> Outliers(IReadOnlyDictionary<string, decimal> entered, IReadOnlyDictionary<string, decimal> previous,
        IReadOnlyDictionary<string, FigureSource> sources, decimal factor)
    {
        foreach (var (code, value) in entered)
        {
            if (!previous.TryGetValue(code, out var before) || !IsOutlier(value, before, factor)) continue;
            var source = sources[code];
            yield return new Problem(Severity.Warning, "outlier", source.Sheet, source.Cell, Show(value), $"上季度确认值 {Show(before)}",
                $"“{source.Name}”与上季度确认值相差 {factor} 倍以上，请核实；确认无误后可提交。");
        }
    }

    /// <summary>A value <paramref name="factor"/> times last quarter's or more, or that fraction of it or less (nothing is an outlier against zero).</summary>
    public static bool IsOutlier(decimal value, decimal before, decimal factor) => before > 0 && (value >= before * factor || value <= before / factor);

    public static bool Holds(decimal left, RuleOperator op, decimal right) => op switch
    {
        RuleOperator.LessOrEqual => left <= right,
        RuleOperator.Less => left < right,
        RuleOperator.GreaterOrEqual => left >= right,
        RuleOperator.Greater => left > right,
        RuleOperator.Equal => left == right,
        _ => left != right,
    };

    private static decimal? Side(string side, IReadOnlyDictionary<string, decimal> current, IReadOnlyDictionary<string, decimal> previous)
    {
        if (side.StartsWith("prev:")) return previous.TryGetValue(side[5..], out var p) ? p : null;
        if (decimal.TryParse(side, NumberStyles.Float, CultureInfo.InvariantCulture, out var constant)) return constant;
        return current.TryGetValue(side, out var c) ? c : null;
    }

    private static string Describe(string side, IReadOnlyDictionary<string, FigureSource> sources) =>
        side.StartsWith("prev:") ? $"上季度确认的{sources.GetValueOrDefault(side[5..])?.Name ?? side[5..]}"
        : sources.TryGetValue(side, out var s) ? s.Name : side;

    private static string Symbol(RuleOperator op) => op switch
    {
        RuleOperator.LessOrEqual => "≤",
        RuleOperator.Less => "<",
        RuleOperator.GreaterOrEqual => "≥",
        RuleOperator.Greater => ">",
        RuleOperator.Equal => "=",
        _ => "≠",
    };

    private static string Show(decimal v) => v.ToString("#,0.##", CultureInfo.InvariantCulture);
}
