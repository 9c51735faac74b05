using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Progress;

public class ProgressReportingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string> Report(HttpClient client, string period, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync($"/progress?period={period}"));
        fields["period"] = period;
        var response = await client.PostAsync("/progress/report", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_lead_unit_reports_and_corrects_and_the_cockpit_counts_the_latest()
    {
        var kjj = await app.SignedIn("kjj");
        var page = await kjj.GetStringAsync("/progress?period=2026Q4");
        Assert.Contains("data-slot=\"task-3-1\"", page); // leads
        Assert.Contains("data-slot=\"task-2-1\"", page); // supports
        Assert.DoesNotContain("data-slot=\"task-4-1\"", page);

        Assert.Contains("done=saved", await Report(kjj, "2026Q4", new()
        {
            ["item"] = "task-1", ["part"] = "1", ["status"] = "InProgress", ["percent"] = "40", ["narrative"] = "菌种库一期完成设计", ["next"] = "开工建设", ["blockers"] = "需市规划和自然资源局协调用地",
        }));
        await Report(kjj, "2026Q4", new() { ["item"] = "task-1", ["part"] = "1", ["status"] = "InProgress", ["percent"] = "45", ["narrative"] = "菌种库一期完成设计（更正）" });
        Assert.Equal(2, app.WithDb(db => db.ProgressReports.Count(r => r.UnitCode == "kjj" && r.WorkItemCode == "task-1" && r.Period == Period.Parse("2026Q4"))));
        // The superseded save stays readable, with who saved it, in the slot's 修改记录.
        var slot = System.Text.RegularExpressions.Regex.Match(await kjj.GetStringAsync("/progress?period=2026Q4"), "data-slot=\"task-1-1\".*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("修改记录（2 条）", slot);
        Assert.Contains("<td>菌种库一期完成设计</td>", slot);
        Assert.Contains(">kjj<", slot);

        var progress = await (await app.SignedIn("leader")).GetFromJsonAsync<JsonElement>("/api/v1/progress?period=2026Q4");
        var task1 = progress.GetProperty("workItems").EnumerateArray().Single(w => w.GetProperty("code").GetString() == "task-1");
        Assert.Equal(45m, task1.GetProperty("progress").GetDecimal()); // the only lead unit reporting for 2026Q4 (demo data ends at 2026Q3); task-1 has no breakdown
        Assert.Contains("菌种库一期完成设计（更正）", await (await app.SignedIn("leader")).GetStringAsync("/tasks/task-1?period=2026Q4"));

        // A supporting unit adds its contribution; it does not move the lead's figure.
        await Report(kjj, "2026Q4", new() { ["item"] = "task-2", ["part"] = "1", ["status"] = "InProgress", ["narrative"] = "配合建设概念验证中心" });
        Assert.Contains("配合建设概念验证中心", await (await app.SignedIn("office")).GetStringAsync("/tasks/task-2?period=2026Q4"));
    }

    [Theory]
    [InlineData("task-4", "40", "进展", "not-yours")]   // 市科技局 neither leads nor supports 三(四)
    [InlineData("task-1", "140", "进展", "percent")]
    [InlineData("task-1", "", "进展", "percent")]
    [InlineData("task-1", "40", "", "narrative")]
    public async Task Bad_reports_are_refused_in_chinese_and_not_saved(string item, string percent, string narrative, string error)
    {
        var kjj = await app.SignedIn("kjj");
        var before = app.WithDb(db => db.ProgressReports.Count(r => r.Period == Period.Parse("2027Q1")));
        var url = await Report(kjj, "2027Q1", new() { ["item"] = item, ["part"] = "1", ["status"] = "InProgress", ["percent"] = percent, ["narrative"] = narrative });
        Assert.Contains("error=" + error, url);
        Assert.Contains("role=\"alert\"", await kjj.GetStringAsync(url));
        Assert.Equal(before, app.WithDb(db => db.ProgressReports.Count(r => r.Period == Period.Parse("2027Q1"))));
    }

    [Fact]
    public async Task Once_the_office_locks_the_quarter_reports_cannot_change()
    {
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/progress?period=2027Q2");
        var locked = await office.PostAsync("/progress/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(page), ["period"] = "2027Q2",
        }));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var kjj = await app.SignedIn("kjj");
        Assert.Contains("error=locked", await Report(kjj, "2027Q2", new() { ["item"] = "task-3", ["part"] = "1", ["status"] = "InProgress", ["percent"] = "50", ["narrative"] = "x" }));
        Assert.DoesNotContain("data-report=", await kjj.GetStringAsync("/progress?period=2027Q2"));
    }

    [Fact]
    public async Task Only_units_report_and_only_the_office_locks()
    {
        var huangpu = await app.SignedIn("huangpu");
        var districtPage = await huangpu.GetStringAsync("/progress?period=2027Q3");
        Assert.Contains("本区负责的分解节点", districtPage); // a district reports the milestones it owns, not tasks
        Assert.DoesNotContain("data-report=\"task-", districtPage);
        var districtReport = await huangpu.PostAsync("/progress/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(districtPage), ["period"] = "2027Q3", ["item"] = "task-4", ["part"] = "1", ["status"] = "InProgress", ["percent"] = "1", ["narrative"] = "x",
        }));
        Assert.StartsWith("/access-denied", districtReport.Headers.Location!.PathAndQuery);
        var leader = await app.SignedIn("leader");
        var token = AppFactory.Antiforgery(await leader.GetStringAsync("/"));
        var report = await leader.PostAsync("/progress/report", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["period"] = "2027Q3", ["item"] = "task-3", ["part"] = "1", ["status"] = "InProgress", ["percent"] = "1", ["narrative"] = "x",
        }));
        Assert.StartsWith("/access-denied", report.Headers.Location!.PathAndQuery);
        var kjj = await app.SignedIn("kjj");
        var lockTry = await kjj.PostAsync("/progress/lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await kjj.GetStringAsync("/progress")), ["period"] = "2027Q3",
        }));
        Assert.StartsWith("/access-denied", lockTry.Headers.Location!.PathAndQuery);
        Assert.False(app.WithDb(db => db.ProgressLocks.Any(l => l.Period == Period.Parse("2027Q3"))));
    }

    [Fact]
    public async Task A_new_quarters_form_starts_from_last_quarters_status()
    {
        var kjj = await app.SignedIn("kjj");
        Assert.Contains("done=saved", await Report(kjj, "2026Q3", new() { ["item"] = "task-3", ["part"] = "1", ["status"] = "Blocked", ["percent"] = "30", ["narrative"] = "用地未落实" }));
        var slot = System.Text.RegularExpressions.Regex.Match(await kjj.GetStringAsync("/progress?period=2026Q4"), "data-slot=\"task-3-1\".*?</section>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Matches("<option value=\"Blocked\" selected", slot);
        Assert.DoesNotMatch("<option value=\"NotStarted\" selected", slot);
        Assert.Matches("data-previous>2026年?第?3季度?[^<]*：受阻，完成 [0-9.]+%<", slot); // task-3 is broken down: its completion rolls up
    }
}
