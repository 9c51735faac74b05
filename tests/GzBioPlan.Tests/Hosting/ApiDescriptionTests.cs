using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Hosting;

[Collection(SharedAppCollection.Name)]
public class ApiDescriptionTests(AppFactory app)
{
    private const string Url = "/api/v1/openapi.json";

    [Fact]
    public async Task Anonymous_callers_get_401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(Url)).StatusCode);

    [Fact]
    public async Task A_signed_in_reader_gets_the_read_and_reports_apis_and_no_page_routes()
    {
        var document = await (await app.SignedIn("leader")).GetFromJsonAsync<JsonElement>(Url);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "/api/v1/plan", "/api/v1/progress", "/api/v1/breakdown", "/api/v1/laggards", "/api/v1/supervision",
                     "/api/v1/briefing", "/api/v1/reports", "/api/v1/reports/template" })
        {
            Assert.Contains(expected, paths);
        }
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/reports").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task A_token_reaches_it_too()
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("huangpu");
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user!.Id, "openapi", 1, TestContext.Current.CancellationToken);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
