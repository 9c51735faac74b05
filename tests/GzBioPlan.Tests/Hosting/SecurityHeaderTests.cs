using System.Net;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Hosting;

[Collection(SharedAppCollection.Name)]
public class SecurityHeaderTests(AppFactory app)
{
    [Theory]
    [InlineData("/?period=2026Q3")]
    [InlineData("/export/targets.xlsx?period=2026Q3")]
    [InlineData("/api/v1/progress?period=2026Q3")]
    [InlineData("/reporting/template?period=2026Q4&district=440112")]
    [InlineData("/no-such-page")]
    public async Task Pages_exports_api_and_downloads_carry_the_policy_and_are_not_stored(string url)
    {
        var response = await (await app.SignedIn("office")).GetAsync(url);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.NotFound });
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_sign_in_page_has_no_inline_script_and_static_files_keep_their_own_caching()
    {
        var client = app.Anonymous();
        var html = await client.GetStringAsync("/login");
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)", html);
        Assert.DoesNotMatch("\\son(click|change|submit)=", html);
        var css = await client.GetAsync("/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Assert.Single(css.Headers.GetValues("X-Content-Type-Options")));
    }
}
