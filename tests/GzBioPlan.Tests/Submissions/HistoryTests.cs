using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Submissions;

/// <summary>The district's upload history says what each version stands at now; refused attempts take no number.</summary>
public class HistoryTests
{
    private static Submission Current(long id) => new() { Id = 1, DistrictCode = "440112", CurrentVersionId = id };

    [Theory]
    [InlineData(5, UploadOutcome.Submitted, SubmissionStatus.Submitted, null, false, "已提交，待审核")]
    [InlineData(5, UploadOutcome.Submitted, SubmissionStatus.Returned, null, false, "已退回")]
    [InlineData(5, UploadOutcome.Submitted, SubmissionStatus.Accepted, null, false, "已确认")]
    [InlineData(4, UploadOutcome.NeedsConfirmation, SubmissionStatus.Submitted, null, false, "待确认（请核实提示后确认或重新上传）")]
    [InlineData(4, UploadOutcome.NeedsConfirmation, SubmissionStatus.Submitted, 3, false, "未确认，已被第 3 版取代")]
    [InlineData(4, UploadOutcome.Submitted, SubmissionStatus.Submitted, 3, true, "已退回，已被第 3 版取代")]
    [InlineData(4, UploadOutcome.Submitted, SubmissionStatus.Submitted, 3, false, "已被第 3 版取代")]
    public void What_a_version_stands_at(long versionId, UploadOutcome outcome, SubmissionStatus status, int? next, bool returned, string expected)
    {
        var submission = Current(5);
        submission.Status = status;
        Assert.Equal(expected, VersionStatus.Of(versionId, outcome, submission, next, returned));
    }

    [Fact]
    public async Task Returned_resubmitted_refused_and_accepted_versions_each_say_so_and_a_locked_quarter_refuses_before_reading()
    {
        await using var app = new AppFactory();
        var district = await app.DistrictClient("440104"); // 越秀区
        var template = await UploadTests.Template(district, "2027Q1");
        Assert.Contains("data-result=\"submitted\"", (await UploadTests.Upload(district, "2027Q1", Workbooks.Filled(template))).Html);
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440104" && s.Period == Period.Parse("2027Q1")).Id);
        var office = await app.SignedIn("office");
        async Task<HttpResponseMessage> Act(string action, string? reason = null) => await office.PostAsync($"/reporting/submissions/{id}/{action}",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AppFactory.Antiforgery(await office.GetStringAsync($"/reporting/submissions/{id}")), ["reason"] = reason ?? "",
            }));
        Assert.Equal(HttpStatusCode.Redirect, (await Act("return", "规上企业营收与统计局口径不一致。")).StatusCode);

        var history = await district.GetStringAsync("/reporting?period=2027Q1");
        Assert.Contains("原因：规上企业营收与统计局口径不一致。请修改后重新上传", history); // one full stop, not 「。。」
        Assert.Matches(new Regex("data-version=\"1\">[\\s\\S]*?data-version-status>已退回<"), history);

        Assert.Contains("data-result=\"rejected\"", (await UploadTests.Upload(district, "2027Q1", Workbooks.Filled(template, new Edit(TemplateLayout.IndicatorsSheet, "E4", "很多")))).Html);
        Assert.Contains("data-result=\"submitted\"", (await UploadTests.Upload(district, "2027Q1", Workbooks.Filled(template, new Edit(TemplateLayout.IndicatorsSheet, "E4", 7)))).Html);
        history = await district.GetStringAsync("/reporting?period=2027Q1");
        Assert.Matches(new Regex("data-version=\"2\">[\\s\\S]*?data-version-status>已提交，待审核<"), history);
        Assert.Matches(new Regex("data-version=\"1\">[\\s\\S]*?data-version-status>已退回，已被第 2 版取代<"), history);
        Assert.Contains("未通过检查的上传（1 次，不占版本号", history);
        Assert.DoesNotContain("data-version=\"3\"", history);

        Assert.Equal(HttpStatusCode.Redirect, (await Act("accept")).StatusCode);
        history = await district.GetStringAsync("/reporting?period=2027Q1");
        Assert.Matches(new Regex("data-version=\"2\">[\\s\\S]*?data-version-status>已确认<"), history);
        Assert.DoesNotContain("data-upload", history);
        var (locked, _) = await UploadTests.Upload(district, "2027Q1", Workbooks.Filled(template, new Edit(TemplateLayout.IndicatorsSheet, "E4", 4)));
        Assert.Contains("已由协调办确认并锁定，不能再上传", locked);
        var attempt = app.WithDb(db => db.SubmissionVersions.Where(v => v.DistrictCode == "440104").OrderBy(v => v.Id).ToList()).Last();
        Assert.Equal((0, 0), (attempt.No, attempt.Content.Length));
        Assert.Equal(["submission.locked"], GzBioPlan.Ingest.Submissions.IngestService.Problems(attempt.ProblemsJson).Select(p => p.Code));
    }

    [Fact]
    public async Task A_passed_deadline_is_called_overdue()
    {
        await using var app = new AppFactory();
        app.UsedOn(FixedClock.On("2027-04-20"));
        var district = await app.DistrictClient("440104");
        Assert.Contains("已逾期 5 天，请尽快上传", await district.GetStringAsync("/reporting?period=2027Q1"));
        await UploadTests.Upload(district, "2027Q1", Workbooks.Filled(await UploadTests.Template(district, "2027Q1")));
        Assert.Contains("逾期提交：晚 5 天", await district.GetStringAsync("/reporting?period=2027Q1"));
    }
}
