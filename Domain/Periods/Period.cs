using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GzBioPlan.Domain.Periods;

/// <summary>A reporting quarter, written <c>2026Q3</c> and shown 2026年第3季度.</summary>
public readonly record struct Period(int Year, int Quarter) : IComparable<Period>
{
    /// <summary>The first quarter the plan tracks (it was issued in October 2024).</summary>
    public static readonly Period First = new(2024, 4);

    /// <summary>The plan's horizon: the end of 2027.</summary>
    public static readonly Period Last = new(2027, 4);

    /// <summary>The state the plan starts from: the quarter before <see cref="First"/>.</summary>
    public static readonly Period Baseline = new(2024, 3);

    public static IReadOnlyList<Period> All { get; } = Range(First, Last);

    public static int PlanQuarterCount => All.Count;

    public DateOnly Start => new(Year, (Quarter - 1) * 3 + 1, 1);

    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public Period Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public Period Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    /// <summary>Quarters elapsed since <see cref="Baseline"/>: 1 for 2024Q4, 13 for 2027Q4.</summary>
    public int QuartersSinceBaseline => (Year - Baseline.Year) * 4 + Quarter - Baseline.Quarter;

    public bool IsInPlan => CompareTo(First) >= 0 && CompareTo(Last) <= 0;

    public string Label => $"{Year}年第{Quarter}季度";

    public override string ToString() => $"{Year}Q{Quarter}";

    public int CompareTo(Period other) => (Year * 4 + Quarter).CompareTo(other.Year * 4 + other.Quarter);

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"不是有效的报告期：{text}（应为 2026Q3 这样的写法）");

    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (text is null) return false;
        var t = text.Trim().ToUpperInvariant();
        if (t.Length != 6 || t[4] != 'Q') return false;
        if (!int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        var q = t[5] - '0';
        if (q is < 1 or > 4 || year is < 2000 or > 2100) return false;
        period = new Period(year, q);
        return true;
    }

    /// <summary>Either the code (<c>2026Q3</c>) or the label people read and type (<c>2026年第3季度</c>), as a spreadsheet may hold.</summary>
    public static bool TryParseCodeOrLabel([NotNullWhen(true)] string? text, out Period period)
    {
        if (TryParse(text, out period)) return true;
        var t = text?.Trim() ?? "";
        if (t.Length == 9 && t[4] == '年' && t[5] == '第' && t[7] == '季' && t[8] == '度') return TryParse($"{t[..4]}Q{t[6]}", out period);
        return false;
    }

    /// <summary>The quarter containing a date.</summary>
    public static Period Containing(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// <summary>The last quarter that has ended on <paramref name="today"/>.</summary>
    public static Period LastFinished(DateOnly today) => Containing(today).Previous;

    public static IReadOnlyList<Period> Range(Period from, Period to)
    {
        var list = new List<Period>();
        for (var p = from; p <= to; p = p.Next) list.Add(p);
        return list;
    }

    /// <summary>Clamps a period into the plan's range.</summary>
    public Period ClampToPlan() => this < First ? First : this > Last ? Last : this;
}
