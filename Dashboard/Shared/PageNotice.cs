using Microsoft.AspNetCore.DataProtection;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>
/// A sentence a form post hands to the page it redirects to (「文件内容不是 PDF…」), carried in the URL but sealed by
/// Data Protection: a link someone else made cannot put words of their own on our page. Kept for a day.
/// </summary>
public sealed class PageNotice(IDataProtectionProvider provider)
{
    public const string Query = "notice";
    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("page-notice").ToTimeLimitedDataProtector();

    public string Seal(string text) => protector.Protect(text, TimeSpan.FromDays(1));

    public string? Open(string? sealedText)
    {
        if (string.IsNullOrEmpty(sealedText)) return null;
        try
        {
            return protector.Unprotect(sealedText);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The local path with the sealed sentence added to its query.</summary>
    public string Append(string path, string text) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, Query, Seal(text));
}
