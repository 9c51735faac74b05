namespace GzBioPlan.Domain.Rules;

/// <summary>统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character.</summary>
public static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The check character for the first 17 characters, or null if one of them is not allowed.</summary>
    public static char? CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) return null;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i]);
            if (v < 0) return null;
            sum += v * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>
    /// What is wrong with a code, in Chinese, or null when it is valid: its length, a character outside GB 32100's set
    /// (I, O, S, V, Z and lower case are not used) named with its place, or a wrong check character.
    /// </summary>
    public static string? Problem(string code)
    {
        if (code.Length != 18) return $"统一社会信用代码应为 18 位，这里是 {code.Length} 位。";
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(code[i]) < 0)
                return $"统一社会信用代码第 {i + 1} 位“{code[i]}”不是允许的字符（只用数字和除 I、O、S、V、Z 以外的大写字母），请与营业执照核对。";
        }
        return IsValid(code) ? null : "统一社会信用代码校验位不正确（GB 32100-2015），请与营业执照核对。";
    }

    public static bool IsValid(string? code) =>
        code is { Length: 18 } && CheckCharacter(code.AsSpan(0, 17)) is { } c && c == code[17];
}
