using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GzBioPlan.Ingest.Parsing;

/// <summary>Turns what people type (full-width digits, stray spaces, numbers as text) into clean values.</summary>
public static partial class CellValues
{
    /// <summary>Free text: trimmed, ideographic spaces and runs of spaces made single; null when blank.</summary>
    public static string? Text(object? value)
    {
        var s = value switch
        {
            null => null,
            string text => text,
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
        if (s is null) return null;
        s = Spaces().Replace(s.Replace('\u3000', ' '), " ").Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>A code: full-width letters and digits made half-width, every space removed, upper case.</summary>
    public static string? Code(object? value) =>
        Text(value) is { } s ? Whitespace().Replace(s.Normalize(NormalizationForm.FormKC), "").ToUpperInvariant() : null;

    /// <summary>A number, from a numeric cell or text such as "１,２３４.５"; null if blank; false if not a number.</summary>
    public static bool TryNumber(object? value, out decimal? number)
    {
        number = null;
        switch (value)
        {
            case null:
                return true;
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                number = (decimal)d;
                return true;
            case int i:
                number = i;
                return true;
        }
        if (Code(value) is not { } text) return true;
        text = text.Replace(",", "");
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && Math.Abs(parsed) < 1e15m)
        {
            number = parsed;
            return true;
        }
        return false;
    }

    /// <summary>A date, from a date cell, an Excel serial number, or text like 2026-07-01 / 2026/7/1 / 2026年7月1日.</summary>
    public static bool TryDate(object? value, out DateOnly? date)
    {
        date = null;
        switch (value)
        {
            case null:
                return true;
            case DateTime dt:
                date = DateOnly.FromDateTime(dt);
                return true;
            case double d when d is > 0 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(d));
                return true;
        }
        if (Code(value) is not { } text) return true;
        text = text.Replace('年', '-').Replace('月', '-').Replace("日", "").Replace('/', '-').Replace('.', '-');
        if (DateOnly.TryParseExact(text, ["yyyy-M-d", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        return false;
    }

    public static string Show(object? value) => value switch
    {
        null => "（空）",
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Truncate(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 60),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
