using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Breakdown;

/// <summary>任务分解: the office's edits and their history, milestone reports from owners, roll-up, carry and who may do what.</summary>
public class BreakdownTests(AppFactory fixture) : IClassFixture<AppFactory>
{
    private readonly AppFactory app = fixture.UsedOn(FixedClock.While2026Q1IsReported);

    private static async Task<string> Post(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync(page));
        var response = await client.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private async Task<long> AddSubItem(HttpClient office, string item, string title, string owner, string? weight = null, string start = "2026Q1")
    {
        var url = await Post(office, $"/breakdown/{item}?period=2026Q3", $"/breakdown/{item}/subitems", new()
        {
            ["period"] = "2026Q3", ["part"] = "1", ["title"] = title, ["owner"] = owner, ["weight"] = weight ?? "", ["start"] = start, ["indicator"] = "", ["target"] = "",
        });
        Assert.Contains("done=added", url);
        return app.WithDb(db => db.SubItems.Where(s => s.WorkItemCode == item && s.Title == title).Select(s => s.Id).Single());
    }

    private async Task<long> AddMilestone(HttpClient office, string item, long subItem, string title, string due, string? weight = null)
    {
        var url = await Post(office, $"/breakdown/{item}?period=2026Q3", $"/breakdown/subitems/{subItem}/milestones", new()
        {
            ["item"] = item, ["period"] = "2026Q3", ["title"] = title, ["due"] = due, ["weight"] = weight ?? "",
        });
        Assert.Contains("done=added", url);
        return app.WithDb(db => db.Milestones.Where(m => m.SubItemId == subItem && m.Title == title).Select(m => m.Id).Single());
    }

