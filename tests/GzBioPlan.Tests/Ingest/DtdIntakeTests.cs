using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Tests.Breakdown;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Ingest;

/// <summary>A workbook whose XML declares a DTD, on each way in: a clean refusal in Chinese, kept with its hash, nothing else written.</summary>
public class DtdIntakeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task The_reporting_page_refuses_it_with_its_own_message_and_keeps_the_upload()
    {
        var district = await app.DistrictClient("440111");
        var file = HostileWorkbooks.Make("dtd-in-sheet", Workbooks.FilledWithEpplus(await UploadTests.Template(district, "2027Q2")));
        var (html, _) = await UploadTests.Upload(district, "2027Q2", file);
        Assert.Contains("DTD", html);
        Assert.Contains("未通过", html);
        var version = app.WithDb(db => db.SubmissionVersions.Single(v => v.Sha256 == Hash(file)));
        Assert.Contains("file.dtd", version.ProblemsJson);
        Assert.False(app.WithDb(db => db.Submissions.Any(s => s.DistrictCode == "440111" && s.Period == GzBioPlan.Domain.Periods.Period.Parse("2027Q2"))));
    }

    [Fact]
    public async Task The_api_answers_json_with_the_code()
    {
        string token;
        using (var scope = app.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("huangpu");
            token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user!.Id, "测试", 30, TestContext.Current.CancellationToken);
        }
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var template = await client.GetByteArrayAsync("/api/v1/reports/template?period=2027Q3");
        var file = HostileWorkbooks.Make("entity-expansion", Workbooks.FilledWithEpplus(template));
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var response = await client.PostAsync("/api/v1/reports?period=2027Q3", new MultipartFormDataContent { { content, "file", "x.xlsx" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        Assert.Equal("file.dtd", problem.GetProperty("code").GetString());
        Assert.True(app.WithDb(db => db.SubmissionVersions.Any(v => v.Sha256 == Hash(file))));
    }

    [Fact]
    public async Task The_breakdown_import_refuses_it_and_changes_nothing()
    {
        var office = await app.SignedIn("office");
        var export = await office.GetByteArrayAsync("/export/breakdown.xlsx?period=2026Q3");
        var file = HostileWorkbooks.Make("dtd-in-workbook", export);
        var changes = app.WithDb(db => db.BreakdownChanges.Count());
        var (status, location) = await BreakdownImportTests.Import(office, file);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("DTD", await office.GetStringAsync(location));
        Assert.Equal(changes, app.WithDb(db => db.BreakdownChanges.Count()));
        Assert.False(app.WithDb(db => db.BreakdownImports.Single(i => i.Sha256 == Hash(file)).Applied));
    }
}
