using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Submissions;

/// <summary>区内审核: the office makes a district sign off its own uploads; a second account of that district approves or returns before the city sees them.</summary>
public class DistrictReviewTests
{
    private static readonly Period Q = Period.Parse("2027Q1");

    private static async Task Require(AppFactory app, HttpClient office, string district, bool required) =>
        await FlagshipTests.Post(office, "/reporting/district-review", [new("district", district), new("required", required ? "true" : "false"), new("period", Q.ToString())],
            $"/reporting/review?period={Q}");

    private static Submission Submission(AppFactory app, string district) =>
        app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == district && s.Period == Q));

    [Fact]
    public async Task Only_the_office_sets_it_and_then_an_upload_waits_for_a_second_account_before_the_city_sees_it()
    {
        await using var app = new AppFactory();
        var uploader = await app.DistrictClient("440104");
        var refused = await FlagshipTests.Post(uploader, "/reporting/district-review", [new("district", "440104"), new("required", "true")], "/reporting?period=2027Q1");
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString);
        Assert.False(app.WithDb(db => db.Districts.Single(d => d.Code == "440104").RequiresDistrictReview));

        var office = await app.SignedIn("office");
        var said = FlagshipTests.Said(app, await FlagshipTests.Post(office, "/reporting/district-review",
            [new("district", "440104"), new("required", "true"), new("period", "2027Q1")], "/reporting/review?period=2027Q1"));
        Assert.Equal("越秀区今后的上传须经本区另一账号审核后才报送协调办。", said);
        Assert.Contains(app.WithDb(db => db.AuditEntries.Where(a => a.Action == AuditActions.DistrictReviewSet).Select(a => a.Target).ToList()), t => t == "440104");
        Assert.Contains("data-district-review=\"on\"", await office.GetStringAsync("/reporting/review?period=2027Q1"));

        Assert.Contains("data-district-review-required", await uploader.GetStringAsync("/reporting?period=2027Q1"));
        var upload = await UploadTests.Upload(uploader, "2027Q1", Workbooks.Filled(await UploadTests.Template(uploader, "2027Q1")));
        Assert.Contains("data-result=\"district-review\"", upload.Html);
        var held = Submission(app, "440104");
        Assert.Equal(SubmissionStatus.AwaitingDistrictReview, held.Status);
        Assert.Null(held.FirstSubmittedAt);

        // The city: not counted as submitted, nothing to open, tick or accept.
        var review = await office.GetStringAsync("/reporting/review?period=2027Q1");
        Assert.Contains("待区内审核", review);
        Assert.DoesNotContain($"/reporting/submissions/{held.Id}\"", review);
        Assert.DoesNotContain($"value=\"{held.Id}\" form=\"bulk-accept\"", review);
        var accept = await FlagshipTests.Post(office, $"/reporting/submissions/{held.Id}/accept", [], "/reporting/review?period=2027Q1");
        Assert.Contains("error=not-submitted", accept.Headers.Location!.OriginalString);
        Assert.Contains("已报 0，", review);

        // The uploader may not approve their own upload; another district's account cannot reach it.
        var own = await uploader.GetStringAsync("/reporting?period=2027Q1");
        Assert.Contains("您是这一版的上传人", own);
        Assert.DoesNotContain("data-district-approve", own);
        Assert.Contains("上传人不能审核自己上传的版本", FlagshipTests.Said(app, await FlagshipTests.Post(uploader, $"/reporting/submissions/{held.Id}/district-approve",
            [new("period", "2027Q1")], "/reporting?period=2027Q1")));
        var stranger = await app.DistrictClient("440105");
        Assert.Equal("找不到该报送。", FlagshipTests.Said(app, await FlagshipTests.Post(stranger, $"/reporting/submissions/{held.Id}/district-approve",
            [new("period", "2027Q1")], "/reporting?period=2027Q1")));
        Assert.Contains("/access-denied", (await FlagshipTests.Post(office, $"/reporting/submissions/{held.Id}/district-approve", [], "/reporting/review")).Headers.Location!.OriginalString);
        Assert.Equal(SubmissionStatus.AwaitingDistrictReview, Submission(app, "440104").Status);

        // The district's second account sees it in 待办 and approves; then the office reviews as usual.
        var reviewer = await app.DistrictClient("440104", "yuexiu-reviewer");
        Assert.Contains("区内审核2027年第1季度报表（第 1 版，district440104 上传）", await reviewer.GetStringAsync("/todo"));
        Assert.DoesNotContain("区内审核2027年第1季度", await uploader.GetStringAsync("/todo"));
        Assert.Contains("data-district-approve", await reviewer.GetStringAsync("/reporting?period=2027Q1"));
        Assert.Equal("区内审核已通过，报表已报送协调办。", FlagshipTests.Said(app, await FlagshipTests.Post(reviewer, $"/reporting/submissions/{held.Id}/district-approve",
            [new("period", "2027Q1")], "/reporting?period=2027Q1")));
        var sent = Submission(app, "440104");
        Assert.Equal(SubmissionStatus.Submitted, sent.Status);
        Assert.Equal(app.Clock.GetUtcNow(), sent.FirstSubmittedAt);
        Assert.Contains(app.WithDb(db => db.SubmissionEvents.Where(e => e.SubmissionId == held.Id).Select(e => new { e.Action, e.By }).ToList()),
            e => e.Action == SubmissionAction.DistrictApproved && e.By == "yuexiu-reviewer");
        Assert.Contains(app.WithDb(db => db.AuditEntries.Select(a => a.Action).ToList()), a => a == AuditActions.DistrictApproved);
        Assert.Contains($"value=\"{held.Id}\" form=\"bulk-accept\"", await office.GetStringAsync("/reporting/review?period=2027Q1"));
        Assert.Contains("只有“待区内审核”", FlagshipTests.Said(app, await FlagshipTests.Post(reviewer, $"/reporting/submissions/{held.Id}/district-approve",
            [new("period", "2027Q1")], "/reporting?period=2027Q1")));
    }

    [Fact]
    public async Task The_reviewer_returns_with_a_reason_and_a_district_without_it_goes_straight_to_the_city()
    {
        await using var app = new AppFactory();
        var office = await app.SignedIn("office");
        await Require(app, office, "440104", true);
        var uploader = await app.DistrictClient("440104");
        await UploadTests.Upload(uploader, "2027Q1", Workbooks.Filled(await UploadTests.Template(uploader, "2027Q1")));
        var id = Submission(app, "440104").Id;
        var reviewer = await app.DistrictClient("440104", "yuexiu-reviewer");

        Assert.Equal("请填写原因（不超过 1000 字）。", FlagshipTests.Said(app, await FlagshipTests.Post(reviewer, $"/reporting/submissions/{id}/district-return",
            [new("period", "2027Q1"), new("reason", "  ")], "/reporting?period=2027Q1")));
        Assert.Equal(SubmissionStatus.AwaitingDistrictReview, Submission(app, "440104").Status);
        FlagshipTests.Said(app, await FlagshipTests.Post(reviewer, $"/reporting/submissions/{id}/district-return",
            [new("period", "2027Q1"), new("reason", "重点项目漏填两个")], "/reporting?period=2027Q1"));
        var back = Submission(app, "440104");
        Assert.Equal(SubmissionStatus.Returned, back.Status);
        Assert.Equal("区内审核退回：重点项目漏填两个", back.ReturnReason);
        Assert.Contains("区内审核退回：重点项目漏填两个", await uploader.GetStringAsync("/reporting?period=2027Q1"));

        // Turned off again: the next district's upload is with the city at once.
        await Require(app, office, "440104", false);
        var other = await app.DistrictClient("440105");
        await UploadTests.Upload(other, "2027Q1", Workbooks.Filled(await UploadTests.Template(other, "2027Q1")));
        Assert.Equal(SubmissionStatus.Submitted, Submission(app, "440105").Status);
        Assert.NotNull(Submission(app, "440105").FirstSubmittedAt);
    }
}
