using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Cockpit;

[Collection(SharedAppCollection.Name)]
public class ApiTests(AppFactory app)
{
    [Theory]
    [InlineData("/api/v1/plan")]
    [InlineData("/api/v1/progress")]
    [InlineData("/api/v1/progress?period=2026Q3")]
    public async Task Anonymous_callers_get_401(string url) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(url)).StatusCode);

    [Fact]
    public async Task Plan_lists_document_targets_areas_items_units_and_districts_as_the_seed_names_them()
    {
        var plan = await (await app.SignedIn("huangpu")).GetFromJsonAsync<JsonElement>("/api/v1/plan");
        Assert.Equal("穗工信函〔2024〕288号", plan.GetProperty("document").GetProperty("documentNumber").GetString());
        Assert.Equal("2024-10-28", plan.GetProperty("document").GetProperty("issuedOn").GetString());
        Assert.Equal(4, plan.GetProperty("targets").GetArrayLength());
        Assert.Equal(5, plan.GetProperty("keyAreas").GetArrayLength());
        Assert.Equal(11, plan.GetProperty("districts").GetArrayLength());
        var items = plan.GetProperty("workItems").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        var m3 = items.Single(i => i.GetProperty("code").GetString() == "measure-3").GetProperty("parts")[0];
        Assert.Equal(["市工业和信息化局", "市发展改革委", "各区政府"], m3.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString()!));
        var m4 = items.Single(i => i.GetProperty("code").GetString() == "measure-4").GetProperty("parts");
        Assert.Equal(2, m4.GetArrayLength());
        Assert.Equal(["市委组织部", "市人力资源社会保障局"], m4[1].GetProperty("supportingUnits").EnumerateArray().Select(u => u.GetString()!));
    }

    [Fact]
    public async Task Progress_gives_actual_expected_gap_and_light_per_target_and_task()
    {
        var progress = await (await app.SignedIn("leader")).GetFromJsonAsync<JsonElement>("/api/v1/progress?period=2026Q3");
        Assert.Equal("2026Q3", progress.GetProperty("period").GetString());
        var firms = progress.GetProperty("targets")[0];
        Assert.Equal("target-1", firms.GetProperty("code").GetString());
        Assert.Equal(5m, firms.GetProperty("actual").GetDecimal());
        Assert.Equal(6.15m, firms.GetProperty("expected").GetDecimal());
        Assert.Equal(-1.15m, firms.GetProperty("gap").GetDecimal());
        Assert.Equal("Yellow", firms.GetProperty("light").GetString());
        var libraries = progress.GetProperty("targets")[2];
        Assert.Equal("Red", libraries.GetProperty("light").GetString()); // its second milestone is overdue
        Assert.Equal(10, progress.GetProperty("workItems").GetArrayLength());
        Assert.Equal(61.5m, progress.GetProperty("workItems")[0].GetProperty("expected").GetDecimal());
    }

    [Fact]
    public async Task Progress_defaults_to_the_latest_period_with_data() =>
        Assert.Equal("2026Q3", (await (await app.SignedIn("office")).GetFromJsonAsync<JsonElement>("/api/v1/progress")).GetProperty("period").GetString());

    [Theory]
    [InlineData("2026Q9")]
    [InlineData("2031Q1")]
    public async Task A_bad_period_is_a_validation_problem_in_chinese(string period)
    {
        var response = await (await app.SignedIn("leader")).GetAsync($"/api/v1/progress?period={period}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("报告期", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_district_office_may_read_the_plan_but_not_the_city_progress() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("huangpu")).GetAsync("/api/v1/progress")).StatusCode);
}
