namespace GzBioPlan.Domain.Rules;

/// <summary>A reason someone typed, quoted inside our own sentence: its full stop is ours to add only when it has none.</summary>
public static class Sentence
{
    public static string End(string? text)
    {
        var t = (text ?? "").Trim();
        return t.Length == 0 || "。！？!?.；;…".Contains(t[^1]) ? t : t + "。";
    }
}
