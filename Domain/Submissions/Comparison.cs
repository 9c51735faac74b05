using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Submissions;

/// <summary>One indicator of a submission beside the district's last accepted quarter.</summary>
public sealed record FigureChange(string Code, string Name, decimal Current, decimal? Previous, bool Outlier)
{
    public decimal? Change => Previous is { } p ? Current - p : null;

    /// <summary>Change as a percentage of the earlier value; none from zero.</summary>
    public decimal? Percent => Previous is { } p and not 0 ? Math.Round((Current - p) * 100 / p, 1) : null;
}

/// <summary>A roster row as the comparison needs it, from a workbook or from the accepted tables.</summary>
public sealed record RosterFields(RosterKind Kind, string Key, string Name, string Status, string? Category, decimal? Amount, DateOnly? StartDate);

public enum RosterChangeKind
{
    Added = 0,
    Removed = 1,
    Changed = 2,
}

/// <summary>What changed in one roster row: added, removed, or which fields changed (「状态：在建 → 投产」).</summary>
public sealed record RosterChange(RosterKind Kind, string Key, string Name, RosterChangeKind Change, IReadOnlyList<string> Fields);

/// <summary>A roster against the last accepted one, row by row by its key (统一社会信用代码 or project key), per roster.</summary>
public static class RosterDiff
{
    public static IReadOnlyList<RosterChange> Compare(IEnumerable<RosterFields> previous, IEnumerable<RosterFields> current)
    {
        var before = previous.GroupBy(r => (r.Kind, r.Key)).ToDictionary(g => g.Key, g => g.First());
        var now = current.GroupBy(r => (r.Kind, r.Key)).ToDictionary(g => g.Key, g => g.First());
        var changes = new List<RosterChange>();
        foreach (var (key, row) in now)
        {
            if (!before.TryGetValue(key, out var old))
            {
                changes.Add(new(row.Kind, row.Key, row.Name, RosterChangeKind.Added, []));
                continue;
            }
            var fields = new List<string>();
            void Field(string label, object? a, object? b)
            {
                if (!Equals(a, b)) fields.Add($"{label}：{Show(a)} → {Show(b)}");
            }
            Field("名称", old.Name, row.Name);
            Field("状态", old.Status, row.Status);
            Field("类别", old.Category, row.Category);
            Field("金额", old.Amount, row.Amount);
            Field("日期", old.StartDate, row.StartDate);
            if (fields.Count > 0) changes.Add(new(row.Kind, row.Key, row.Name, RosterChangeKind.Changed, fields));
        }
        changes.AddRange(before.Where(b => !now.ContainsKey(b.Key)).Select(b => new RosterChange(b.Value.Kind, b.Value.Key, b.Value.Name, RosterChangeKind.Removed, [])));
        return changes.OrderBy(c => c.Kind).ThenBy(c => c.Change).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    private static string Show(object? value) => value switch
    {
        null => "（空）",
        decimal d => d.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    public static string Label(this RosterChangeKind kind) => kind switch { RosterChangeKind.Added => "新增", RosterChangeKind.Removed => "删除", _ => "变更" };
}
