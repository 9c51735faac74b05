using System.Net;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Hosting;

/// <summary>The 「无权查看」 page says why for the account's own role, not another's.</summary>
public class ForbiddenPageTests
{
    [Theory]
    [InlineData("leader", "/supervision/new", "市领导的账号可以查看全部页面")]
    [InlineData("kjj", "/supervision/new", "市直部门的账号可以查看全市情况")]
    [InlineData("huangpu", "/reporting/review", "区工信部门的账号只能查看和办理本区")]
    public async Task Each_role_is_told_why(string user, string url, string why)
    {
        await using var app = new AppFactory();
        var response = await (await app.SignedIn(user)).GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("无权查看", html);
        Assert.Contains(why, html);
    }
}
