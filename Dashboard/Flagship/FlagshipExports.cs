using GzBioPlan.Dashboard.Shared;
using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>附件2 《YYYY年生物制造标志性产品推荐汇总表》 as the national call lays it out: its label, title, 盖章 line and exactly its columns.</summary>
public static class FlagshipExports
{
    public static readonly IReadOnlyList<string> SummaryHeaders =
    [
        "序号", "报送单位名称", "报送产品名称", "所属征集类型", "所属征集领域", "推荐理由", "工业和信息化主管部门联系人（姓名、职务、职称）", "联系方式（手机号码）",
    ];

    private static readonly double[] Widths = [6, 24, 24, 12, 14, 40, 22, 16];

    /// <summary>The 标志性产品库 as filtered, one row per product.</summary>
    public static byte[] Library(IReadOnlyList<LibraryRow> rows, string reader) => Xlsx.Write(reader, new Sheet("标志性产品库", "生物制造标志性产品库（本市推荐）",
        ["年份", "推荐顺序", "报送单位名称", "统一社会信用代码", "区", "报送产品名称", "核定名称", "所属征集类型", "所属征集领域", "结果", "结果日期"],
        [.. rows.Select(r => new object?[]
        {
            r.Year, r.Rank, r.Applicant, r.Uscc, r.District, r.ProductName, r.FixedName, r.Kind, r.Field, r.OutcomeLabel,
            r.Latest is { } o ? o.On.ToDateTime(TimeOnly.MinValue) : null,
        })]));

    /// <summary>One file of the package: its path inside the .zip and its bytes.</summary>
    public sealed record PackedFile(string Path, byte[] Content);

    /// <summary>Everything the city sends for its recommendation, in one .zip: 附件2 first, then one folder per product in order.</summary>
    public static byte[] Package(IEnumerable<PackedFile> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var f in files)
            {
                var path = f.Path;
                for (var n = 2; !used.Add(path); n++) path = System.IO.Path.ChangeExtension(f.Path, null) + $"（{n}）" + System.IO.Path.GetExtension(f.Path);
                var entry = zip.CreateEntry(path, System.IO.Compression.CompressionLevel.Optimal);
                using var target = entry.Open();
                target.Write(f.Content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A name that is safe as one part of a path in the .zip on every system.</summary>
    public static string PathPart(string name) =>
        new string([.. Attachments.AttachmentStore.CleanName(name).Select(c => System.IO.Path.GetInvalidFileNameChars().Contains(c) || c is ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c)]);

    public static byte[] Summary(RecommendationSummary summary, string reader)
    {
        using var package = new ExcelPackage();
        var ws = package.Workbook.Worksheets.Add("推荐汇总表");
        ws.Cells.Style.Font.Name = "宋体";
        ws.Cells.Style.Font.Size = 11;
        ws.Cells[1, 1].Value = "附件2";
        ws.Cells[1, 1].Style.Font.Name = "黑体";
        ws.Cells[2, 1].Value = summary.Batch.SummaryTitle;
        ws.Cells[2, 1, 2, SummaryHeaders.Count].Merge = true;
        ws.Cells[2, 1].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        ws.Cells[2, 1].Style.Font.Size = 18;
        ws.Cells[2, 1].Style.Font.Name = "方正小标宋简体";
        ws.Row(2).Height = 32;
        ws.Cells[3, 1].Value = "工业和信息化主管部门（盖章）：";
        ws.Row(3).Height = 24;
        for (var c = 0; c < SummaryHeaders.Count; c++)
        {
            ws.Column(c + 1).Width = Widths[c];
            ws.Cells[4, c + 1].Value = SummaryHeaders[c];
        }
        ws.Cells[4, 1, 4, SummaryHeaders.Count].Style.Font.Bold = true;
        ws.Row(4).Height = 45;
        var r = 5;
        foreach (var row in summary.Rows)
        {
            object?[] values = [row.RecommendRank, row.Applicant, row.ProductName, row.Kind, row.Field, row.RecommendReason, row.RecommendContact, row.RecommendPhone];
            for (var c = 0; c < values.Length; c++) ws.Cells[r, c + 1].Value = Xlsx.Safe(values[c]);
            // Wrapped text needs the row tall enough for its longest cell: about two columns of width per CJK character at 11 pt.
            var lines = values.Select((v, c) => Math.Ceiling(Xlsx.DisplayWidth(v) / Math.Max(1, Widths[c] - 1))).Max();
            ws.Row(r).Height = Math.Max(30, 15 * lines + 4);
            r++;
        }
        var table = ws.Cells[4, 1, Math.Max(r - 1, 4), SummaryHeaders.Count];
        table.Style.WrapText = true;
        table.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
        foreach (var border in new[] { table.Style.Border.Top, table.Style.Border.Bottom, table.Style.Border.Left, table.Style.Border.Right }) border.Style = ExcelBorderStyle.Thin;
        ws.Cells[4, 1, 4, SummaryHeaders.Count].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        ws.Cells[5, 1, Math.Max(r - 1, 5), 1].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        ws.PrinterSettings.Orientation = eOrientation.Landscape;
        ws.PrinterSettings.PaperSize = ePaperSize.A4;
        ws.PrinterSettings.FitToPage = true;
        ws.PrinterSettings.FitToWidth = 1;
        ws.PrinterSettings.FitToHeight = 0;
        ws.PrinterSettings.RepeatRows = ws.Cells["4:4"];
        ws.HeaderFooter.OddHeader.RightAlignedText = Watermark.Text(reader);
        ws.HeaderFooter.OddFooter.CenteredText = $"第 {ExcelHeaderFooter.PageNumber} 页，共 {ExcelHeaderFooter.NumberOfPages} 页";
        return package.GetAsByteArray();
    }
}
