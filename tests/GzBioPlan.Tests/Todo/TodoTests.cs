using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GzBioPlan.Dashboard.Cockpit;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Todo;

/// <summary>待办 for each role, its count in the menu, and the notification centre with read and unread per person.</summary>
public class TodoTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateTimeOffset Day(string date) => FixedClock.On(date);

    private static int MenuCount(string html) => int.Parse(Regex.Match(html, "data-todo-count=\"(\\d+)\"").Groups[1].Value);

    private static List<string> Todos(string html) =>
        Regex.Matches(html, "<li data-todo-kind=\"([a-z-]+)\"[^>]*><a href=\"([^\"]+)\">([^<]+)</a>").Select(m => $"{m.Groups[1].Value} {m.Groups[3].Value}").ToList();

    private static async Task<HttpResponseMessage> Post(HttpClient client, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync("/todo"));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_district_is_told_its_quarter_to_report_then_that_it_is_late()
    {
        app.UsedOn(Day("2026-10-10"));
        var district = await app.SignedIn("huangpu");
        var todo = await district.GetStringAsync("/todo");
        Assert.Contains("report 报送2026年第3季度报表，截止 2026年10月15日", Todos(todo));
        Assert.True(MenuCount(todo) >= 1);
        Assert.Contains("我的待办", await district.GetStringAsync("/districts/440112")); // its landing page
        Assert.DoesNotContain("我的待办", await (await app.SignedIn("office")).GetStringAsync("/districts/440112")); // not the office's own list on a district's page

        app.UsedOn(Day("2026-10-20"));
        var late = await (await app.SignedIn("huangpu")).GetStringAsync("/todo"); // ten days on: a new session
        Assert.Contains("report 报送2026年第3季度报表，截止 2026年10月15日，已逾期 5 天", Todos(late));
        Assert.Contains("class=\"urgent\"", late);
    }

    [Fact]
    public async Task Units_have_their_progress_reports_and_supervision_the_office_what_to_review_and_close()
    {
        app.UsedOn(Day("2027-01-05")); // 2026Q4 being reported: no unit has reported it yet
        app.WithDb(db =>
        {
            db.SupervisionItems.Add(new SupervisionItem { Title = "菌种库方案", Requirement = "报方案", AddresseeKind = PartyKind.Unit, AddresseeCode = "kjj",
                DueDate = new DateOnly(2027, 1, 20), Status = SupervisionStatus.Opened, OpenedBy = "office", OpenedAt = Day("2026-12-20") });
            db.SupervisionItems.Add(new SupervisionItem { Title = "中试平台用地", Requirement = "落实用地", AddresseeKind = PartyKind.District, AddresseeCode = "440112",
                DueDate = new DateOnly(2026, 12, 31), Status = SupervisionStatus.Acknowledged, OpenedBy = "office", OpenedAt = Day("2026-12-01") });
            db.SupervisionItems.Add(new SupervisionItem { Title = "龙头企业培育", Requirement = "报名单", AddresseeKind = PartyKind.Unit, AddresseeCode = "gxj",
                DueDate = new DateOnly(2027, 2, 1), Status = SupervisionStatus.CloseRequested, OpenedBy = "office", OpenedAt = Day("2026-12-01") });
            return db.SaveChanges();
        });

        var unit = Todos(await (await app.SignedIn("kjj")).GetStringAsync("/todo"));
        Assert.Contains(unit, t => t.StartsWith("progress 报告2026年第4季度进展：") && t.EndsWith("截止 2027年1月15日"));
        Assert.Contains("supervision 签收督办：菌种库方案（期限 2027年1月20日）", unit);
        Assert.DoesNotContain(unit, t => t.Contains("中试平台用地") || t.Contains("龙头企业培育")); // others' items

        var district = Todos(await (await app.SignedIn("huangpu")).GetStringAsync("/todo"));
        Assert.Contains("supervision 报告督办进展：中试平台用地（期限 2026年12月31日）", district);

        var office = Todos(await (await app.SignedIn("office")).GetStringAsync("/todo"));
        Assert.Contains("close 审核办结申请：龙头企业培育", office);
        Assert.Contains("overdue 督办逾期 5 天：中试平台用地", office);
        Assert.DoesNotContain(office, t => t.StartsWith("progress") || t.StartsWith("report"));
    }

    [Fact]
    public async Task Leaders_read_the_offices_judgements_in_their_notification_centre_each_for_themselves()
    {
        app.UsedOn(Day("2026-11-23"));
        var office = await app.SignedIn("office");
        var judged = await office.PostAsync("/targets/target-1/judgements", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await office.GetStringAsync("/targets/target-1?period=2026Q3")),
            ["period"] = "2026Q3", ["rating"] = "AmberRed", ["rationale"] = "两家企业认定推迟", ["actions"] = "专题调度",
        }));
        Assert.Equal(HttpStatusCode.Redirect, judged.StatusCode);

        var leader = await app.SignedIn("leader");
        var page = await leader.GetStringAsync("/todo");
        var notice = Regex.Match(page, "<tr data-notice=\"(\\d+)\" class=\"unread\">.*?协调办对「创新引领型企业」作出2026年第3季度研判：黄红。", RegexOptions.Singleline);
        Assert.True(notice.Success);
        Assert.Contains("href=\"/targets/target-1?period=2026Q3\"", page);
        var before = MenuCount(page);
        Assert.True(before >= 1);
        Assert.Contains("我的待办", await leader.GetStringAsync("/")); // on the cockpit, the leader's landing page
        Assert.DoesNotContain("作出2026年第3季度研判", await office.GetStringAsync("/todo")); // leaders' notices are not the office's

        // The office cannot mark a leader's notice read for the leader; the leader can.
        await Post(office, "/todo/read", new() { ["id"] = notice.Groups[1].Value });
        Assert.Equal(before, MenuCount(await leader.GetStringAsync("/todo")));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(leader, "/todo/read", new() { ["id"] = notice.Groups[1].Value })).StatusCode);
        var after = await leader.GetStringAsync("/todo");
        Assert.Equal(before - 1, MenuCount(after));
        Assert.Matches($"<tr data-notice=\"{notice.Groups[1].Value}\" class=\"\">", after);

        // Without the form's token nothing is marked.
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsync("/todo/read", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/todo")).StatusCode);
    }

    [Fact]
    public async Task When_a_quarter_closes_leaders_are_told_what_turned_red_in_it()
    {
        app.UsedOn(Day("2026-11-23"));
        await app.RunJob(QuarterCloseJob.Key);
        var leader = await app.SignedIn("leader");
        var now = await leader.GetFromJsonAsync<ProgressDto>("/api/v1/progress?period=2026Q3", TestContext.Current.CancellationToken);
        var before = await leader.GetFromJsonAsync<ProgressDto>("/api/v1/progress?period=2026Q2", TestContext.Current.CancellationToken);
        var wasRed = before!.Targets.Where(t => t.Light == GzBioPlan.Domain.Rules.Light.Red).Select(t => t.Code)
            .Concat(before.WorkItems.Where(w => w.Light == GzBioPlan.Domain.Rules.Light.Red).Select(w => w.Code)).ToHashSet();
        var newReds = now!.Targets.Where(t => t.Light == GzBioPlan.Domain.Rules.Light.Red && !wasRed.Contains(t.Code)).Select(t => t.Name)
            .Concat(now.WorkItems.Where(w => w.Light == GzBioPlan.Domain.Rules.Light.Red && !wasRed.Contains(w.Code)).Select(w => w.Title)).ToList();
        var page = await leader.GetStringAsync("/todo");
        if (newReds.Count == 0)
        {
            Assert.DoesNotContain("新增严重滞后", page);
            return;
        }
        Assert.Contains($"2026年第3季度报送结束，新增严重滞后 {newReds.Count} 项", page);
        Assert.All(newReds, name => Assert.Contains(name, page));

        await app.RunJob(QuarterCloseJob.Key); // a second run posts nothing more
        Assert.Single(Regex.Matches(await leader.GetStringAsync("/todo"), "新增严重滞后"));
    }
}
