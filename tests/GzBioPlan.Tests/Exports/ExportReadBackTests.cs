using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Tests.Support;
using OfficeOpenXml;

namespace GzBioPlan.Tests.Exports;

/// <summary>
/// Every export read back as a person opening it would see it: dates are dates, wrapped text shows all its lines (as
/// LibreOffice Calc measures them), nothing prints under 8 pt, and the labels are the pages' own.
/// </summary>
[Collection(SharedAppCollection.Name)]
public class ExportReadBackTests(AppFactory app)
{
    private static readonly string[] OfficeExports =
    [
        "/export/targets.xlsx", "/export/tasks.xlsx", "/export/areas.xlsx", "/export/districts.xlsx", "/export/breakdown.xlsx", "/export/briefing.xlsx",
        "/export/laggards.xlsx", "/export/supervision.xlsx", "/export/districts/440112.xlsx", "/export/targets/target-1.xlsx", "/export/tasks/task-1.xlsx",
        "/export/units/gxj.xlsx", "/flagship/library.xlsx", "/export/completeness.xlsx",
    ];

    private async Task<string> DownloadAllAsync()
    {
        var folder = Path.Combine(app.Folder, "exports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var office = await app.SignedIn("office");
        foreach (var url in OfficeExports)
            await File.WriteAllBytesAsync(Path.Combine(folder, url.Trim('/').Replace('/', '_')), await office.GetByteArrayAsync(url));
        await File.WriteAllBytesAsync(Path.Combine(folder, "admin_audit.xlsx"), await (await app.SignedIn("admin")).GetByteArrayAsync("/admin/audit.xlsx"));
        return folder;
    }

    private static IEnumerable<(string File, ExcelWorksheet Sheet)> Sheets(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.xlsx").Order())
        {
            var package = new ExcelPackage(new FileInfo(file));
            foreach (var ws in package.Workbook.Worksheets) yield return (Path.GetFileName(file), ws);
        }
    }

    [Fact]
    public async Task Dates_are_dates_and_the_labels_are_the_pages()
    {
        var folder = await DownloadAllAsync();
        var dated = 0;
        foreach (var (file, ws) in Sheets(folder))
        {
            if (ws.Dimension is null) continue;
            for (var c = 1; c <= ws.Dimension.End.Column; c++)
            {
                var header = ws.Cells[2, c].Text;
                if (!System.Text.RegularExpressions.Regex.IsMatch(header, "时间|日期|期限|提交$")) continue;
                for (var r = 3; r <= ws.Dimension.End.Row; r++)
                {
                    var cell = ws.Cells[r, c];
                    if (cell.Value is null) continue;
                    Assert.True(cell.Value is DateTime or double, $"{file} {ws.Name}!{cell.Address}（{header}）= “{cell.Value}” is text, not a date");
                    Assert.Contains("yy", cell.Style.Numberformat.Format);
                    dated++;
                }
            }
            for (var r = 3; ws.Dimension is not null && r <= ws.Dimension.End.Row; r++)
            for (var c = 1; c <= ws.Dimension.End.Column; c++)
                Assert.False(ws.Cells[r, c].Text is "绿灯" or "黄灯" or "红灯", $"{file} {ws.Name}!{ws.Cells[r, c].Address} says {ws.Cells[r, c].Text}; the pages say 正常/滞后/严重滞后");
        }
        Assert.True(dated >= 5, $"only {dated} dated cells were found: the header match is off");
        var targets = Sheets(folder).First(s => s.File == "export_targets.xlsx").Sheet;
        // 2027年目标 keeps the page's ≥ and 约 in its number format, and stays a number.
        var goals = Enumerable.Range(3, 4).Select(r => targets.Cells[r, 7]).ToList();
        Assert.Contains(goals, g => g.Style.Numberformat.Format.Contains('≥') && g.Value is double);
        Assert.Contains(goals, g => g.Style.Numberformat.Format.Contains('约') && g.Value is double);
    }

    [Fact]
    public async Task Wrapped_rows_are_as_tall_as_LibreOffice_needs_and_nothing_prints_under_8_pt()
    {
        var folder = await DownloadAllAsync();
        var heights = LibreOffice.RowHeights(folder).ToDictionary(h => (h.File, h.Sheet, h.Row));
        var wrapped = 0;
        foreach (var (file, ws) in Sheets(folder))
        {
            if (ws.Dimension is null) continue;
            for (var r = 1; r <= ws.Dimension.End.Row; r++)
            {
                var h = heights[(file, ws.Name, r)];
                // Half a millimetre of slack for rounding between points and 1/100 mm.
                Assert.True(h.Stored >= h.Optimal - 50, $"{file} {ws.Name} row {r}: stored {h.Stored / 100.0} mm, LibreOffice needs {h.Optimal / 100.0} mm");
                if (!Enumerable.Range(1, ws.Dimension.End.Column).Any(c => ws.Cells[r, c].Style.WrapText)) continue;
                wrapped++;
                Assert.True(h.Stored <= h.Optimal * 1.6 + 500, $"{file} {ws.Name} row {r}: {h.Stored / 100.0} mm where {h.Optimal / 100.0} mm would do");
            }
            var widths = Enumerable.Range(1, ws.Dimension.End.Column).Select(c => ws.Column(c).Width);
            var scale = ws.PrinterSettings.FitToPage ? Xlsx.PrintScale(widths) : (ws.PrinterSettings.Scale is > 0 and var s ? s : 100) / 100.0;
            Assert.True(scale * 11 >= 8, $"{file} {ws.Name} prints its 11 pt text at {scale * 11:0.0} pt");
            var headers = Enumerable.Range(1, ws.Dimension.End.Column).Select(c => ws.Cells[2, c].Text).ToList();
            if (!ws.PrinterSettings.FitToPage)
            {
                // Pages after the first repeat what each row is: up to its name column.
                var repeated = ws.PrinterSettings.RepeatColumns!.End.Column;
                var name = headers.FindIndex(h => h is "区" or "目标" or "事项" or "任务 / 措施");
                Assert.True(name < 0 || name < repeated, $"{file} {ws.Name} repeats {repeated} columns, not its 「{(name < 0 ? "" : headers[name])}」");
            }
            for (var c = 1; c <= headers.Count; c++)
            {
                // Dates are flush left as text is read; only plain figures are right-aligned.
                var cells = Enumerable.Range(3, Math.Max(0, ws.Dimension.End.Row - 2)).Select(r => ws.Cells[r, c]).Where(x => x.Value is not null).ToList();
                if (cells.Count > 0 && cells.All(x => x.Value is double or decimal or int or long && !x.Style.Numberformat.Format.Contains("yy")))
                    Assert.True(ws.Cells[2, c].Style.HorizontalAlignment == OfficeOpenXml.Style.ExcelHorizontalAlignment.Right,
                        $"{file} {ws.Name} 「{headers[c - 1]}」: a column of numbers under a left-aligned header");
            }
        }
        Assert.True(wrapped > 10, $"only {wrapped} wrapped rows: the exports' long text no longer wraps");
    }
}
