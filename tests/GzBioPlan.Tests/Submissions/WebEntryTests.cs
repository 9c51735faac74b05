using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Ingest.Validation;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Submissions;

/// <summary>网页填报: entries in the browser become a workbook that goes through the one pipeline, so it is checked, numbered and reviewed as an upload.</summary>
public partial class WebEntryTests
{
    private const string Url = "/reporting/entry?period=2026Q4";

    private static readonly string NewUscc = "91440112MA5D0W1X" + "0" + GzBioPlan.Domain.Rules.Uscc.CheckCharacter("91440112MA5D0W1X0");

    [Theory]
    [InlineData("12.5", CellKind.Number, 12.5)]
    [InlineData(" 1,200 ", CellKind.Integer, 1200.0)]
    [InlineData("九十", CellKind.Number, "九十")]
    [InlineData("", CellKind.Number, null)]
    [InlineData("   ", CellKind.Text, null)]
    [InlineData("2026-07-01", CellKind.Date, "2026-07-01T00:00:00")]
    [InlineData("2026/07/01", CellKind.Date, "2026/07/01")]
    [InlineData("0012", CellKind.Text, "0012")]
    [InlineData("91440101MA5CXXXX0V", CellKind.Uscc, "91440101MA5CXXXX0V")]
    public void A_typed_entry_becomes_the_cell_a_spreadsheet_would_hold(string typed, CellKind kind, object? expected)
    {
        var cell = WebEntry.Cell(typed, kind);
        switch (expected)
        {
            case double d: Assert.Equal((decimal)d, Assert.IsType<decimal>(cell)); break;
            case string s when kind == CellKind.Date && s.Contains('T'): Assert.Equal(DateTime.Parse(s), Assert.IsType<DateTime>(cell)); break;
            default: Assert.Equal(expected, cell); break;
        }
    }

