using System.Net;
using GzBioPlan.Dashboard.Submissions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Submissions;

/// <summary>The district × quarter matrix, its export, and 催报 (who may, once a day, into the notices and the webhook).</summary>
public class CompletenessTests
{
    private static readonly DateOnly Deadline = new(2026, 10, 15);

    [Theory]
    [InlineData(null, "2026-10-15", true, null)] // not in yet, deadline day: not late
    [InlineData(null, "2026-10-20", true, 5)] // still missing five days on
    [InlineData("2026-10-15T23:30:00+08:00", "2026-10-30", true, null)] // in on the day (Beijing time)
    [InlineData("2026-10-16T00:10:00+08:00", "2026-10-30", true, 1)]
    [InlineData(null, "2026-10-30", false, null)] // exempt
    public void Days_late_count_from_the_deadline(string? submitted, string today, bool expected, int? days) =>
        Assert.Equal(days, CompletenessQuery.DaysLate(submitted is null ? null : DateTimeOffset.Parse(submitted), Deadline, DateOnly.Parse(today), expected));

    [Theory]
    [InlineData(true, SubmissionStatus.Accepted, 2, Timeliness.OnTime, null, "已确认 · 第 2 版 · 按时")]
    [InlineData(true, SubmissionStatus.Submitted, 1, Timeliness.Late, 3, "已提交 · 第 1 版 · 逾期 3 天")]
    [InlineData(true, null, null, Timeliness.Missing, 12, "未提交 · 逾期 12 天")]
    [InlineData(true, null, null, Timeliness.Missing, null, "未提交")]
    [InlineData(false, null, null, Timeliness.Exempt, null, "免报")]
    public void A_cell_says_status_version_and_timeliness(bool expected, SubmissionStatus? status, int? version, Timeliness t, int? late, string label) =>
        Assert.Equal(label, CompletenessQuery.CellLabel(new MatrixCell(expected, status, version, t, late)));

    private static async Task<HttpResponseMessage> Remind(HttpClient client, string? district) =>
        await FlagshipTests.Post(client, "/reporting/remind", [new("period", "2026Q3"), new("district", district ?? "")], "/reporting/completeness?period=2026Q3");

    [Fact]
    public async Task The_office_sees_the_matrix_exports_it_and_reminds_once_a_day()
    {
        using var hook = new WebhookListener();
        await using var app = new AppFactory();
        app.Settings["Ingest:WebhookUrl"] = hook.Url;
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/reporting/completeness?period=2026Q3");
        Assert.Contains("data-table=\"matrix\"", page);
        Assert.Contains("未提交 · 逾期 39 天", page); // 2026-10-15 to 2026-11-23
        Assert.Contains("data-remind=\"440112\" data-confirm=\"向黄埔区发送2026年第3季度催报？\"", page); // asks first

        Assert.Contains("已向黄埔区发送2026年第3季度催报（推送 1 条）", FlagshipTests.Said(app, await Remind(office, "440112")));
        // The matrix says when the district was reminded, and offers no second 催报 that day.
        var after = await office.GetStringAsync("/reporting/completeness?period=2026Q3");
        Assert.Matches("data-reminded=\"440112\">已催报 11-23 \\d\\d:\\d\\d<", after);
        Assert.DoesNotContain("data-remind=\"440112\"", after);
        Assert.Contains("data-remind=\"440103\"", after);
        Assert.Contains("黄埔区今天已催报过，未重复发送", FlagshipTests.Said(app, await Remind(office, "440112")));
        Assert.Single(hook.Bodies);
        Assert.Contains("协调办催报：黄埔区2026年第3季度报表已逾期 39 天", await (await app.SignedIn("huangpu")).GetStringAsync("/todo"));
        var all = FlagshipTests.Said(app, await Remind(office, null));
        Assert.Contains("已向荔湾区、越秀区、", all);
        Assert.Contains("黄埔区今天已催报过", all);
        Assert.Equal(11, app.WithDb(db => db.Notifications.Count(n => n.Kind == RemindNow.Kind)));
        Assert.True(app.WithDb(db => db.AuditEntries.Count(e => e.Action == GzBioPlan.Domain.Accounts.AuditActions.SubmissionReminded)) == 2);

        app.Clock.Now = app.Clock.Now.AddDays(1);
        office = await app.SignedIn("office"); // a day idle ends any session
        Assert.Contains("data-remind=\"440112\"", await office.GetStringAsync("/reporting/completeness?period=2026Q3"));
        Assert.Contains("已向黄埔区发送", FlagshipTests.Said(app, await Remind(office, "440112")));

        var workbook = WorkbookReader.Read(await office.GetByteArrayAsync("/export/completeness.xlsx?period=2026Q3"));
        Assert.Equal(["各季度", "各区×季度"], workbook.Keys);
        Assert.Equal("黄埔区", workbook["各区×季度"].Skip(2).First(r => r[0] as string == "黄埔区")[0]);
        Assert.StartsWith("未提交 · 逾期", workbook["各区×季度"].Skip(2).First(r => r[0] as string == "黄埔区").Last() as string);
    }

    [Fact]
    public async Task Only_the_office_reminds_and_a_district_does_not_see_the_city_matrix()
    {
        await using var app = new AppFactory();
        var leader = await app.SignedIn("leader");
        Assert.DoesNotContain("data-remind", await leader.GetStringAsync("/reporting/completeness?period=2026Q3"));
        Assert.Contains("/access-denied", (await Remind(leader, "440112")).Headers.Location!.OriginalString);
        var district = await app.SignedIn("huangpu");
        Assert.Contains("/access-denied", (await district.GetAsync("/export/completeness.xlsx?period=2026Q3")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/reporting/completeness?period=2026Q3")).StatusCode);
        Assert.Equal(0, app.WithDb(db => db.Notifications.Count(n => n.Kind == RemindNow.Kind)));
    }
}