    [Fact]
    public async Task Owners_report_milestones_and_progress_rolls_up_weighted_into_the_task()
    {
        var office = await app.SignedIn("office");
        var projects = await AddSubItem(office, "task-5", "重点项目储备库", "Unit:kjj", weight: "60");
        var park = await AddSubItem(office, "task-5", "黄埔区项目落地", "District:440112");
        var m1 = await AddMilestone(office, "task-5", projects, "储备库建立", "2026Q2", "50");
        var m2 = await AddMilestone(office, "task-5", projects, "入库项目开工", "2026Q4", "50");
        var m3 = await AddMilestone(office, "task-5", park, "首批项目签约", "2026Q3");

        // The lead unit reports its milestones with its narrative; with a breakdown it types no overall figure.
        var kjj = await app.SignedIn("kjj");
        var kjjPage = await kjj.GetStringAsync("/progress?period=2026Q3");
        Assert.Contains($"name=\"m{m1}\"", kjjPage);
        Assert.DoesNotContain($"name=\"m{m3}\"", kjjPage); // 黄埔区's milestone
        Assert.Contains("done=saved", await Post(kjj, "/progress?period=2026Q3", "/progress/report", new()
        {
            ["period"] = "2026Q3", ["item"] = "task-5", ["part"] = "1", ["status"] = "InProgress", ["narrative"] = "储备库已建立",
            [$"m{m1}"] = "100", [$"m{m2}"] = "40",
        }));
        // Saving again records only the milestones whose figure changed.
        var saves = app.WithDb(db => db.MilestoneReports.Count(r => r.MilestoneId == m1 || r.MilestoneId == m2));
        await Post(kjj, "/progress?period=2026Q3", "/progress/report", new()
        {
            ["period"] = "2026Q3", ["item"] = "task-5", ["part"] = "1", ["status"] = "InProgress", ["narrative"] = "储备库已建立，入库项目筹备开工", [$"m{m1}"] = "100", [$"m{m2}"] = "41",
        });
        Assert.Equal(saves + 1, app.WithDb(db => db.MilestoneReports.Count(r => r.MilestoneId == m1 || r.MilestoneId == m2)));
        await Post(kjj, "/progress?period=2026Q3", "/progress/report", new()
        {
            ["period"] = "2026Q3", ["item"] = "task-5", ["part"] = "1", ["status"] = "InProgress", ["narrative"] = "储备库已建立", [$"m{m1}"] = "100", [$"m{m2}"] = "40",
        });
        // The district reports its own milestone on 节点进展.
        var huangpu = await app.SignedIn("huangpu");
        Assert.Contains($"name=\"m{m3}\"", await huangpu.GetStringAsync("/progress?period=2026Q3"));
        Assert.Contains("done=saved", await Post(huangpu, "/progress?period=2026Q3", "/progress/milestones", new() { ["period"] = "2026Q3", [$"m{m3}"] = "50" }));

        // 重点项目储备库: (100×50 + 40×50)/100 = 70 against (100 + 75)/2 = 87.5; 黄埔区项目落地: 50 against 100.
        // Unweighted 黄埔区项目落地 counts as the mean of the set weights (60), so the task is (70 + 50)/2 = 60 against 93.75.
        var leader = await app.SignedIn("leader");
        var breakdown = await leader.GetFromJsonAsync<JsonElement>("/api/v1/breakdown?period=2026Q3&item=task-5");
        Assert.Equal([70m, 50m], breakdown.EnumerateArray().Select(s => s.GetProperty("progress").GetDecimal()));
        Assert.Equal([87.5m, 100m], breakdown.EnumerateArray().Select(s => s.GetProperty("expected").GetDecimal()));
        Assert.Equal("Red", breakdown[1].GetProperty("light").GetString()); // 50 points behind
        var progress = await leader.GetFromJsonAsync<JsonElement>("/api/v1/progress?period=2026Q3");
        var task5 = progress.GetProperty("workItems").EnumerateArray().Single(w => w.GetProperty("code").GetString() == "task-5");
        Assert.Equal(60m, task5.GetProperty("progress").GetDecimal());
        Assert.Equal(93.8m, task5.GetProperty("expected").GetDecimal());
        // The unit's report keeps the roll-up as it stood when saved: before 黄埔区 reported, (70 + 0)/2.
        Assert.Equal(35m, app.WithDb(db => db.ProgressReports.Where(r => r.WorkItemCode == "task-5" && r.UnitCode == "kjj" && r.Period == Period.Parse("2026Q3"))
            .OrderBy(r => r.Id).Last().ProgressPercent));

        // The next quarter starts from the last figures reported.
        var next = await leader.GetFromJsonAsync<JsonElement>("/api/v1/breakdown?period=2026Q4&item=task-5");
        Assert.Equal(40m, next[0].GetProperty("milestones")[1].GetProperty("completion").GetDecimal());
        Assert.True(next[1].GetProperty("milestones")[0].GetProperty("overdue").GetBoolean());

        // Owners who have not yet reported their unfinished milestones for a quarter are listed in the review.
        static IEnumerable<string> Unreported(JsonElement rows) => rows.EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "MissingMilestoneReport").Select(r => r.GetProperty("item").GetString() + "|" + r.GetProperty("responsible").GetString());
        Assert.DoesNotContain("三（五）黄埔区项目落地|黄埔区", Unreported(await leader.GetFromJsonAsync<JsonElement>("/api/v1/laggards?period=2026Q3")));
        Assert.Contains("三（五）黄埔区项目落地|黄埔区", Unreported(await leader.GetFromJsonAsync<JsonElement>("/api/v1/laggards?period=2026Q4")));

