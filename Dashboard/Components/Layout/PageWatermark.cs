using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Dashboard.PageCache;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Dashboard.Components.Layout;

/// <summary>
/// For a signed-in reader: a faint, repeated 「内部资料 · reader · date」 over the page, drawn as SVG (not a background
/// image) so it prints too; it takes no clicks and is hidden from screen readers.
/// </summary>
public sealed class PageWatermark(TimeProvider clock) : IPersonalPart
{
    public Task<string> RenderAsync(HttpContext http) => Task.FromResult(http.User.Identity?.IsAuthenticated != true ? "" :
        "<svg class=\"watermark\" aria-hidden=\"true\" focusable=\"false\"><defs>" +
        "<pattern id=\"watermark-tile\" width=\"420\" height=\"240\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-24)\">" +
        $"<text x=\"10\" y=\"120\">{PersonalParts.Html(Watermark.Text(http.User.DisplayName()))} · {BeijingTime.Today(clock):yyyy-MM-dd}</text>" +
        "</pattern></defs><rect width=\"100%\" height=\"100%\" fill=\"url(#watermark-tile)\" /></svg>");
}
