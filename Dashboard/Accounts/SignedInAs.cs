using GzBioPlan.Dashboard.PageCache;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>The signed-in person's name in the menu, a link to their access tokens.</summary>
public sealed class SignedInAs : IPersonalPart
{
    public Task<string> RenderAsync(HttpContext http) =>
        Task.FromResult($"<a class=\"who\" href=\"/account/tokens\" title=\"我的访问令牌\">{PersonalParts.Html(http.User.DisplayName())}</a>");
}
