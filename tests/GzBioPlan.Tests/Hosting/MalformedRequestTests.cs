using System.Net;
using System.Text.Json;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Hosting;

/// <summary>Malformed requests get a 400 with a Chinese sentence and change nothing, never a 500.</summary>
[Collection(SharedAppCollection.Name)]
public class MalformedRequestTests(AppFactory app)
{
    [Theory]
    [InlineData("/supervision/new")]
    [InlineData("/progress/lock")]
    [InlineData("/breakdown/import")]
    [InlineData("/progress/report")]
    [InlineData("/reporting/upload?period=2026Q4")]
    public async Task A_post_without_a_content_type_is_a_400_in_chinese(string url)
    {
        var office = await app.SignedIn("office");
        var response = await office.PostAsync(url, new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("提交的内容不是表单", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_nul_character_in_a_form_value_is_a_400_and_nothing_is_written()
    {
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/supervision/new");
        var before = app.WithDb(db => db.SupervisionItems.Count());
        var response = await office.PostAsync("/supervision/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(page), ["_handler"] = "open-item", ["Input.Title"] = "标题\0",
            ["Input.Addressee"] = "Unit:kjj", ["Input.Due"] = "2026-12-31", ["Input.Requirement"] = "要求",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("含有不可见字符", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, app.WithDb(db => db.SupervisionItems.Count()));
    }

    [Fact]
    public async Task A_huge_period_is_a_400_and_is_never_echoed_into_a_header()
    {
        var office = await app.SignedIn("office");
        var huge = new string('9', 100_000);
        var page = await office.GetStringAsync("/progress?period=2026Q3");
        var response = await office.PostAsync("/progress/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(page), ["period"] = huge,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var api = await office.GetAsync("/api/v1/progress?period=" + new string('9', 20_000));
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("参数过长", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
    }
}
