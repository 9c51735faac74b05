using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Tests.Laggards;

public class LaggardTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(null, false, 12.0, LaggardTrend.New)]
    [InlineData(20.0, true, 12.0, LaggardTrend.Better)]
    [InlineData(12.0, true, 12.5, LaggardTrend.Same)]
    [InlineData(12.0, true, 13.0, LaggardTrend.Worse)]
    [InlineData(12.0, true, 11.0, LaggardTrend.Better)]
    public void Trend_since_last_quarter(double? before, bool wasBehind, double now, LaggardTrend trend) =>
        Assert.Equal(trend, LaggardRule.Trend((decimal?)before, wasBehind, (decimal)now));

    [Theory]
    [InlineData(new[] { true, true, false, true }, 2)]
    [InlineData(new[] { false, true }, 0)]
    [InlineData(new bool[0], 0)]
    public void Quarters_behind_counts_back_from_now(bool[] behind, int quarters) => Assert.Equal(quarters, LaggardRule.QuartersBehind(behind));

    [Theory]
    [InlineData(Light.Yellow, 20.0, 1, null)]
    [InlineData(Light.Red, 10.8, 1, "（红灯原因：节点「节点1」应于2026年第1季度完成，已逾期）")]
    [InlineData(Light.Red, 40.0, 0, "（红灯原因：落后超过 30 个百分点）")]
    [InlineData(Light.Red, 20.0, 2, "（红灯原因：节点「节点1」「节点2」已逾期，最早应于2025年第4季度完成）")]
    [InlineData(Light.Red, 40.0, 5, "（红灯原因：节点「节点1」「节点2」「节点3」等 5 个已逾期，最早应于2025年第1季度完成；落后超过 30 个百分点）")]
    public void A_red_row_says_what_made_it_red(Light light, double behind, int overdue, string? cause) =>
        Assert.Equal(cause, LaggardRule.RedCause(light, (decimal)behind,
            Enumerable.Range(1, overdue).Select(i => ($"节点{i}", Enumerable.Range(0, overdue - i).Aggregate(Period.Parse("2026Q1"), (p, _) => p.Previous))).ToList(), 30));

    [Fact]
    public async Task A_row_with_an_open_item_links_to_it_instead_of_offering_a_second()
    {
        await using var own = new AppFactory();
        var office = await own.SignedIn("office");
        var html = await office.GetStringAsync("/laggards?period=2026Q3");
        var row = Regex.Matches(html, "<tr data-kind=\"WorkItem\">.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).First(r => r.Contains("夯实产业基础设施"));
        var href = System.Net.WebUtility.HtmlDecode(Regex.Match(row, "data-open-supervision href=\"([^\"]+)\"").Groups[1].Value);
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), href).Query);
        var opened = await GzBioPlan.Tests.Flagship.FlagshipTests.Post(office, "/supervision/new",
            [new("_handler", "open-item"), new("Input.Title", form["title"]!), new("Input.Addressee", $"{form["kind"]}:{form["addressee"]}"), new("Input.Due", "2026-12-31"),
             new("Input.Requirement", "请加快菌种库建设。"), new("Input.Source", form["source"]!)], href);
        var id = opened.Headers.Location!.OriginalString.Split('/').Last();
        // Next quarter too: the row's page is the same task, whatever quarter it shows.
        foreach (var q in new[] { "2026Q3", "2026Q4" })
        {
            var again = Regex.Matches(await office.GetStringAsync($"/laggards?period={q}"), "<tr data-kind=\"WorkItem\">.*?</tr>", RegexOptions.Singleline)
                .Select(m => m.Value).FirstOrDefault(r => r.Contains("夯实产业基础设施"));
            if (again is null) continue;
            Assert.Contains($"data-open-item=\"{id}\"", again);
            Assert.DoesNotContain("data-open-supervision", again);
        }
    }

    [Fact]
    public async Task The_office_sees_everything_behind_with_who_answers_for_it()
    {
        var html = await (await app.SignedIn("office")).GetStringAsync("/laggards?period=2026Q3");
        string Row(string kind, string text) => Regex.Matches(html, $"<tr data-kind=\"{kind}\">.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).First(r => r.Contains(text));

        var task3 = Row("WorkItem", "夯实产业基础设施");
        Assert.Contains("市科技局", task3);
        Assert.Contains("落后 24.2 个百分点", task3); // rolled up from its demo breakdown, red for an overdue milestone
        Assert.Contains("恶化", task3);
        Assert.Matches("红灯原因：节点「.+」.*20\\d\\d年第\\d季度完成", task3); // 24.2 points is yellow by itself: the overdue milestone made it red
        Assert.Contains("菌种库、元件库建成并对外提供服务", Row("Milestone", "菌种库"));
        Assert.Contains("市工业和信息化局、市发展改革委、市科技局", Row("Target", "创新引领型企业")); // 三(五)'s lead units answer for it
        Assert.Equal(11, Regex.Matches(html, "data-kind=\"Submission\"").Count); // demo data has no submission records
        Assert.Equal(3, Regex.Matches(html, "<tr data-unit=").Count);
        Assert.Equal(11, Regex.Matches(html, "<tr data-district=").Count); // the districts' league beside the units'
        Assert.Contains("href=\"/laggards?period=2026Q3&amp;sort=bio_firms\"", html);
    }

    [Fact]
    public async Task A_lead_unit_that_did_not_report_is_listed_for_as_long_as_it_has_not()
    {
        app.WithDb(db => db.ProgressReports.Where(r => r.UnitCode == "kjj" && r.WorkItemCode == "task-6"
            && (r.Period == Period.Parse("2026Q2") || r.Period == Period.Parse("2026Q3"))).ExecuteDelete());
        var html = await (await app.SignedIn("leader")).GetStringAsync("/laggards?period=2026Q3");
        var row = Regex.Matches(html, "<tr data-kind=\"MissingProgressReport\">.*?</tr>", RegexOptions.Singleline).Single().Value;
        Assert.Contains("营造良好产业生态", row);
        Assert.Contains("市科技局", row);
        Assert.Contains("<td class=\"num\">2</td>", row);
    }

    [Fact]
    public async Task The_review_exports_and_is_served_as_json()
    {
        var leader = await app.SignedIn("leader");
        var sheets = WorkbookReader.Read(await leader.GetByteArrayAsync("/export/laggards.xlsx?period=2026Q3"));
        Assert.Contains(sheets["滞后事项"], r => r[1] as string == "三（三）夯实产业基础设施" && r[2] as string == "市科技局");
        Assert.Equal(3, sheets["市直部门排名"].Count - 2);
        Assert.Equal(11, sheets["各区排名"].Count - 2);

        var rows = await leader.GetFromJsonAsync<JsonElement>("/api/v1/laggards?period=2026Q3");
        var task3 = rows.EnumerateArray().First(r => r.GetProperty("item").GetString()!.Contains("夯实产业基础设施"));
        Assert.Equal("WorkItem", task3.GetProperty("kind").GetString());
        Assert.Equal("Red", task3.GetProperty("light").GetString()); // a breakdown milestone is overdue
        Assert.Equal("Worse", task3.GetProperty("trend").GetString());
        Assert.True(task3.GetProperty("quartersBehind").GetInt32() >= 1);
    }

    [Fact]
    public async Task District_offices_do_not_see_the_city_review()
    {
        var district = await app.SignedIn("huangpu");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/laggards")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/api/v1/laggards?period=2026Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/laggards")).StatusCode);
    }
}

