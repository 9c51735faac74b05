using System.Net;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Submissions;

/// <summary>The office accepts several districts at once, with one confirmation; nobody else may.</summary>
public class BulkAcceptTests
{
    [Fact]
    public async Task Several_districts_are_accepted_in_one_go_and_a_district_may_not()
    {
        await using var app = new AppFactory();
        foreach (var code in new[] { "440104", "440105" })
        {
            var uploader = await app.DistrictClient(code);
            Assert.Contains("data-result=\"submitted\"", (await UploadTests.Upload(uploader, "2027Q1", Workbooks.Filled(await UploadTests.Template(uploader, "2027Q1")))).Html);
        }
        var ids = app.WithDb(db => db.Submissions.Where(s => s.Period == Period.Parse("2027Q1")).Select(s => s.Id).ToList());
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/reporting/review?period=2027Q1");
        Assert.Contains("data-bulk-accept", page);
        Assert.Contains("data-confirm=\"确认所选各区的报送？", page);
        Assert.Contains("请先勾选", FlagshipTests.Said(app, await FlagshipTests.Post(office, "/reporting/accept", [new("period", "2027Q1")], "/reporting/review?period=2027Q1")));

        var district = await app.DistrictClient("440104");
        var refused = await FlagshipTests.Post(district, "/reporting/accept", [new("period", "2027Q1"), .. ids.Select(i => new KeyValuePair<string, string>("id", i.ToString()))], "/reporting?period=2027Q1");
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString);
        Assert.All(app.WithDb(db => db.Submissions.Where(s => ids.Contains(s.Id)).ToList()), s => Assert.Equal(SubmissionStatus.Submitted, s.Status));

        var said = FlagshipTests.Said(app, await FlagshipTests.Post(office, "/reporting/accept",
            [new("period", "2027Q1"), .. ids.Select(i => new KeyValuePair<string, string>("id", i.ToString()))], "/reporting/review?period=2027Q1"));
        Assert.Equal("已确认越秀区、海珠区，数据已计入驾驶舱并锁定。", said);
        Assert.All(app.WithDb(db => db.Submissions.Where(s => ids.Contains(s.Id)).ToList()), s => Assert.Equal(SubmissionStatus.Accepted, s.Status));
        Assert.Contains("未能确认：越秀区", FlagshipTests.Said(app, await FlagshipTests.Post(office, "/reporting/accept",
            [new("period", "2027Q1"), new("id", ids[0].ToString())], "/reporting/review?period=2027Q1")));
        Assert.DoesNotContain("data-bulk-accept", await office.GetStringAsync("/reporting/review?period=2027Q1"));
    }
}
