using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GzBioPlan.Dashboard.Submissions;
using GzBioPlan.Dashboard.Supervision;
using GzBioPlan.Domain.Attachments;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Supervision;

/// <summary>佐证材料 on 督办 items and district submissions: the flagship collection's attachment store, with workbooks and Word files.</summary>
public class ProofTests
{
    internal static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
        }
        return stream.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in parts)
                using (var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open()) entry.Write(content);
        return stream.ToArray();
    }

    private static readonly byte[] ContentTypes = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"u8.ToArray();

    [Fact]
    public void Workbooks_and_Word_files_are_told_apart_by_their_parts()
    {
        Assert.Equal(FileKind.Docx, FileCheck.Check(Docx("签约文件"), FileKinds.Reports).Kind);
        Assert.Equal(FileKind.Xlsx, FileCheck.Check(Zip(("[Content_Types].xml", ContentTypes), ("xl/workbook.xml", "<workbook/>"u8.ToArray())), FileKinds.Reports).Kind);
        Assert.Contains("不是 PDF、JPG、PNG、XLSX、DOCX 格式", FileCheck.Check(Zip(("readme.txt", "hello"u8.ToArray())), FileKinds.Reports).Problem);
        Assert.Contains("不是 PDF、JPG、PNG 格式", FileCheck.Check(Docx("x"), FileKinds.Documents).Problem); // the flagship form takes scans only
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string page, string owner, long id, byte[] bytes, string name) =>
        AttachmentUpload.Post(client, page, owner, id, "proof", bytes, name);

    private static async Task<long> Open(AppFactory app, string addressee)
    {
        var office = await app.SignedIn("office");
        var response = await FlagshipTests.Post(office, "/supervision/new",
            [new("_handler", "open-item"), new("Input.Title", "签约文件待补"), new("Input.Addressee", addressee), new("Input.Due", "2026-12-31"), new("Input.Requirement", "请上传签约文件。")],
            "/supervision/new");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task A_district_sends_the_signed_contract_on_a_督办_item_and_only_those_who_may_see_it_read_it()
    {
        await using var app = new AppFactory();
        var id = await Open(app, "District:440112");
        var huangpu = await app.SignedIn("huangpu");
        var page = $"/supervision/{id}";
        var contract = Docx("项目签约文件");
        Assert.Contains("已上传“签约文件.docx”", FlagshipTests.Said(app, await Upload(huangpu, page, SupervisionAttachments.Owner, id, contract, "签约文件.docx")));
        var html = await (await app.SignedIn("office")).GetStringAsync(page);
        var link = Regex.Match(html, "href=\"(/attachments/supervision/file/\\d+)\"").Groups[1].Value;
        Assert.Equal(contract, await (await app.SignedIn("office")).GetByteArrayAsync(link));
        Assert.Contains("/access-denied", (await (await app.SignedIn("kjj")).GetAsync(link)).Headers.Location!.OriginalString);
        var tianhe = await app.DistrictClient("440106");
        Assert.Contains("/access-denied", (await tianhe.GetAsync(link)).Headers.Location!.OriginalString);

        // Hostile or wrong files are refused in Chinese and only the attempt is kept.
        var macro = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>")),
            ("word/document.xml", "<w:document/>"u8.ToArray()));
        Assert.Contains("启用宏的文档", FlagshipTests.Said(app, await Upload(huangpu, page, SupervisionAttachments.Owner, id, macro, "a.docx")));
        var bomb = Zip(("[Content_Types].xml", ContentTypes), ("word/document.xml", "<w:document/>"u8.ToArray()), ("word/media/big.bin", new byte[120 * 1024 * 1024]));
        Assert.Contains("解压后的内容过大", FlagshipTests.Said(app, await Upload(huangpu, page, SupervisionAttachments.Owner, id, bomb, "b.docx")));
        Assert.Contains("不是 PDF、JPG、PNG、XLSX、DOCX 格式", FlagshipTests.Said(app, await Upload(huangpu, page, SupervisionAttachments.Owner, id, "MZ\0\0"u8.ToArray(), "c.pdf")));
        Assert.Contains("只有承办、协办单位和协调办", FlagshipTests.Said(app, await Upload(tianhe, "/todo", SupervisionAttachments.Owner, id, Docx("x"), "d.docx")));
        Assert.Equal(1, app.WithDb(db => db.Attachments.Count(a => a.Owner == SupervisionAttachments.Owner && a.OwnerId == id)));
    }

    [Fact]
    public async Task A_district_attaches_a_proof_to_its_submission_until_it_is_accepted()
    {
        await using var app = new AppFactory();
        var district = await app.DistrictClient("440104");
        await UploadTests.Upload(district, "2027Q1", Workbooks.Filled(await UploadTests.Template(district, "2027Q1")));
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440104").Id);
        var proof = Docx("统计局证明");
        Assert.Contains("已上传", FlagshipTests.Said(app, await Upload(district, "/reporting?period=2027Q1", SubmissionAttachments.Owner, id, proof, "证明.docx")));
        Assert.Contains("data-confirm=\"删除附件「证明.docx」？删除后不能恢复。\"", await district.GetStringAsync("/reporting?period=2027Q1")); // asks first
        var office = await app.SignedIn("office");
        var html = await office.GetStringAsync($"/reporting/submissions/{id}");
        Assert.Contains("证明.docx", html);
        var link = Regex.Match(html, "href=\"(/attachments/submission/file/\\d+)\"").Groups[1].Value;
        Assert.Equal(proof, await office.GetByteArrayAsync(link));
        Assert.Contains("/access-denied", (await (await app.SignedIn("huangpu")).GetAsync(link)).Headers.Location!.OriginalString);
        Assert.Contains("只有本区工信部门", FlagshipTests.Said(app, await Upload(office, $"/reporting/submissions/{id}", SubmissionAttachments.Owner, id, proof, "x.docx")));

        await office.PostAsync($"/reporting/submissions/{id}/accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await office.GetStringAsync($"/reporting/submissions/{id}")),
        }));
        Assert.Contains("不能再改动", FlagshipTests.Said(app, await Upload(district, "/reporting?period=2027Q1", SubmissionAttachments.Owner, id, proof, "again.docx")));
    }

    [Fact]
    public async Task A_unit_attaches_a_proof_to_its_progress_report_and_it_stays_through_corrections()
    {
        await using var app = new AppFactory();
        var kjj = await app.SignedIn("kjj");
        async Task Report(string narrative) => await FlagshipTests.Post(kjj, "/progress/report",
            [new("period", "2026Q4"), new("item", "task-1"), new("part", "1"), new("status", "InProgress"), new("percent", "40"), new("narrative", narrative)], "/progress?period=2026Q4");
        Assert.Contains("保存本季度进展后可以上传佐证材料", await kjj.GetStringAsync("/progress?period=2026Q4"));
        await Report("菌种库一期完成设计");
        var first = app.WithDb(db => db.ProgressReports.Single(r => r.UnitCode == "kjj" && r.WorkItemCode == "task-1" && r.Period == GzBioPlan.Domain.Periods.Period.Parse("2026Q4")).Id);
        var workbook = Workbooks.Filled(await UploadTests.Template(await app.SignedIn("huangpu"), "2026Q4"));
        Assert.Contains("已上传", FlagshipTests.Said(app, await Upload(kjj, "/progress?period=2026Q4", Dashboard.Progress.ProgressAttachments.Owner, first, workbook, "进度表.xlsx")));
        await Report("菌种库一期完成设计（更正）");
        var page = await kjj.GetStringAsync("/progress?period=2026Q4");
        Assert.Contains("进度表.xlsx", page);
        Assert.Contains("进度表.xlsx", await (await app.SignedIn("office")).GetStringAsync("/progress?period=2026Q4"));
        Assert.Contains("只有报告单位本单位", FlagshipTests.Said(app, await Upload(await app.SignedIn("office"), "/progress?period=2026Q4",
            Dashboard.Progress.ProgressAttachments.Owner, first, workbook, "x.xlsx")));
    }
}
