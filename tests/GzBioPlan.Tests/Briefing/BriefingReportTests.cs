using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GzBioPlan.Dashboard.Briefing;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Briefing;

/// <summary>情况通报: drafted from the quarter, edited and saved by the office in versions, read by readers, and its .docx.</summary>
public class BriefingReportTests
{
    private const string Url = "/briefing/report?period=2026Q3";

    private static Task<HttpResponseMessage> OpenItem(HttpClient office) =>
        FlagshipTests.Post(office, "/supervision/new",
            [new("_handler", "open-item"), new("Input.Title", "菌种库建设滞后专项督办"), new("Input.Addressee", "Unit:kjj"), new("Input.Due", "2026-11-25"),
             new("Input.Requirement", "请加快建设。"), new("Input.Level", "Urgent")], "/supervision/new");

    private static Dictionary<string, string> Fields(string html)
    {
        var fields = new Dictionary<string, string>();
        foreach (Match m in Regex.Matches(html, "<input[^>]*name=\"(Input\\.[^\"]+)\"[^>]*value=\"([^\"]*)\""))
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (Match m in Regex.Matches(html, "<textarea name=\"(Input\\.[^\"]+)\"[^>]*>([^<]*)</textarea>"))
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        fields["_handler"] = "briefing-report";
        return fields;
    }

    private static async Task<HttpResponseMessage> Save(HttpClient client, Dictionary<string, string> fields) =>
        await FlagshipTests.Post(client, Url, fields.Where(f => f.Key != "__RequestVerificationToken"), Url);

