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
        Assert.Equal(11, Count(html, "<tr data-district=\""));
        Assert.Contains("市委组织部", html);
        Assert.Contains("各区政府", html);
    }

    [Fact]
    public async Task Headline_tiles_give_each_target_and_the_tasks_and_measures_by_light()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/?period=2026Q3");
        var tiles = Regex.Matches(html, "data-tile=\"([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["target-1", "target-2", "target-3", "target-4"], tiles);
        var first = Regex.Match(html, "<a class=\"tile[^\"]*\" href=\"/targets/target-1\\?period=2026Q3\" data-tile=\"target-1\">.*?</a>", RegexOptions.Singleline).Value;
        Assert.Contains("2027 年目标 ≥10 家", first);
        Assert.Contains("序时进度应达", first);
        Assert.Contains("较上季", first);
        Assert.Contains("data-light=", first);
        // The tasks' tile counts every task once, by its light: the four counts add up to the six tasks.
        var tasks = Regex.Match(html, "data-tile-counts=\"Task\".*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains("主要任务（6 项）", tasks);
        Assert.Equal(6, Regex.Matches(tasks, "data-count=\"\\w+\">(\\d+)<").Sum(m => int.Parse(m.Groups[1].Value)));
    }

    [Fact]
    public async Task The_district_map_links_every_district_and_follows_the_chosen_column()
    {
        var leader = await app.SignedIn("leader");
        var html = await leader.GetStringAsync("/?period=2026Q3");
        var map = Regex.Match(html, "<figure class=\"district-map\".*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("data-map=\"output_value\"", map);
        var links = Regex.Matches(map, "<a href=\"/districts/(\\d{6})\\?period=2026Q3\" data-district=\"\\d{6}\">\\s*<title>([^<]+)</title>").ToList();
        Assert.Equal(11, links.Count);
        Assert.Contains(links, l => l.Groups[2].Value.StartsWith("黄埔区：生物制造产业产值"));
        Assert.Equal(11, Regex.Matches(map, "<path d=\"M[^\"]+\" class=\"map-[0-4]\"").Count); // every district reported, so coloured
        Assert.Contains("生物制造产业产值（亿元）", map); // the legend names the indicator

        var byFirms = await leader.GetStringAsync("/?period=2026Q3&sort=bio_firms");
        Assert.Contains("data-map=\"bio_firms\"", byFirms);
    }

    [Fact]
    public async Task Charts_are_drawn_on_the_server_with_a_forecast_and_no_circuit()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/?period=2026Q3");
        var chart = Regex.Match(html, "<figure class=\"trend\" data-chart=\"target-1\">.*?</figure>", RegexOptions.Singleline).Value;
        Assert.Contains("<svg", chart);
        Assert.Contains("class=\"actual\"", chart);
        Assert.Contains("class=\"expected\"", chart);
        Assert.Contains("预测及 80% 区间", chart);
        Assert.Contains("单位：家", chart);
        Assert.DoesNotContain("\"type\":\"server\"", html); // no interactive island, so no circuit to hold per reader
        Assert.DoesNotContain("Radzen", html);
        Assert.DoesNotContain("aria-disabled=\"False", html);
    }

    [Fact]
    public async Task Pages_and_exports_are_marked_internal_with_the_readers_name()
    {
        var leader = await app.SignedIn("leader");
        var html = await leader.GetStringAsync("/?period=2026Q3");
        Assert.Matches("<svg class=\"watermark\" aria-hidden=\"true\"[\\s\\S]*?内部资料 · 市领导（演示） · 2026-11-23", html);
        Assert.Contains("内部资料 · 协调办（演示）", await (await app.SignedIn("office")).GetStringAsync("/laggards?period=2026Q3"));
        Assert.DoesNotContain("class=\"watermark\"", await app.Anonymous().GetStringAsync("/login"));

        using var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(await leader.GetByteArrayAsync("/export/targets.xlsx?period=2026Q3")));
        var sheet = package.Workbook.Worksheets["工作目标"];
        Assert.Contains("内部资料 · 市领导（演示）", sheet.HeaderFooter.OddHeader.RightAlignedText);
        Assert.Contains("页", sheet.HeaderFooter.OddFooter.CenteredText);
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
