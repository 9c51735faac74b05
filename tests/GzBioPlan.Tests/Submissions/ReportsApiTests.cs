using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Submissions;

/// <summary>Scripted clients: personal access tokens, template download, upload with a JSON result, the status list.</summary>
public class ReportsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> Token(string userName, int days = 30)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user!.Id, "测试", days, TestContext.Current.CancellationToken);
    }

    private HttpClient WithToken(string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static MultipartFormDataContent File(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "huangpu.xlsx" } };
    }

    [Fact]
    public async Task A_district_system_downloads_fills_and_uploads_with_its_token()
    {
        var client = WithToken(await Token("huangpu"));
        var template = await client.GetByteArrayAsync("/api/v1/reports/template?period=2027Q1");
        var ok = await client.PostAsync("/api/v1/reports?period=2027Q1", File(Workbooks.Filled(template)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());

        var bad = await client.PostAsync("/api/v1/reports?period=2027Q1", File(Workbooks.Filled(template, new OpenXmlFiller.Edit("指标", "E3", -3))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var refused = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var problem = refused.GetProperty("problems")[0];
        Assert.Equal("指标", problem.GetProperty("sheet").GetString());
        Assert.Equal("E3", problem.GetProperty("cell").GetString());
        Assert.Equal("cell.negative", problem.GetProperty("code").GetString());
        Assert.Contains("不能为负数", problem.GetProperty("message").GetString());
        var marked = refused.GetProperty("markedWorkbook").GetString()!;
        Assert.Matches("^http://localhost/api/v1/reports/versions/\\d+/marked.xlsx$", marked);
        var workbook = WorkbookReader.Read(await client.GetByteArrayAsync(marked));
        Assert.Equal("问题清单", workbook.Keys.First());
        await app.DistrictClient("440106");
        Assert.Equal(HttpStatusCode.Forbidden, (await WithToken(await Token("district440106")).GetAsync(marked)).StatusCode);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/reports?period=2027Q1");
        var row = Assert.Single(list.EnumerateArray()); // a district sees its own row only
        Assert.Equal("440112", row.GetProperty("district").GetString());
        Assert.Equal("Submitted", row.GetProperty("status").GetString());
        Assert.Equal(1, row.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_district_token_cannot_reach_or_upload_for_another_district()
    {
        var client = WithToken(await Token("huangpu"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports/template?period=2027Q1&district=440115")).StatusCode);
        var office = await app.SignedIn("office");
        var nansha = await office.GetByteArrayAsync("/api/v1/reports/template?period=2027Q2&district=440115");
        var response = await client.PostAsync("/api/v1/reports?period=2027Q2", File(Workbooks.Filled(nansha)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("template.district", await response.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Submissions.Any(s => s.DistrictCode == "440115")));
    }

    [Fact]
    public async Task An_upload_without_a_file_is_a_validation_problem_in_chinese()
    {
        var client = WithToken(await Token("huangpu"));
        var empty = await client.PostAsync("/api/v1/reports?period=2027Q3", null);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var body = await empty.Content.ReadAsStringAsync();
        Assert.Contains("multipart/form-data", body);
        Assert.Contains("请求参数有误", body);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/reports?period=2027Q3", JsonContent.Create(new { file = "x" }))).StatusCode);
    }

    [Fact]
    public async Task Uploads_need_a_district_token_not_a_cookie_or_another_role()
    {
        var cookie = await app.SignedIn("huangpu");
        Assert.NotEqual(HttpStatusCode.OK, (await cookie.PostAsync("/api/v1/reports?period=2027Q3", File([1, 2, 3]))).StatusCode);
        var office = WithToken(await Token("office"));
        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync("/api/v1/reports?period=2027Q3", File([1, 2, 3]))).StatusCode);
        Assert.Equal(11, (await office.GetFromJsonAsync<JsonElement>("/api/v1/reports?period=2027Q3")).GetArrayLength());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/reports?period=2027Q3")).StatusCode);
    }

    [Fact]
    public async Task A_token_reaches_the_api_only_not_pages_or_forms()
    {
        var client = WithToken(await Token("admin"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plan")).StatusCode);
        foreach (var page in new[] { "/account/tokens", "/admin/users", "/" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/login", response.Headers.Location!.OriginalString);
        }
        var before = app.WithDb(db => db.Users.Count());
        var create = await client.PostAsync("/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "minted", ["Password"] = "Minted2026!", ["Role"] = "Admin",
        }));
        Assert.NotEqual(HttpStatusCode.OK, create.StatusCode);
        Assert.Equal(before, app.WithDb(db => db.Users.Count()));
    }

    [Fact]
    public async Task A_token_records_its_last_use_without_a_write_on_every_request()
    {
        var token = await Token("leader");
        var client = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plan")).StatusCode);
        var first = app.WithDb(db => db.ApiTokens.Single(t => t.Hash == ApiTokenService.Hash(token)).LastUsedAt);
        Assert.NotNull(first);
        app.Clock.Now = app.Clock.Now.AddMinutes(5);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plan")).StatusCode);
        Assert.Equal(first, app.WithDb(db => db.ApiTokens.Single(t => t.Hash == ApiTokenService.Hash(token)).LastUsedAt));
        app.Clock.Now = app.Clock.Now.AddMinutes(20);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plan")).StatusCode);
        Assert.NotEqual(first, app.WithDb(db => db.ApiTokens.Single(t => t.Hash == ApiTokenService.Hash(token)).LastUsedAt));
        app.Clock.Now = FixedClock.Default;
    }

    [Fact]
    public async Task Revoked_expired_or_unknown_tokens_get_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken("gzb_not-a-token").GetAsync("/api/v1/plan")).StatusCode);
        var token = await Token("leader");
        var client = WithToken(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/plan")).StatusCode);
        app.WithDb(db =>
        {
            var row = db.ApiTokens.Single(t => t.Hash == ApiTokenService.Hash(token));
            Assert.NotNull(row.LastUsedAt);
            Assert.DoesNotContain(token, row.Hash); // only the hash is kept
            row.RevokedAt = DateTimeOffset.UtcNow;
            return db.SaveChanges();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/plan")).StatusCode);

        var expiring = await Token("leader", days: 1);
        app.Clock.Now = FixedClock.Default.AddDays(2);
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(expiring).GetAsync("/api/v1/plan")).StatusCode);
        }
        finally
        {
            app.Clock.Now = FixedClock.Default;
        }
    }

    [Fact]
    public async Task A_user_creates_and_revokes_a_token_on_their_own_page()
    {
        var client = await app.SignedIn("kjj");
        var page = await client.GetStringAsync("/account/tokens");
        var created = await client.PostAsync("/account/tokens", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-token", ["__RequestVerificationToken"] = AppFactory.Antiforgery(page), ["Input.Name"] = "科技局数据平台", ["Input.Days"] = "30",
        }));
        var html = await created.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "<code>(gzb_[^<]+)</code>").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(token).GetAsync("/api/v1/plan")).StatusCode);

        var id = app.WithDb(db => db.ApiTokens.Single(t => t.Hash == ApiTokenService.Hash(token)).Id);
        var revoke = await client.PostAsync($"/account/tokens/{id}/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync("/account/tokens")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(token).GetAsync("/api/v1/plan")).StatusCode);
    }
}