    private static string Text(WordprocessingDocument doc) =>
        string.Join("\n", doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));

    [Fact]
    public async Task The_office_saves_the_drafted_report_in_versions_and_the_docx_names_every_red_item_and_open_item()
    {
        await using var app = new AppFactory();
        var office = await app.SignedIn("office");
        Assert.Equal(HttpStatusCode.Redirect, (await OpenItem(office)).StatusCode);
        var page = await office.GetStringAsync(Url);
        Assert.Contains("系统根据本季度数据起草，尚未保存", page);
        var fields = Fields(page);
        Assert.Contains("4项2027年工作目标中", fields["Input.Overview"]);
        Assert.Contains("三（三）夯实产业基础设施（任务滞后）", fields["Input.Problems"]);
        Assert.Contains("责任单位为市科技局", fields["Input.Problems"]);
        Assert.Contains("菌种库建设滞后专项督办（紧急，承办：市科技局", fields["Input.NextSteps"]);

        fields["Input.MeetingDate"] = "2026-10-20";
        fields["Input.Progress"] += "\n（四）协调办补充。这是办公室加上的一句话。";
        var saved = await Save(office, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("version=1&saved=1", saved.Headers.Location!.OriginalString);
        var second = await Save(office, new Dictionary<string, string>(fields) { ["Input.Title"] = "关于2026年第3季度工作推进情况的通报（修改）" });
        Assert.EndsWith("version=2&saved=1", second.Headers.Location!.OriginalString);
        var reports = app.WithDb(db => db.BriefingReports.Where(r => r.Period == Period.Parse("2026Q3")).OrderBy(r => r.VersionNo).ToList());
        Assert.Equal([1, 2], reports.Select(r => r.VersionNo));
        Assert.Equal(new DateOnly(2026, 10, 20), reports[0].MeetingDate);
        Assert.Equal("office", reports[0].SavedBy);
        Assert.NotEqual(reports[0].Title, reports[1].Title);
        Assert.Equal(2, app.WithDb(db => db.AuditEntries.Count(a => a.Action == "保存情况通报")));
        var latest = await office.GetStringAsync(Url);
        Assert.Contains("第 2 版 · office 保存于", latest);
        Assert.Contains("data-version=\"1\"", latest);

        // A reader reads the saved text (version 1 by its link) and downloads it; the office's added sentence is there.
        var leader = await app.SignedIn("leader");
        var read = await leader.GetStringAsync(Url + "&version=1");
        Assert.Contains("data-report-text", read);
        Assert.DoesNotContain("data-report-form", read);
        Assert.Contains("这是办公室加上的一句话。", read);

        using var doc = WordprocessingDocument.Open(new MemoryStream(await leader.GetByteArrayAsync("/export/briefing-report.docx?period=2026Q3&version=1")), false);
        var text = Text(doc);
        foreach (var section in BriefingReportDocx.Sections) Assert.Contains(section, text);
        foreach (var red in new[] { "三（三）夯实产业基础设施", "三（三）菌种库建设", "三（四）加强产业载体建设", "三（四）黄埔区生物制造产业园区规划建设", "菌种库、元件库建成并对外提供服务" })
            Assert.Contains(red, text);
        foreach (var district in new[] { "荔湾区", "越秀区", "增城区" }) Assert.Contains(district, text);
        Assert.Contains("菌种库建设滞后专项督办", text);
        Assert.Contains(BriefingReportQuery.DefaultAddressee, text);
        Assert.Contains("2026年10月20日", text);
    }

    [Fact]
    public async Task The_docx_is_laid_out_by_GB_T_9704()
    {
        await using var app = new AppFactory();
        var bytes = await (await app.SignedIn("office")).GetByteArrayAsync("/export/briefing-report.docx?period=2026Q3");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value)); // A4
        var margin = section.GetFirstChild<PageMargin>()!;
        // 37, 35, 28 and 26 mm.
        Assert.Equal((2098, 1984, 1588u, 1474u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal(DocGridValues.Lines, grid.Type!.Value);
        // 22 lines in the 225 mm (12 757 twips) between the margins, 28 characters of 16 pt with the spacing in the 156 mm line.
        Assert.Equal(22, (16838 - 2098 - 1984) / grid.LinePitch!.Value);
        var spacing = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<Spacing>()!.Val!.Value;
        Assert.Equal(28, (11906 - 1588 - 1474) / (320 + spacing));

        var paragraphs = main.Document.Body.Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();
        var title = paragraphs[0].Descendants<RunProperties>().First();
        Assert.Equal(("方正小标宋简体", "44"), (title.RunFonts!.EastAsia!.Value, title.FontSize!.Val!.Value));
        Assert.Equal(JustificationValues.Center, paragraphs[0].ParagraphProperties!.Justification!.Val!.Value);
        Assert.EndsWith("：", paragraphs[1].InnerText); // 主送
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal(("仿宋_GB2312", "32"), (defaults.RunFonts!.EastAsia!.Value, defaults.FontSize!.Val!.Value));
        string? FontOf(string starts) => paragraphs.First(p => p.InnerText.StartsWith(starts)).Descendants<RunFonts>().FirstOrDefault()?.EastAsia?.Value;
        Assert.Equal("黑体", FontOf("一、总体情况"));
        Assert.Equal("楷体_GB2312", FontOf("（一）工作目标"));
        var body = paragraphs.First(p => p.InnerText.StartsWith("截至"));
        Assert.Equal(200, body.ParagraphProperties!.Indentation!.FirstLineChars!.Value);
        Assert.Equal("640", body.ParagraphProperties!.Indentation!.FirstLine!.Value); // two 16 pt characters, for LibreOffice
        // Only the heading of a 「（一）」 paragraph is 楷体; the sentences after it are in the body font.
        var sub = paragraphs.First(p => p.InnerText.StartsWith("（一）工作目标。") && p.InnerText.Length > 8);
        Assert.Equal("（一）工作目标。", sub.Elements<Run>().First().InnerText);
        Assert.Null(sub.Elements<Run>().Last().Descendants<RunFonts>().FirstOrDefault());
        // Headings stay with their text, and the text's end with the 落款, so neither stands alone at a page's foot or top.
        Assert.All(BriefingReportDocx.Sections, h => Assert.NotNull(paragraphs.First(p => p.InnerText == h).ParagraphProperties!.KeepNext));
        var all = main.Document.Body.Elements<Paragraph>().ToList();
        var signed = all.FindIndex(p => p.InnerText == BriefingReportQuery.DefaultIssuer);
        Assert.All(all.Skip(signed - 3).Take(4), p => Assert.NotNull(p.ParagraphProperties!.KeepNext));
        Assert.Equal(JustificationValues.Right, paragraphs[^1].ParagraphProperties!.Justification!.Val!.Value); // date
        Assert.Equal(BriefingReportQuery.DefaultIssuer, paragraphs[^2].InnerText);

        // 「— 1 —」: odd pages right, even pages left, 14 pt.
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<EvenAndOddHeaders>());
        var footers = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => ((FooterPart)main.GetPartById(r.Id!)).Footer!);
        Assert.Equal(JustificationValues.Right, footers[HeaderFooterValues.Default].Descendants<Justification>().Single().Val!.Value);
        Assert.Equal(JustificationValues.Left, footers[HeaderFooterValues.Even].Descendants<Justification>().Single().Val!.Value);
        Assert.Equal("—  PAGE  —", footers[HeaderFooterValues.Default].InnerText);
        Assert.All(footers[HeaderFooterValues.Default].Descendants<FontSize>(), s => Assert.Equal("28", s.Val!.Value));
        // WPS and Word substitute the GB2312 fonts by their alternative names.
        var fonts = main.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        Assert.Equal("仿宋", fonts["仿宋_GB2312"]);
        Assert.Equal("楷体", fonts["楷体_GB2312"]);
    }

    [Fact]
    public async Task LibreOffice_opens_the_docx_as_A4_pages()
    {
        await using var app = new AppFactory();
        var folder = Path.Combine(app.Folder, "report");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "情况通报.docx");
        await File.WriteAllBytesAsync(file, await (await app.SignedIn("office")).GetByteArrayAsync("/export/briefing-report.docx?period=2026Q3"), TestContext.Current.CancellationToken);
        LibreOffice.ToPdf([file], folder);
        var pdf = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(Path.Combine(folder, "情况通报.pdf"), TestContext.Current.CancellationToken));
        var boxes = Regex.Matches(pdf, @"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]").Select(m => (Math.Round(double.Parse(m.Groups[1].Value)), Math.Round(double.Parse(m.Groups[2].Value)))).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, b => Assert.Equal((595d, 842d), b));
        Assert.True(Regex.Matches(pdf, @"/Type\s*/Page[^s]").Count >= 2, "the report runs over more than one page");
    }

    [Fact]
    public async Task A_district_may_not_read_it_and_a_unit_reads_without_editing()
    {
        await using var app = new AppFactory();
        var district = await app.SignedIn("huangpu");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync(Url)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await district.GetAsync("/export/briefing-report.docx?period=2026Q3")).StatusCode);
        var unit = await (await app.SignedIn("kjj")).GetStringAsync(Url);
        Assert.Contains("data-report-text", unit);
        Assert.DoesNotContain("data-report-form", unit);
    }

    [Fact]
    public async Task A_reader_cannot_save_and_a_bad_save_changes_nothing()
    {
        await using var app = new AppFactory();
        var leader = await app.SignedIn("leader");
        var fields = Fields(await (await app.SignedIn("office")).GetStringAsync(Url));
        // The reader's page renders no form, so a post to it is refused as a form that does not exist there.
        Assert.Equal(HttpStatusCode.BadRequest, (await FlagshipTests.Post(leader, Url, fields, "/account/password")).StatusCode);

        var office = await app.SignedIn("office");
        var empty = new Dictionary<string, string>(fields) { ["Input.Problems"] = "", ["Input.MeetingDate"] = "" };
        var refused = await Save(office, empty);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写存在问题。", html);
        Assert.Contains("请填写会议日期。", html);
        var huge = new Dictionary<string, string>(fields) { ["Input.Overview"] = new string('长', 8_001) };
        var tooLong = await (await Save(office, huge)).Content.ReadAsStringAsync();
        Assert.Contains("总体情况太长。", tooLong);
        Assert.Equal(0, app.WithDb(db => db.BriefingReports.Count()));
    }

    [Fact]
    public async Task The_print_page_links_the_report_and_charts_the_targets_behind()
    {
        await using var app = new AppFactory();
        var page = await (await app.SignedIn("leader")).GetStringAsync("/briefing?period=2026Q3");
        Assert.Contains("href=\"/briefing/report?period=2026Q3\"", page);
        Assert.Contains("data-briefing-charts", page);
        Assert.Contains("创新引领型企业（滞后）", page);
        // Each chart is named on the page; the target judged by its milestones alone (菌种库) has no figures to draw.
        Assert.Contains("<h3 class=\"chart-title\">1. 创新引领型企业（滞后）</h3>", page);
        Assert.Equal(2, Regex.Matches(page, "data-chart=\"").Count);
        Assert.DoesNotContain("chart-title\">3.", page);
    }
}