public class NotStartedTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(0, Light.None)]
    [InlineData(1, Light.Yellow)]
    [InlineData(2, Light.Red)]
    [InlineData(5, Light.Red)]
    public void Not_started_turns_yellow_then_red(int quarters, Light light) => Assert.Equal(light, LaggardRule.NotStarted(quarters, 1, 2));

    [Fact]
    public async Task An_item_reported_not_started_for_two_quarters_is_red_in_the_review()
    {
        app.WithDb(db => db.ProgressReports.Where(r => r.UnitCode == "gxj" && r.WorkItemCode == "measure-1"
                && (r.Period == Period.Parse("2026Q2") || r.Period == Period.Parse("2026Q3")))
            .ExecuteUpdate(s => s.SetProperty(r => r.Status, GzBioPlan.Domain.Progress.ProgressStatus.NotStarted)));
        var html = await (await app.SignedIn("office")).GetStringAsync("/laggards?period=2026Q3");
        var row = Regex.Matches(html, "<tr data-kind=\"NotStarted\">.*?</tr>", RegexOptions.Singleline).Single().Value;
        Assert.Contains("强化组织领导", row);
        Assert.Contains("市工业和信息化局", row);
        Assert.Contains("连续 2 个季度", row);
        Assert.Contains("data-light=\"Red\"", row);
    }
}