    public static TheoryData<string?, string?, string?> Fields => new()
    {
        { TemplateLayout.IndicatorsSheet, "E3", "v.i1" },
        { TemplateLayout.IndicatorsSheet, "E4", "v.i2" },
        { TemplateLayout.IndicatorsSheet, "E9", null },
        { TemplateLayout.IndicatorsSheet, null, null },
        { "创新引领型企业", "C5", "r.LeadingFirm.2.2" },
        { "重点项目", "F3", "r.KeyProject.0.5" },
        { "重点项目", "Z3", "r.KeyProject" },
        { "平台", null, "r.Platform" },
        { TemplateLayout.NarrativeSheet, "C3", "n.w1" },
        { TemplateLayout.MetaSheet, "B1", null },
        { null, null, null },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void A_problem_is_shown_at_the_field_its_cell_came_from(string? sheet, string? cell, string? field)
    {
        var data = new TemplateData(new District { Code = "440112", Name = "黄埔区" }, Period.Parse("2026Q4"), new DateOnly(2027, 1, 15),
            [new("i1", "规上工业产值", "亿元", false, 10), new("i2", "企业数", "家", true, null)], new Dictionary<RosterKind, IReadOnlyList<TemplateRosterRow>>(),
            [new("w1", "一、任务")]);
        Assert.Equal(field, WebEntry.FieldOf(new Problem(Severity.Error, "x", sheet, cell, null, null, "…"), data));
    }

    [Fact]
    public async Task A_district_enters_a_quarter_on_the_web_and_it_becomes_a_version_reviewed_like_an_upload()
    {
        await using var app = new AppFactory();
        var district = await app.SignedIn("huangpu");
        var page = await district.GetStringAsync(Url);
        var fields = FormFields(page);
        var kept = app.WithDb(db => db.RosterEntries.Where(r => r.DistrictCode == "440112" && r.Period == Period.Parse("2026Q3") && r.Kind == RosterKind.LeadingFirm)
            .OrderBy(r => r.Id).Select(r => r.Name).ToList());
        Assert.True(kept.Count >= 2);
        // Last quarter's firms are there to update; the indicators wait for this quarter's values.
        Assert.Equal(kept, Enumerable.Range(0, kept.Count).Select(i => fields[$"r.LeadingFirm.{i}.1"]));
        Assert.Contains("data-entry-download", page);

        var filled = Valid(fields, page);
        var firms = int.Parse(fields["r.LeadingFirm.count"]);
        filled[$"r.LeadingFirm.{firms - 1}.1"] = "广州网页新增生物科技有限公司";
        filled[$"r.LeadingFirm.{firms - 1}.2"] = NewUscc;
        filled[$"r.LeadingFirm.{firms - 1}.3"] = "生物医药";
        filled[$"r.LeadingFirm.{firms - 1}.4"] = "培育对象";
        // A project goes (已认定 firms are counted cumulatively and may not).
        var dropped = fields["r.KeyProject.0.1"];
        filled["r.KeyProject.0.drop"] = "1";
        var response = await Post(district, filled);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versionUrl = response.Headers.Location!.AbsolutePath;
        Assert.Matches(@"^/reporting/versions/\d+$", versionUrl);
        Assert.Contains("data-result=\"submitted\"", await district.GetStringAsync(versionUrl));

        var version = app.WithDb(db => db.SubmissionVersions.Single(v => v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4")));
        Assert.Equal((1, UploadChannel.WebForm, UploadOutcome.Submitted), (version.No, version.Channel, version.Outcome));
        var payload = System.Text.RegularExpressions.Regex.Unescape(version.PayloadJson!);
        Assert.Contains("广州网页新增生物科技有限公司", payload);
        Assert.DoesNotContain(dropped, payload);
        // The version's file is the template filled in with the entries.
        var file = WorkbookReader.Read(await district.GetByteArrayAsync($"/reporting/versions/{version.Id}/file"));
        Assert.Equal(double.Parse(filled[FirstIndicator(page)]), file[TemplateLayout.IndicatorsSheet][TemplateLayout.FirstDataRow - 1][TemplateLayout.IndicatorValueColumn - 1]);
        Assert.Contains(file["创新引领型企业"], row => row.Length > 1 && Equals(row[1], "广州网页新增生物科技有限公司"));

        var history = await district.GetStringAsync("/reporting?period=2026Q4");
        Assert.Contains("网页填报", history);
        var office = await app.SignedIn("office");
        Assert.Contains("data-district=\"440112\"", await office.GetStringAsync("/reporting/review?period=2026Q4"));
        var review = await office.GetStringAsync($"/reporting/submissions/{app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440112" && s.Period == Period.Parse("2026Q4")).Id)}");
        Assert.Contains("广州网页新增生物科技有限公司", review);
        // Rows the district did not touch arrive as they were: the office sees the one added and the one dropped, no changes.
        Assert.Equal(1, Regex.Matches(review, "data-change=\"Added\"").Count);
        Assert.Equal(1, Regex.Matches(review, "data-change=\"Removed\"").Count);
        Assert.DoesNotContain("data-change=\"Changed\"", review);

        // The same entries again are the same version, not a second one; the page opens on what version 1 says.
        var again = await Post(district, filled);
        Assert.EndsWith("?duplicate=1", again.Headers.Location!.OriginalString);
        Assert.Contains("填报内容与第 1 版", await district.GetStringAsync(again.Headers.Location!.OriginalString));
        Assert.Equal(1, app.WithDb(db => db.SubmissionVersions.Count(v => v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4"))));
        var reopened = FormFields(await district.GetStringAsync(Url));
        Assert.Equal(filled[FirstIndicator(page)], reopened[FirstIndicator(page)]);
        Assert.Equal("广州网页新增生物科技有限公司", reopened[$"r.LeadingFirm.{kept.Count}.1"]);
    }

    [Fact]
    public async Task Wrong_entries_are_named_at_their_field_kept_as_typed_and_nothing_is_submitted()
    {
        await using var app = new AppFactory();
        var district = await app.SignedIn("huangpu");
        var page = await district.GetStringAsync(Url);
        var fields = Valid(FormFields(page), page);
        var indicator = FirstIndicator(page);
        fields[indicator] = "九十";
        fields["r.LeadingFirm.0.2"] = "91440101MA59UNBR0V";
        fields["r.LeadingFirm.1.4"] = "";
        var dropped = fields["r.KeyProject.0.1"];
        fields["r.KeyProject.0.drop"] = "1";
        var response = await Post(district, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-entry-problems", html);
        Assert.Contains("应填写数值", html);
        Assert.Contains("不是允许的字符", html);
        Assert.Contains("“状态”为必填项", html);
        // Each problem is beside its field, with what was typed still in it, and the summary links to it.
        Assert.Matches(new Regex($"<tr data-indicator=\"{indicator[2..]}\" class=\"has-problem\">"), html);
        Assert.Equal("九十", FormFields(html)[indicator]);
        Assert.Contains($"href=\"#f-{indicator.Replace('.', '-')}\"", html);
        Assert.Contains("href=\"#f-r-LeadingFirm-0-2\"", html);
        // A row ticked 删除 is still there, ticked, so it can be unticked after a refusal.
        var shown = FormFields(html);
        var row = Assert.Single(shown.Where(f => Regex.IsMatch(f.Key, @"^r\.KeyProject\.\d+\.1$") && f.Value == dropped)).Key.Split('.')[2];
        Assert.Matches($"name=\"r.KeyProject.{row}.drop\" value=\"1\" checked", html);
        Assert.Equal(1, Regex.Matches(html, "\\.drop\" value=\"1\" checked").Count);
        Assert.Equal(0, app.WithDb(db => db.Submissions.Count(s => s.DistrictCode == "440112" && s.Period == Period.Parse("2026Q4"))));
        var attempt = app.WithDb(db => db.SubmissionVersions.Single(v => v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4")));
        Assert.Equal((0, UploadChannel.WebForm, UploadOutcome.Rejected), (attempt.No, attempt.Channel, attempt.Outcome));
    }

    [Fact]
    public async Task More_rows_are_added_without_submitting_and_the_entries_download_as_a_workbook_that_uploads()
    {
        await using var app = new AppFactory();
        var district = await app.SignedIn("huangpu");
        var page = await district.GetStringAsync(Url);
        var fields = Valid(FormFields(page), page);
        var rows = int.Parse(fields["r.Platform.count"]);
        fields["r.Platform.0.1"] = "改过名字的中试平台";
        fields["action"] = "add.Platform";
        var added = await Post(district, fields);
        var html = await added.Content.ReadAsStringAsync();
        Assert.Contains("增加 5 个空行", html);
        Assert.Equal((rows + 5).ToString(), FormFields(html)["r.Platform.count"]);
        Assert.Equal("改过名字的中试平台", FormFields(html)["r.Platform.0.1"]);
        Assert.Equal(0, app.WithDb(db => db.SubmissionVersions.Count(v => v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4"))));

        fields["action"] = "download";
        var download = await Post(district, fields, "/reporting/entry/workbook?period=2026Q4");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("网页填报", download.Content.Headers.ContentDisposition!.FileNameStar);
        var workbook = await download.Content.ReadAsByteArrayAsync();
        Assert.Contains(WorkbookReader.Read(workbook)["平台"], row => row.Length > 1 && Equals(row[1], "改过名字的中试平台"));
        Assert.Equal(0, app.WithDb(db => db.SubmissionVersions.Count(v => v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4"))));
        // Downloaded, it is an ordinary workbook: uploaded, it passes as it would have on the web.
        Assert.Contains("data-result=\"submitted\"", (await UploadTests.Upload(district, "2026Q4", workbook)).Html);
    }

    [Fact]
    public async Task Only_the_districts_own_accounts_enter_and_never_into_a_locked_quarter()
    {
        await using var app = new AppFactory();
        Assert.Contains("/login", (await app.Anonymous().GetAsync(Url)).Headers.Location!.OriginalString);
        foreach (var user in new[] { "office", "leader", "kjj", "admin" })
        {
            var client = await app.SignedIn(user);
            var got = await client.GetAsync(Url);
            Assert.True(got.StatusCode == HttpStatusCode.Forbidden, $"{user}: {got.StatusCode} {got.Headers.Location}");
            var post = await FlagshipTests.Post(client, "/reporting/entry/workbook?period=2026Q4", [new("v.x", "1")], "/todo");
            Assert.Contains("/access-denied", post.Headers.Location!.OriginalString);
        }
        var district = await app.SignedIn("huangpu");
        Assert.Contains("在网页上填报", await district.GetStringAsync("/reporting?period=2026Q4"));
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync("/reporting/entry?period=2031Q1")).StatusCode);
        // Without the antiforgery token nothing is read.
        Assert.Equal(HttpStatusCode.BadRequest, (await district.PostAsync("/reporting/entry/workbook?period=2026Q4", new FormUrlEncodedContent([new("v.x", "1")]))).StatusCode);

        // Once the office accepts, the page says the quarter is locked and offers no form; a post anyway changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await Post(district, Valid(FormFields(await district.GetStringAsync(Url)), await district.GetStringAsync(Url)))).StatusCode);
        var office = await app.SignedIn("office");
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440112" && s.Period == Period.Parse("2026Q4")).Id);
        await FlagshipTests.Post(office, $"/reporting/submissions/{id}/accept", [], "/reporting/review");
        var locked = await district.GetStringAsync(Url);
        Assert.Contains("data-locked", locked);
        Assert.DoesNotContain("data-entry-submit", locked);
        var before = app.WithDb(db => db.SubmissionVersions.Count());
        var token = AppFactory.Antiforgery(locked);
        var stale = await district.PostAsync(Url, new FormUrlEncodedContent([new("_handler", "web-entry"), new("__RequestVerificationToken", token), new("action", "submit")]));
        Assert.Equal(before, app.WithDb(db => db.SubmissionVersions.Count()));
        // A page left open while the office accepted is answered in Chinese with what to do, not the framework's sentence.
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.StartsWith("text/html", stale.Content.Headers.ContentType!.ToString());
        var said = await stale.Content.ReadAsStringAsync();
        Assert.Contains("操作没有执行", said);
        Assert.Contains("刷新后重试", said);
        Assert.DoesNotContain("Cannot submit", said);
    }

    [Fact]
    public async Task A_hostile_row_count_is_capped_and_answered()
    {
        await using var app = new AppFactory();
        var district = await app.SignedIn("huangpu");
        var fields = Valid(FormFields(await district.GetStringAsync(Url)), await district.GetStringAsync(Url));
        fields["r.KeyProject.count"] = "2000000000";
        fields["n." + Regex.Match(await district.GetStringAsync(Url), "name=\"n\\.([^\"]+)\"").Groups[1].Value] = new string('长', 5000);
        var response = await Post(district, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不能超过 2000 个字", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, app.WithDb(db => db.SubmissionVersions.Count(v => v.No > 0 && v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4"))));
    }

    private static string FirstIndicator(string page) => "v." + IndicatorRow().Match(page).Groups[1].Value;

    /// <summary>The page's fields with every indicator filled 5 % above last quarter (or 3 when there is none) and the submit button.</summary>
    private static Dictionary<string, string> Valid(Dictionary<string, string> fields, string page)
    {
        foreach (Match m in IndicatorWithLast().Matches(page))
        {
            var last = m.Groups[2].Value == "—" ? 3 : double.Parse(m.Groups[2].Value.Replace(",", ""));
            fields["v." + m.Groups[1].Value] = Math.Round(last * 1.05).ToString();
        }
        fields["action"] = "submit";
        return fields;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, Dictionary<string, string> fields, string url = Url)
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync(Url));
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields.Where(f => f.Key != "__RequestVerificationToken"), new("__RequestVerificationToken", token)]));
    }

    /// <summary>What the browser would post from the page's form: inputs with their values, each select's chosen option, textareas.</summary>
    internal static Dictionary<string, string> FormFields(string html)
    {
        var form = html[html.IndexOf("<form method=\"post\" data-entry", StringComparison.Ordinal)..];
        var fields = new Dictionary<string, string>();
        foreach (Match m in Input().Matches(form))
        {
            var tag = m.Value;
            if (tag.Contains("type=\"checkbox\"")) continue;
            var name = Attr(tag, "name");
            if (name is not null) fields[name] = Attr(tag, "value") ?? "";
        }
        foreach (Match m in Select().Matches(form))
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = SelectedOption().Match(m.Groups[2].Value) is { Success: true } o ? WebUtility.HtmlDecode(o.Groups[1].Value) : "";
        foreach (Match m in TextArea().Matches(form))
            fields[WebUtility.HtmlDecode(m.Groups[1].Value)] = WebUtility.HtmlDecode(m.Groups[2].Value);
        return fields;
    }

    private static string? Attr(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();

    [GeneratedRegex("<tr data-indicator=\"([^\"]+)\"")]
    private static partial Regex IndicatorRow();

    [GeneratedRegex("<tr data-indicator=\"([^\"]+)\"[^>]*>.*?<td class=\"num\">([^<]*)</td>", RegexOptions.Singleline)]
    private static partial Regex IndicatorWithLast();
}
