namespace GzBioPlan.Dashboard.Shared;

/// <summary>内部资料: the reader's name on every page and export, as government systems mark what is not for circulation.</summary>
public static class Watermark
{
    public static string Text(string reader) => $"内部资料 · {reader}";
}
