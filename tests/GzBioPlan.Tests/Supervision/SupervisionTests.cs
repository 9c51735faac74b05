using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Supervision;

public class SupervisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(SupervisionStatus.Opened, SupervisionAction.Acknowledge, false, true, SupervisionStatus.Acknowledged)]
    [InlineData(SupervisionStatus.Opened, SupervisionAction.Acknowledge, true, false, null)]          // the office does not sign for the addressee
    [InlineData(SupervisionStatus.Opened, SupervisionAction.RequestClose, false, true, null)]         // sign first
    [InlineData(SupervisionStatus.Acknowledged, SupervisionAction.Progress, false, true, SupervisionStatus.Acknowledged)]
    [InlineData(SupervisionStatus.Acknowledged, SupervisionAction.RequestClose, false, true, SupervisionStatus.CloseRequested)]
    [InlineData(SupervisionStatus.Acknowledged, SupervisionAction.Close, true, false, null)]          // only on request
    [InlineData(SupervisionStatus.CloseRequested, SupervisionAction.Close, true, false, SupervisionStatus.Closed)]
    [InlineData(SupervisionStatus.CloseRequested, SupervisionAction.Close, false, true, null)]        // the addressee cannot close its own item
    [InlineData(SupervisionStatus.CloseRequested, SupervisionAction.SendBack, true, false, SupervisionStatus.Acknowledged)]
    [InlineData(SupervisionStatus.Closed, SupervisionAction.Progress, false, true, null)]
    public void Who_may_take_which_step(SupervisionStatus from, SupervisionAction action, bool office, bool addressee, SupervisionStatus? to) =>
        Assert.Equal(to, SupervisionRule.Next(from, action, office, addressee));

    [Theory]
    [InlineData("2026-12-10", "2026-12-06", SupervisionStatus.Acknowledged, DueState.OnTime)]
    [InlineData("2026-12-10", "2026-12-07", SupervisionStatus.Acknowledged, DueState.NearDue)]
    [InlineData("2026-12-10", "2026-12-10", SupervisionStatus.Opened, DueState.NearDue)]
    [InlineData("2026-12-10", "2026-12-11", SupervisionStatus.CloseRequested, DueState.Overdue)]
    [InlineData("2026-12-10", "2027-01-11", SupervisionStatus.Closed, DueState.OnTime)]
    public void Due_state_turns_blue_then_red(string due, string today, SupervisionStatus status, DueState state) =>
        Assert.Equal(state, SupervisionRule.Due(DateOnly.Parse(due), DateOnly.Parse(today), status));

    private static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<long> Open(string title, string addressee = "Unit:kjj", string due = "2026-12-31", string? source = null)
    {
        var office = await app.SignedIn("office");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "open-item", ["Input.Title"] = title, ["Input.Addressee"] = addressee, ["Input.Due"] = due, ["Input.Requirement"] = "请于期限前完成并报告。",
        };
        if (source is not null) fields["Input.Source"] = source;
        var response = await Post(office, "/supervision/new", "/supervision/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData(" /laggards")]
    public async Task A_source_link_from_the_url_or_a_post_is_kept_only_as_a_path_on_this_site(string hostile)
    {
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/supervision/new?source=" + Uri.EscapeDataString(hostile));
        // The form posts back to its own address (the query string encoded in it); no link may lead off the site.
        Assert.DoesNotMatch(@"href=""[^""]*(evil\.example|javascript:)", page);
        Assert.DoesNotContain("来源：", page);

        var id = await Open("来源链接", source: hostile);
        Assert.Null(app.WithDb(db => db.SupervisionItems.Single(i => i.Id == id).SourceLink));
        Assert.DoesNotContain("来源</a>", await (await app.SignedIn("kjj")).GetStringAsync($"/supervision/{id}"));

        var local = await Open("本站来源", source: "/laggards?period=2026Q3");
        Assert.Equal("/laggards?period=2026Q3", app.WithDb(db => db.SupervisionItems.Single(i => i.Id == local).SourceLink));
    }

    [Theory]
    [InlineData("/laggards?period=2026Q3", true)]
    [InlineData("/", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("JAVASCRIPT:alert(1)", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/a\nb", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_local_paths_are_links(string? link, bool local) =>
        Assert.Equal(local ? link : null, GzBioPlan.Dashboard.Shared.Urls.LocalPath(link));

    [Fact]
    public async Task The_whole_loop_is_kept_step_by_step_in_the_ledger()
    {
        var id = await Open("夯实产业基础设施滞后");
        var kjj = await app.SignedIn("kjj");
        var page = $"/supervision/{id}";
        await Post(kjj, page, $"/supervision/{id}/step", new() { ["action"] = "Acknowledge" });
        await Post(kjj, page, $"/supervision/{id}/step", new() { ["action"] = "Progress", ["note"] = "菌种库选址已确定" });
        await Post(kjj, page, $"/supervision/{id}/step", new() { ["action"] = "RequestClose", ["note"] = "菌种库已开工建设" });
        var office = await app.SignedIn("office");
        await Post(office, page, $"/supervision/{id}/step", new() { ["action"] = "SendBack", ["note"] = "请补充开工证明" });
        await Post(kjj, page, $"/supervision/{id}/step", new() { ["action"] = "RequestClose", ["note"] = "已补充施工许可证" });
        // 销号 takes a comment: without one nothing changes.
        await Post(office, page, $"/supervision/{id}/step", new() { ["action"] = "Close" });
        Assert.Contains("data-status=\"CloseRequested\"", await office.GetStringAsync(page));
        await Post(office, page, $"/supervision/{id}/step", new() { ["action"] = "Close", ["note"] = "经核实施工许可证，同意销号。" });

        var html = await office.GetStringAsync(page);
        Assert.Contains("data-status=\"Closed\"", html);
        Assert.Contains("经核实施工许可证，同意销号。", html);
        var steps = Regex.Matches(html, "data-step=\"(\\w+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(["Open", "Acknowledge", "Progress", "RequestClose", "SendBack", "RequestClose", "Close"], steps);

        var api = await office.GetFromJsonAsync<JsonElement>("/api/v1/supervision");
        var item = api.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal("Closed", item.GetProperty("status").GetString());
        Assert.Equal(7, item.GetProperty("steps").GetArrayLength());
        Assert.DoesNotContain((await office.GetFromJsonAsync<JsonElement>("/api/v1/supervision?status=open")).EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);

        var ledger = WorkbookReader.Read(await office.GetByteArrayAsync("/export/supervision.xlsx"))["督办台账"];
        Assert.Equal(7, ledger.Count(r => r[0] is double n && (long)n == id));
    }

    [Fact]
    public async Task Steps_out_of_turn_or_by_others_change_nothing()
    {
        var id = await Open("南沙基地开工推迟", "District:440115");
        var page = $"/supervision/{id}";
        var kjj = await app.SignedIn("kjj");
        Assert.Equal(HttpStatusCode.Forbidden, (await kjj.GetAsync(page)).StatusCode); // not addressed to 市科技局
        var refused = await Post(kjj, "/supervision", $"/supervision/{id}/step", new() { ["action"] = "Acknowledge" });
        Assert.Contains("error=not-allowed", refused.Headers.Location!.OriginalString);
        var office = await app.SignedIn("office");
        Assert.Contains("error=not-allowed", (await Post(office, page, $"/supervision/{id}/step", new() { ["action"] = "Close" })).Headers.Location!.OriginalString);
        var leader = await app.SignedIn("leader");
        Assert.Contains("error=not-allowed", (await Post(leader, page, $"/supervision/{id}/step", new() { ["action"] = "Acknowledge" })).Headers.Location!.OriginalString);
        Assert.Equal(1, app.WithDb(db => db.SupervisionSteps.Count(s => s.ItemId == id)));
        Assert.Equal(SupervisionStatus.Opened, app.WithDb(db => db.SupervisionItems.Single(i => i.Id == id).Status));

        var forged = await leader.PostAsync($"/supervision/{id}/step", new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "Acknowledge", ["__RequestVerificationToken"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Only_the_office_opens_items_and_bad_input_is_told_in_chinese()
    {
        var leader = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/supervision/new")).StatusCode);
        var office = await app.SignedIn("office");
        var past = await Post(office, "/supervision/new", "/supervision/new", new()
        {
            ["_handler"] = "open-item", ["Input.Title"] = "x", ["Input.Addressee"] = "Unit:kjj", ["Input.Due"] = "2020-01-01", ["Input.Requirement"] = "y",
        });
        Assert.Contains("办理期限不能早于今天", await past.Content.ReadAsStringAsync());
        var nobody = await Post(office, "/supervision/new", "/supervision/new", new()
        {
            ["_handler"] = "open-item", ["Input.Title"] = "x", ["Input.Addressee"] = "Unit:nobody", ["Input.Due"] = "2026-12-31", ["Input.Requirement"] = "y",
        });
        Assert.Contains("请选择承办单位或区", await nobody.Content.ReadAsStringAsync());
        var note = await Post(await app.SignedIn("kjj"), "/supervision", $"/supervision/{await Open("说明必填")}/step", new() { ["action"] = "Acknowledge" });
        Assert.DoesNotContain("error", note.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_addressee_sees_only_its_items_and_the_ledger_marks_near_and_overdue()
    {
        var near = await Open("临近期限的事项", "Unit:fgw", "2026-11-25");
        await Open("给黄埔区的事项", "District:440112", "2026-12-31");
        var district = await app.SignedIn("huangpu");
        var ledger = await district.GetStringAsync("/supervision");
        Assert.Contains("给黄埔区的事项", ledger);
        Assert.DoesNotContain("临近期限的事项", ledger);
        var office = await app.SignedIn("office");
        var html = await office.GetStringAsync("/supervision?due=near");
        Assert.Contains($"data-item=\"{near}\"", html);
        Assert.Contains("data-due=\"NearDue\"", html);
        app.Clock.Now = FixedClock.Default.AddDays(10);
        try
        {
            Assert.Contains("data-due=\"Overdue\"", await (await app.SignedIn("office")).GetStringAsync($"/supervision/{near}"));
        }
        finally
        {
            app.Clock.Now = FixedClock.Default;
        }
    }

    [Fact]
    public async Task The_reminder_job_reminds_once_near_the_due_date_and_escalates_once_when_overdue()
    {
        var id = await Open("提醒与催办", "Unit:gxj", "2026-11-25");
        var run = await app.RunJob(GzBioPlan.Dashboard.Supervision.SupervisionReminderJob.Key);
        Assert.Matches("临近提醒 [1-9]", run.Summary);
        await app.RunJob(GzBioPlan.Dashboard.Supervision.SupervisionReminderJob.Key);
        Assert.Equal(1, app.WithDb(db => db.SupervisionSteps.Count(s => s.ItemId == id && s.Action == SupervisionAction.Remind)));

        app.Clock.Now = FixedClock.Default.AddDays(3);
        try
        {
            // Moving the clock also lets the daily trigger fire on its own; either way the item is escalated once.
            await app.RunJob(GzBioPlan.Dashboard.Supervision.SupervisionReminderJob.Key);
            await app.RunJob(GzBioPlan.Dashboard.Supervision.SupervisionReminderJob.Key);
        }
        finally
        {
            app.Clock.Now = FixedClock.Default;
        }
        Assert.Equal(1, app.WithDb(db => db.SupervisionSteps.Count(s => s.ItemId == id && s.Action == SupervisionAction.Escalate)));
        Assert.Equal(2, app.WithDb(db => db.Notifications.Count(n => n.UnitCode == "gxj")));
        Assert.Contains("催办", await (await app.SignedIn("office")).GetStringAsync("/supervision"));
    }
}