        var taskPage = await leader.GetStringAsync("/tasks/task-5?period=2026Q3");
        Assert.Contains("重点项目储备库", taskPage);
        Assert.Contains("60%", taskPage);
    }

    [Fact]
    public async Task Every_change_is_kept_field_by_field_and_retired_items_leave_the_roll_up()
    {
        var office = await app.SignedIn("office");
        var a = await AddSubItem(office, "task-6", "营商环境专项", "Unit:swj", weight: "60");
        var b = await AddSubItem(office, "task-6", "产业联盟组建", "Unit:gxj");
        var m = await AddMilestone(office, "task-6", b, "联盟成立", "2026Q4");
        await AddMilestone(office, "task-6", a, "专项政策出台", "2026Q4");

        Assert.Contains("done=saved", await Post(office, "/breakdown/task-6?period=2026Q3", $"/breakdown/subitems/{a}", new()
        {
            ["item"] = "task-6", ["period"] = "2026Q3", ["part"] = "1", ["title"] = "营商环境专项", ["owner"] = "Unit:swj", ["weight"] = "30", ["start"] = "2026Q1",
            ["indicator"] = "bio_firms", ["target"] = "1200",
        }));
        var changesBefore = app.WithDb(db => db.BreakdownChanges.Count(c => c.WorkItemCode == "task-6"));
        // Saving the same values again is not a change.
        await Post(office, "/breakdown/task-6?period=2026Q3", $"/breakdown/subitems/{a}", new()
        {
            ["item"] = "task-6", ["period"] = "2026Q3", ["part"] = "1", ["title"] = "营商环境专项", ["owner"] = "Unit:swj", ["weight"] = "30", ["start"] = "2026Q1",
            ["indicator"] = "bio_firms", ["target"] = "1200",
        });
        Assert.Equal(changesBefore, app.WithDb(db => db.BreakdownChanges.Count(c => c.WorkItemCode == "task-6")));
        Assert.Contains("done=saved", await Post(office, "/breakdown/task-6?period=2026Q3", $"/breakdown/milestones/{m}", new()
        {
            ["item"] = "task-6", ["period"] = "2026Q3", ["title"] = "联盟正式成立", ["due"] = "2027Q1", ["weight"] = "",
        }));
        Assert.Contains("done=retired", await Post(office, "/breakdown/task-6?period=2026Q3", $"/breakdown/subitems/{b}/retire", new() { ["item"] = "task-6", ["period"] = "2026Q3" }));

        var page = await (await app.SignedIn("leader")).GetStringAsync("/breakdown/task-6?period=2026Q3");
        Assert.Contains("权重：60 → 30", page);
        Assert.Contains("衡量指标：无 → 生物制造企业数", page);
        Assert.Contains("名称：联盟成立 → 联盟正式成立；完成时限：2026年第4季度 → 2027年第1季度", page);
        Assert.Contains("撤销分解任务", page);
        Assert.Contains(">office<", page);
        Assert.DoesNotContain($"data-subitem=\"{b}\"", page);
        Assert.Contains("目标 1,200 家", page); // the indicator that measures it, with its target
        // Retired, not deleted: the row and its milestone stay for the history.
        Assert.True(app.WithDb(db => db.SubItems.Single(s => s.Id == b).Retired));
        Assert.Equal(7, app.WithDb(db => db.BreakdownChanges.Count(c => c.WorkItemCode == "task-6"))); // 4 added, 2 edited, 1 retired
        var api = await (await app.SignedIn("leader")).GetFromJsonAsync<JsonElement>("/api/v1/breakdown?period=2026Q3&item=task-6");
        Assert.Equal(1, api.GetArrayLength());
    }

    [Fact]
    public async Task Unfinished_milestones_are_carried_into_the_next_quarter_keeping_their_first_due_date()
    {
        var office = await app.SignedIn("office");
        var s = await AddSubItem(office, "measure-2", "产业基金设立", "Unit:jrb");
        var late = await AddMilestone(office, "measure-2", s, "基金完成注册", "2026Q3");
        var done = await AddMilestone(office, "measure-2", s, "设立方案获批", "2026Q2");
        var later = await AddMilestone(office, "measure-2", s, "首期资金到位", "2027Q2");
        app.WithDb(db =>
        {
            db.MilestoneReports.Add(new MilestoneReport { MilestoneId = done, Period = Period.Parse("2026Q2"), Percent = 100, ReporterKind = GzBioPlan.Domain.Plan.PartyKind.Unit, ReporterCode = "jrb", ReportedAt = DateTimeOffset.UtcNow });
            return db.SaveChanges();
        });

        var url = await Post(office, "/breakdown/measure-2?period=2026Q3", "/breakdown/carry", new() { ["item"] = "measure-2", ["period"] = "2026Q3" });
        Assert.Contains("done=carried-1", url);
        var carried = app.WithDb(db => db.Milestones.Single(m => m.Id == late));
        Assert.Equal((Period.Parse("2026Q4"), Period.Parse("2026Q3"), 1), (carried.Due, carried.OriginalDue, carried.TimesCarried));
        Assert.Equal(Period.Parse("2027Q2"), app.WithDb(db => db.Milestones.Single(m => m.Id == later).Due));

        var page = await office.GetStringAsync("/breakdown/measure-2?period=2026Q4");
        Assert.Contains("原定2026年第3季度，已结转1次", page);
        // The quarter reviewed still reads as it stood, and offers nothing more to carry.
        var reviewed = await office.GetStringAsync("/breakdown/measure-2?period=2026Q3");
        Assert.Contains("都已完成或已结转", reviewed);
        Assert.DoesNotContain("已结转1次", reviewed);
        Assert.Contains("结转下季度", page);
        Assert.Contains("error=nothing-to-carry", await Post(office, "/breakdown/measure-2?period=2026Q3", "/breakdown/carry", new() { ["item"] = "measure-2", ["period"] = "2026Q3" }));
        Assert.Contains("error=carry-last", await Post(office, "/breakdown/measure-2?period=2027Q4", "/breakdown/carry", new() { ["item"] = "measure-2", ["period"] = "2027Q4" }));
        Assert.Contains("error=period", await Post(office, "/breakdown/measure-2?period=2026Q3", "/breakdown/carry", new() { ["item"] = "measure-2", ["period"] = "2031Q1" }));
    }

    [Theory]
    [InlineData("title", "", "Unit:gxj", "", "", "", "2026Q1", "1")]
    [InlineData("owner", "分解", "", "", "", "", "2026Q1", "1")]
    [InlineData("owner", "分解", "Unit:nope", "", "", "", "2026Q1", "1")]
    [InlineData("owner", "分解", "Unit:all-districts", "", "", "", "2026Q1", "1")] // 各区政府 is not one owner: choose a district
    [InlineData("owner", "分解", "District:999999", "", "", "", "2026Q1", "1")]
    [InlineData("indicator", "分解", "Unit:gxj", "nope", "", "", "2026Q1", "1")]
    [InlineData("indicator-target", "分解", "Unit:gxj", "bio_firms", "-1", "", "2026Q1", "1")]
    [InlineData("indicator-target", "分解", "Unit:gxj", "", "5", "", "2026Q1", "1")] // a target needs its indicator
    [InlineData("weight", "分解", "Unit:gxj", "", "", "0", "2026Q1", "1")]
    [InlineData("weight", "分解", "Unit:gxj", "", "", "101", "2026Q1", "1")]
    [InlineData("weight", "分解", "Unit:gxj", "", "", "三十", "2026Q1", "1")]
    [InlineData("start", "分解", "Unit:gxj", "", "", "", "2031Q1", "1")]
    [InlineData("start", "分解", "Unit:gxj", "", "", "", "2024Q3", "1")]
    [InlineData("part", "分解", "Unit:gxj", "", "", "", "2026Q1", "9")]
    public async Task Bad_sub_items_are_refused_in_chinese_and_change_nothing(string error, string title, string owner, string indicator, string target, string weight, string start, string part)
    {
        var office = await app.SignedIn("office");
        var before = app.WithDb(db => (db.SubItems.Count(), db.BreakdownChanges.Count()));
        var url = await Post(office, "/breakdown/measure-3?period=2026Q3", "/breakdown/measure-3/subitems", new()
        {
            ["period"] = "2026Q3", ["part"] = part, ["title"] = title, ["owner"] = owner, ["indicator"] = indicator, ["target"] = target, ["weight"] = weight, ["start"] = start,
        });
        Assert.Contains("error=" + error, url);
        Assert.Contains(BreakdownEditingErrors(error), await office.GetStringAsync(url));
        Assert.Equal(before, app.WithDb(db => (db.SubItems.Count(), db.BreakdownChanges.Count())));
    }

    private static string BreakdownEditingErrors(string key) => GzBioPlan.Dashboard.Breakdown.BreakdownEditing.Errors[key];

    [Fact]
    public async Task Bad_milestones_and_milestone_reports_are_refused_and_change_nothing()
    {
        var office = await app.SignedIn("office");
        var s = await AddSubItem(office, "measure-4", "人才公寓筹建", "District:440112", start: "2026Q2");
        var m = await AddMilestone(office, "measure-4", s, "选址确定", "2026Q4");
        var changes = app.WithDb(db => db.BreakdownChanges.Count());
        foreach (var (due, title, error) in new[] { ("2026Q1", "早于开始", "due"), ("2028Q1", "方案之外", "due"), ("2026Q4", new string('长', 201), "title"), ("2026Q4", "  ", "title") })
        {
            var url = await Post(office, "/breakdown/measure-4?period=2026Q3", $"/breakdown/subitems/{s}/milestones", new() { ["item"] = "measure-4", ["period"] = "2026Q3", ["title"] = title, ["due"] = due });
            Assert.Contains("error=" + error, url);
        }
        Assert.Contains("error=start-after-due", await Post(office, "/breakdown/measure-4?period=2026Q3", $"/breakdown/subitems/{s}", new()
        {
            ["item"] = "measure-4", ["period"] = "2026Q3", ["part"] = "1", ["title"] = "人才公寓筹建", ["owner"] = "District:440112", ["start"] = "2027Q1",
        }));
        Assert.Contains("error=not-found", await Post(office, "/breakdown/measure-4?period=2026Q3", "/breakdown/milestones/999999", new() { ["item"] = "measure-4", ["period"] = "2026Q3", ["title"] = "x", ["due"] = "2026Q4" }));
        Assert.Equal(changes, app.WithDb(db => db.BreakdownChanges.Count()));

        // Milestone reports: only the owner, only 0–100, never in a locked quarter.
        var reports = app.WithDb(db => db.MilestoneReports.Count());
        var kjj = await app.SignedIn("kjj");
        Assert.Contains("error=milestone", await Post(kjj, "/progress?period=2026Q3", "/progress/milestones", new() { ["period"] = "2026Q3", [$"m{m}"] = "50" }));
        var huangpu = await app.SignedIn("huangpu");
        Assert.Contains("error=milestone", await Post(huangpu, "/progress?period=2026Q3", "/progress/milestones", new() { ["period"] = "2026Q3", [$"m{m}"] = "150" }));
        Assert.Contains("error=milestone", await Post(huangpu, "/progress?period=2026Q3", "/progress/milestones", new() { ["period"] = "2026Q3", [$"m{m}"] = "一半" }));
        Assert.Contains("error=milestone", await Post(kjj, "/progress?period=2026Q3", "/progress/report", new()
        {
            ["period"] = "2026Q3", ["item"] = "task-3", ["part"] = "1", ["status"] = "InProgress", ["narrative"] = "x", [$"m{m}"] = "50",
        }));
        await Post(office, "/progress?period=2026Q2", "/progress/lock", new() { ["period"] = "2026Q2" });
        Assert.Contains("error=locked", await Post(huangpu, "/progress?period=2026Q2", "/progress/milestones", new() { ["period"] = "2026Q2", [$"m{m}"] = "50" }));
        Assert.Equal(reports, app.WithDb(db => db.MilestoneReports.Count()));
    }

    [Fact]
    public async Task Only_the_office_edits_the_breakdown_and_districts_do_not_read_it()
    {
        var subItems = app.WithDb(db => db.SubItems.Count());
        foreach (var user in new[] { "leader", "kjj", "huangpu", "admin" })
        {
            var client = await app.SignedIn(user);
            var token = AppFactory.Antiforgery(await client.GetStringAsync("/account/tokens"));
            foreach (var action in new[] { "/breakdown/measure-1/subitems", "/breakdown/carry", "/breakdown/subitems/1/retire", "/breakdown/milestones/1" })
            {
                var response = await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["period"] = "2026Q3", ["item"] = "task-3", ["title"] = "越权", ["owner"] = "Unit:gxj", ["start"] = "2026Q1", ["due"] = "2026Q4",
                }));
                Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
            }
        }
        Assert.Equal(subItems, app.WithDb(db => db.SubItems.Count()));

        var leader = await app.SignedIn("leader");
        Assert.Contains("菌种库建设", await leader.GetStringAsync("/breakdown/task-3?period=2026Q3"));
        Assert.DoesNotContain("data-add-subitem", await leader.GetStringAsync("/breakdown/task-3?period=2026Q3"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("huangpu")).GetAsync("/breakdown")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("huangpu")).GetAsync("/api/v1/breakdown")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/breakdown/no-such-item")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/api/v1/breakdown?item=no-such-item")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/breakdown")).StatusCode);
        // Without a valid antiforgery token the office's own post changes nothing.
        var office = await app.SignedIn("office");
        var forged = await office.PostAsync("/breakdown/measure-1/subitems", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["period"] = "2026Q3", ["part"] = "1", ["title"] = "伪造", ["owner"] = "Unit:gxj", ["start"] = "2026Q1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(subItems, app.WithDb(db => db.SubItems.Count()));
    }

    [Fact]
    public async Task A_reviewed_quarter_takes_no_new_start_or_due_and_a_new_sub_item_counts_from_the_quarter_being_reported()
    {
        app.Clock.Now = FixedClock.Default; // 2026-11-23: 2026Q3's deadline has passed, 2026Q4 is being reported
        var leader = await app.SignedIn("leader");
        async Task<decimal?> Task2(string period) =>
            (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/progress?period={period}")).GetProperty("workItems").EnumerateArray()
                .Single(w => w.GetProperty("code").GetString() == "task-2").GetProperty("progress").GetDecimal();
        var reviewQ3 = await leader.GetStringAsync("/api/v1/laggards?period=2026Q3");
        var unitsQ3 = await Task2("2026Q3");
        var office = await app.SignedIn("office");

        var page = await office.GetStringAsync("/breakdown/task-2?period=2026Q3");
        var starts = System.Text.RegularExpressions.Regex.Match(page, "<select name=\"start\">(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.StartsWith("<option value=\"2026Q4\" selected", starts.Trim()); // the quarter being reported, nothing earlier offered
        Assert.DoesNotContain("2026Q3", starts);

        var refused = await Post(office, "/breakdown/task-2?period=2026Q3", "/breakdown/task-2/subitems", new()
        {
            ["period"] = "2026Q3", ["part"] = "1", ["title"] = "补录的分解任务", ["owner"] = "Unit:kjj", ["start"] = "2026Q3",
        });
        Assert.Contains("error=start-reviewed", refused);
        Assert.Contains("报送已结束", await office.GetStringAsync(refused));
        Assert.False(app.WithDb(db => db.SubItems.Any(x => x.Title == "补录的分解任务")));

        var s = await AddSubItem(office, "task-2", "中试平台建设", "Unit:kjj", start: "2026Q4");
        var early = await Post(office, "/breakdown/task-2?period=2026Q3", $"/breakdown/subitems/{s}/milestones", new()
        {
            ["item"] = "task-2", ["period"] = "2026Q3", ["title"] = "补录节点", ["due"] = "2026Q3", ["weight"] = "",
        });
        Assert.Contains("error=", early); // before its sub-item's start, and in a reviewed quarter
        var m = await AddMilestone(office, "task-2", s, "中试平台投用", "2026Q4");

        Assert.Equal(reviewQ3, await leader.GetStringAsync("/api/v1/laggards?period=2026Q3")); // the reviewed quarter is as it was
        Assert.Equal(unitsQ3, await Task2("2026Q3"));
        Assert.Contains((await leader.GetFromJsonAsync<JsonElement>("/api/v1/laggards?period=2026Q4")).EnumerateArray(),
            r => r.GetProperty("kind").GetString() == "MissingMilestoneReport" && r.GetProperty("item").GetString() == "三（二）中试平台建设");
        var kjj = await app.SignedIn("kjj");
        Assert.Contains("done=saved", await Post(kjj, "/progress?period=2026Q4", "/progress/milestones", new() { ["period"] = "2026Q4", [$"m{m}"] = "50" }));
        Assert.Equal(50m, await Task2("2026Q4")); // from its first figure the breakdown counts
        Assert.Equal(unitsQ3, await Task2("2026Q3"));
    }

    [Fact]
    public async Task Tampered_form_values_are_a_400_and_change_nothing()
    {
        var office = await app.SignedIn("office");
        var subItems = app.WithDb(db => db.SubItems.Count());
        var token = AppFactory.Antiforgery(await office.GetStringAsync("/breakdown/task-3"));
        var response = await office.PostAsync("/breakdown/task-3/subitems", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["period"] = "2026Q3", ["part"] = "abc", ["title"] = "x", ["owner"] = "Unit:kjj", ["start"] = "2026Q1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(subItems, app.WithDb(db => db.SubItems.Count()));
        var kjj = await app.SignedIn("kjj");
        var report = await kjj.PostAsync("/progress/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await kjj.GetStringAsync("/progress")), ["period"] = "2026Q3", ["item"] = "task-1", ["part"] = "1",
            ["status"] = "Bogus", ["percent"] = "1", ["narrative"] = "x",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, report.StatusCode);
    }

    [Fact]
    public async Task A_unit_and_a_district_see_the_sub_items_they_own_on_their_pages_and_exports()
    {
        var huangpu = await app.SignedIn("huangpu");
        var district = await huangpu.GetStringAsync("/districts/440112?period=2026Q3");
        Assert.Contains("高效酶制剂和底盘细胞攻关", district);
        Assert.Contains("黄埔区生物制造产业园区规划建设", district);
        Assert.DoesNotContain("南沙区生物制造载体布局", district);
        Assert.DoesNotContain("href=\"/breakdown/", district); // a page the district may not open
        Assert.Contains("/progress?period=2026Q3#milestones", district);
        var kjj = await app.SignedIn("kjj");
        Assert.Contains("菌种库建设", await kjj.GetStringAsync("/units/kjj?period=2026Q3"));
        var sheets = WorkbookReader.Read(await kjj.GetByteArrayAsync("/export/units/kjj.xlsx?period=2026Q3"));
        Assert.Contains(sheets["分解任务"], r => r[0] as string == "三（三）夯实产业基础设施" && r[1] as string == "菌种库建设" && r[7] as string == "严重滞后");
    }

    [Fact]
    public async Task The_laggard_review_names_overdue_milestones_and_lagging_sub_items_with_their_owner()
    {
        var review = await (await app.SignedIn("office")).GetFromJsonAsync<JsonElement>("/api/v1/laggards?period=2026Q3");
        var rows = review.EnumerateArray().ToList();
        var overdue = rows.Single(r => r.GetProperty("item").GetString() == "三（三）菌种库建设：库房及信息系统建成，对外提供保藏服务");
        Assert.Equal("市科技局", overdue.GetProperty("responsible").GetString());
        Assert.Equal(1, overdue.GetProperty("quartersBehind").GetInt32()); // due 2026Q2
        Assert.Contains(rows, r => r.GetProperty("item").GetString() == "三（四）黄埔区生物制造产业园区规划建设：首批项目入园"
            && r.GetProperty("responsible").GetString() == "黄埔区");
        Assert.Contains(rows, r => r.GetProperty("item").GetString() == "三（三）高效酶制剂和底盘细胞攻关" && r.GetProperty("light").GetString() is "Yellow" or "Red");
    }

    [Fact]
    public async Task The_breakdown_workbook_lists_every_milestone_and_the_history_with_hostile_text_neutralised()
    {
        var office = await app.SignedIn("office");
        await AddSubItem(office, "measure-1", "=HYPERLINK(\"http://x\")<script>", "Unit:fgw");
        var page = await office.GetStringAsync("/breakdown/measure-1?period=2026Q3");
        Assert.Contains("&lt;script&gt;", page);
        Assert.DoesNotContain("<script>\"", page);

        var bytes = await office.GetByteArrayAsync("/export/breakdown.xlsx?period=2026Q3");
        var sheets = WorkbookReader.Read(bytes);
        Assert.Equal(["任务分解", "变更记录"], sheets.Keys);
        Assert.Contains(sheets["任务分解"], r => r[0] as string == "task-3" && r[3] as string == "菌种库建设" && r[11] as string == "库房及信息系统建成，对外提供保藏服务" && r[18] as string == "是");
        // Text Excel would run as a formula comes back as text with a leading apostrophe, and no cell holds a formula.
        Assert.Contains(sheets["任务分解"], r => r[3] as string == "'=HYPERLINK(\"http://x\")<script>");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        Assert.All(zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/")), e => Assert.DoesNotContain("<f>", new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains(sheets["变更记录"], r => r[2] as string == "新增分解任务" && r[4] as string == "office");
    }
}
