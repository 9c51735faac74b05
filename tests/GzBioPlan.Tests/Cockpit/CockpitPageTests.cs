using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Cockpit;

[Collection(SharedAppCollection.Name)]
public class CockpitPageTests(AppFactory app)
{
    private static int Count(string html, string marker) => Regex.Matches(html, marker).Count;

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_login()
    {
        var response = await app.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Leader_sees_targets_tasks_areas_and_districts_for_the_latest_quarter_with_data()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/");
        Assert.Contains("驾驶舱", html);
        Assert.Contains("演示数据", html);
        Assert.Contains("截至 2026年第3季度", html); // demo data runs to the last finished quarter
        Assert.Equal(4, Count(html, "data-target=\""));
        Assert.Equal(10, Count(html, "data-item=\""));
        Assert.Equal(5, Count(html, "data-area=\""));
        Assert.Equal(11, Count(html, "data-district=\""));
        Assert.Contains("市委组织部", html);
        Assert.Contains("各区政府", html);
    }

    [Fact]
    public async Task Measure_four_keeps_its_two_groups_of_units_apart()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/");
        var row = Regex.Match(html, "<tr data-item=\"measure-4\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Equal(4, Count(row, "data-part=\"")); // two parts, in the lead and in the supporting column
        Assert.Contains("组建生物制造专家委员会", row);
    }

    [Fact]
    public async Task The_quarter_lives_in_the_url()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/?period=2025Q2");
        Assert.Contains("截至 2025年第2季度", html);
        Assert.Contains("<option value=\"2025Q2\" selected", html);
    }

    [Fact]
    public async Task Filter_by_unit_shows_what_it_leads_or_supports()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/?unit=kjj");
        var rows = Regex.Matches(html, "data-item=\"([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["task-1", "task-2", "task-3", "task-5", "task-6", "measure-2", "measure-4"], rows);
    }

    [Theory]
    [InlineData("/?period=2030Q1")]
    [InlineData("/?period=abc")]
    [InlineData("/?unit=nobody")]
    [InlineData("/targets/target-9")]
    [InlineData("/tasks/task-7")]
    [InlineData("/units/nobody")]
    [InlineData("/districts/440199")]
    [InlineData("/districts/440112?period=2023Q4")]
    [InlineData("/no-such-page")]
    public async Task Unknown_period_or_code_gives_a_chinese_not_found_page(string url)
    {
        var response = await (await app.SignedIn("leader")).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/targets/target-1", "创新引领型企业")]
    [InlineData("/targets/target-3", "菌种库、元件库建成并对外提供服务")]
    [InlineData("/tasks/measure-4", "组建生物制造专家委员会")]
    [InlineData("/units/kjj", "市科技局")]
    [InlineData("/units/districts", "从化区")]
    [InlineData("/districts/440112", "黄埔区")]
    public async Task Drill_down_pages_open_for_a_leader(string url, string text)
    {
        var response = await (await app.SignedIn("leader")).GetAsync(url + "?period=2026Q2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(text, html);
        Assert.Contains("2026年第2季度", html);
    }

    [Fact]
    public async Task Target_page_lists_the_firms_behind_the_figure_counted_once()
    {
        var html = await (await app.SignedIn("office")).GetStringAsync("/targets/target-1?period=2026Q3");
        Assert.Contains("全市去重 5 个", html);
        Assert.Equal(5, Count(html, "data-roster=\""));
        Assert.Contains("黄埔区、南沙区", html); // one firm named by two districts
    }

    [Fact]
    public async Task District_office_sees_only_its_own_district()
    {
        var client = await app.SignedIn("huangpu");
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/districts/440112", home.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/districts/440112")).StatusCode);
        foreach (var url in new[] { "/districts/440115", "/targets/target-1", "/tasks/task-1", "/units/kjj" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("无权查看", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Only_admins_reach_account_management()
    {
        foreach (var user in new[] { "leader", "office", "kjj", "huangpu" })
        {
            var response = await (await app.SignedIn(user)).GetAsync("/admin/users");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn("admin")).GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task Health_check_reports_the_database()
    {
        var response = await app.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
