using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Ingest;

/// <summary>The district upload as a user does it: download the template, fill it with another library, upload, see the result.</summary>
public class UploadTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static async Task<byte[]> Template(HttpClient client, string period, string? district = null)
    {
        var response = await client.GetAsync($"/reporting/template?period={period}{(district is null ? "" : "&district=" + district)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Posts the file through the page's form; returns the result page's HTML and its URL.</summary>
    public static async Task<(string Html, string Url)> Upload(HttpClient client, string period, byte[] file, string name = "报表.xlsx")
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync($"/reporting?period={period}"));
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        var response = await client.PostAsync($"/reporting/upload?period={period}", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        return (await client.GetStringAsync(url), url);
    }

    private (int Values, int Rosters, int Submissions, int Versions, int Narratives) Counts() => app.WithDb(db =>
        (db.IndicatorValues.Count(), db.RosterEntries.Count(), db.Submissions.Count(), db.SubmissionVersions.Count(), db.DistrictNarratives.Count()));

    [Fact]
    public async Task Template_has_the_sheets_last_quarters_values_and_prefilled_rosters_with_ids()
    {
        var bytes = await Template(await app.SignedIn("huangpu"), "2026Q4");
        var sheets = WorkbookReader.Read(bytes);
        Assert.Equal([TemplateLayout.InstructionsSheet, TemplateLayout.IndicatorsSheet, "创新引领型企业", "园区基地", "平台", "重点项目", TemplateLayout.NarrativeSheet, TemplateLayout.MetaSheet], sheets.Keys);
        var indicators = sheets[TemplateLayout.IndicatorsSheet];
        Assert.Equal("bio_firms", indicators[2][0]);
        Assert.Equal(97d, indicators[2][3]); // 黄埔 2026Q3 demo value, for reference
        var firms = sheets["创新引领型企业"];
        Assert.Equal(4, firms.Skip(2).Count(r => r[1] is string));
        Assert.All(firms.Skip(2).Where(r => r[1] is string), r => Assert.Matches("^QY-|^[0-9]", (string)(r[0] ?? "QY-")));
        Assert.Equal(10, sheets[TemplateLayout.NarrativeSheet].Skip(2).Count(r => r[0] is string));
        Assert.Equal("440112", sheets[TemplateLayout.MetaSheet][1][1]);
    }

    [Fact]
    public async Task A_district_gets_only_its_own_template_the_office_any()
    {
        var district = await app.SignedIn("huangpu");
        Assert.NotEqual(HttpStatusCode.OK, (await district.GetAsync("/reporting/template?period=2026Q4&district=440115")).StatusCode);
        await Template(await app.SignedIn("office"), "2026Q4", "440115");
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync("/reporting/template?period=2031Q1")).StatusCode);
    }

    [Fact]
    public async Task Valid_upload_is_submitted_accepted_by_the_office_and_flows_into_the_cockpit()
    {
        var district = await app.DistrictClient("440105");
        var template = await Template(district, "2027Q1");
        var (html, _) = await Upload(district, "2027Q1", Workbooks.Filled(template,
            new Edit("创新引领型企业", "B3", "广州海珠合成生物科技有限公司"), new Edit("创新引领型企业", "C3", "91350100M000100Y43"),
            new Edit("创新引领型企业", "D3", "生物材料"), new Edit("创新引领型企业", "E3", "已认定")));
        Assert.Contains("data-result=\"submitted\"", html);
        Assert.False(app.WithDb(db => db.IndicatorValues.Any(v => v.DistrictCode == "440105" && v.Period == Period.Parse("2027Q1"))));

        var office = await app.SignedIn("office");
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440105" && s.Period == Period.Parse("2027Q1")).Id);
        var page = await office.GetStringAsync($"/reporting/submissions/{id}");
        Assert.Contains("href=\"/reporting/review?period=2027Q1\">各区季度报送</a>", page);
        // The district's own view of it leads back to its reporting page, not to the office's list it may not open.
        Assert.Contains("href=\"/reporting?period=2027Q1\">季度填报</a>", await district.GetStringAsync($"/reporting/submissions/{id}"));
        var accept = await office.PostAsync($"/reporting/submissions/{id}/accept",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.Antiforgery(page) }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Contains("已确认", await office.GetStringAsync(accept.Headers.Location!.OriginalString));

        Assert.True(app.WithDb(db => db.IndicatorValues.Count(v => v.DistrictCode == "440105" && v.Period == Period.Parse("2027Q1"))) >= 6);
        var roster = app.WithDb(db => db.RosterEntries.Single(r => r.DistrictCode == "440105" && r.Period == Period.Parse("2027Q1")));
        Assert.Equal("91350100M000100Y43", roster.Key);
        Assert.StartsWith("QY-440105-", roster.StableId);
        var progress = await (await app.SignedIn("leader")).GetStringAsync("/api/v1/progress?period=2027Q1");
        Assert.Contains("\"code\":\"target-1\",\"name\":\"创新引领型企业\",\"actual\":1", progress);
        var league = await (await app.SignedIn("leader")).GetStringAsync("/?period=2027Q1");
        Assert.Matches(new Regex("data-district=\"440105\">\\s*<td class=\"num\">1</td>"), league);
    }

    [Fact]
    public async Task Two_errors_are_listed_with_sheet_and_cell_the_workbook_comes_back_marked_and_nothing_is_written()
    {
        var district = await app.DistrictClient("440106");
        var template = await Template(district, "2026Q4");
        var before = Counts();
        var (html, url) = await Upload(district, "2026Q4", Workbooks.Filled(template,
            new Edit(TemplateLayout.IndicatorsSheet, "E4", "很多"),
            new Edit("重点项目", "B3", "天河合成生物产业化项目"), new Edit("重点项目", "C3", "生物医药"), new Edit("重点项目", "D3", -5), new Edit("重点项目", "E3", "在建")));
        Assert.Contains("data-result=\"rejected\"", html);
        Assert.Contains("data-cell=\"指标!E4\"", html);
        Assert.Contains("data-cell=\"重点项目!D3\"", html);
        Assert.Contains("应填写数值", html);
        Assert.Contains("不能为负数", html);
        var after = Counts();
        Assert.Equal(before with { Versions = before.Versions + 1 }, after);

        var id = url.Split('/').Last();
        var marked = await district.GetByteArrayAsync($"/reporting/versions/{id}/marked.xlsx");
        var sheets = WorkbookReader.Read(marked);
        Assert.Equal("问题清单", sheets.Keys.First());
        Assert.Equal(3, sheets["问题清单"].Count); // header and two problems
        using var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(marked));
        Assert.Contains("应填写数值", package.Workbook.Worksheets[TemplateLayout.IndicatorsSheet].Cells["E4"].Comment.Text);
    }

    [Fact]
    public async Task The_same_file_twice_is_recognised_and_not_counted_again()
    {
        var district = await app.DistrictClient("440111");
        var file = Workbooks.Filled(await Template(district, "2026Q4"));
        var (_, first) = await Upload(district, "2026Q4", file);
        var versions = Counts().Versions;
        var (html, second) = await Upload(district, "2026Q4", file, "again.xlsx");
        Assert.Equal(first, second.Split('?')[0]);
        Assert.Contains("data-duplicate", html);
        Assert.Equal(versions, Counts().Versions);
    }

    [Fact]
    public async Task An_empty_file_is_called_empty_and_nothing_is_recorded()
    {
        var district = await app.DistrictClient("440111");
        var before = Counts();
        var (html, url) = await Upload(district, "2026Q4", [], "空.xlsx");
        Assert.EndsWith("error=empty", url);
        Assert.Contains("所选文件是空的（0 字节）", html);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Another_districts_template_or_another_quarter_is_refused_with_the_reason()
    {
        var district = await app.DistrictClient("440113");
        var other = Workbooks.Filled(await Template(await app.SignedIn("office"), "2026Q4", "440114"));
        var (html, _) = await Upload(district, "2026Q4", other);
        Assert.Contains("data-problem=\"template.district\"", html);
        var wrongQuarter = Workbooks.Filled(await Template(district, "2026Q3"));
        (html, _) = await Upload(district, "2026Q4", wrongQuarter);
        Assert.Contains("data-problem=\"template.period\"", html);
    }

    [Fact]
    public async Task Only_a_district_office_uploads_and_only_for_itself()
    {
        var office = await app.SignedIn("office");
        var token = AppFactory.Antiforgery(await office.GetStringAsync("/reporting/review"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent([1, 2, 3]), "file", "x.xlsx" } };
        var response = await office.PostAsync("/reporting/upload?period=2026Q4", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_upload_without_antiforgery_token_is_refused()
    {
        var district = await app.SignedIn("huangpu");
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "x.xlsx" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await district.PostAsync("/reporting/upload?period=2026Q4", form)).StatusCode);
    }

    [Fact]
    public async Task An_outlier_must_be_confirmed_then_is_submitted()
    {
        var district = await app.DistrictClient("440114");
        var template = await Template(district, "2026Q4");
        var (html, url) = await Upload(district, "2026Q4", Workbooks.Filled(template, new Edit(TemplateLayout.IndicatorsSheet, "E4", 99999)));
        Assert.Contains("data-result=\"confirm\"", html);
        Assert.Contains("data-problem=\"outlier\"", html);
        Assert.False(app.WithDb(db => db.Submissions.Any(s => s.DistrictCode == "440114" && s.Period == Period.Parse("2026Q4"))));
        var confirm = await district.PostAsync(url + "/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.Antiforgery(html) }));
        Assert.Contains("data-result=\"submitted\"", await district.GetStringAsync(confirm.Headers.Location!.OriginalString));
        Assert.True(app.WithDb(db => db.Submissions.Any(s => s.DistrictCode == "440114" && s.Period == Period.Parse("2026Q4") && s.Status == SubmissionStatus.Submitted)));
    }

    [Fact]
    public async Task Returned_with_a_reason_the_district_sees_then_accepted_locks_until_unlocked()
    {
        var district = await app.DistrictClient("440117");
        var template = await Template(district, "2026Q4");
        var first = Workbooks.Filled(template);
        await Upload(district, "2026Q4", first);
        var office = await app.SignedIn("office");
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440117" && s.Period == Period.Parse("2026Q4")).Id);
        async Task<HttpResponseMessage> Post(string action, string? reason = null)
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.Antiforgery(await office.GetStringAsync($"/reporting/submissions/{id}")) };
            if (reason is not null) fields["reason"] = reason;
            return await office.PostAsync($"/reporting/submissions/{id}/{action}", new FormUrlEncodedContent(fields));
        }

        Assert.Contains("error=reason", (await Post("return", " ")).Headers.Location!.OriginalString);
        await Post("return", "产值口径与统计局不一致，请核对");
        Assert.Contains("产值口径与统计局不一致", await district.GetStringAsync("/reporting?period=2026Q4"));
        Assert.Contains("error=not-submitted", (await Post("accept")).Headers.Location!.OriginalString);

        var (html, _) = await Upload(district, "2026Q4", Workbooks.Filled(template, new Edit(TemplateLayout.NarrativeSheet, "C4", "已核对产值口径。")));
        Assert.Contains("data-result=\"submitted\"", html);
        await Post("accept");
        (html, _) = await Upload(district, "2026Q4", Workbooks.Filled(template, new Edit(TemplateLayout.NarrativeSheet, "C5", "补充说明。")));
        Assert.Contains("data-problem=\"submission.locked\"", html);
        // A file sent before is answered with the lock too, not as a duplicate of its earlier version.
        (html, _) = await Upload(district, "2026Q4", first);
        Assert.Contains("data-problem=\"submission.locked\"", html);
        Assert.DoesNotContain("data-duplicate", html);

        await Post("unlock", "区里申请更正花都口径");
        (html, _) = await Upload(district, "2026Q4", Workbooks.Filled(template, new Edit(TemplateLayout.NarrativeSheet, "C6", "更正后重新提交。")));
        Assert.Contains("data-result=\"submitted\"", html);
        var log = await office.GetStringAsync($"/reporting/submissions/{id}");
        foreach (var step in new[] { "退回", "确认", "解锁", "区里申请更正花都口径" }) Assert.Contains(step, log);
    }

    [Fact]
    public async Task Completeness_counts_expected_submitted_on_time_and_exempt_districts()
    {
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/reporting/completeness?period=2025Q1");
        var post = await office.PostAsync("/reporting/exemptions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(page), ["district"] = "440118", ["period"] = "2025Q1", ["reason"] = "机构调整，本季度免报",
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var html = await office.GetStringAsync("/reporting/completeness?period=2025Q1");
        var row = Regex.Match(html, "<tr data-period=\"2025Q1\".*?</tr>", RegexOptions.Singleline).Value;
        Assert.Matches("<td class=\"num\">10</td>", row); // 11 districts, one exempt
        Assert.Contains("0%", row);
        var review = await office.GetStringAsync("/reporting/review?period=2025Q1");
        Assert.Contains("免报", review);
        Assert.Contains("机构调整", review);
    }
}
