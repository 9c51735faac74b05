using System.Drawing;
using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace GzBioPlan.Ingest.Validation;

/// <summary>The uploader's own workbook back, each problem cell filled and commented, plus a 问题清单 sheet.</summary>
public static class ProblemMarker
{
    private static readonly Color ErrorFill = Color.FromArgb(0xF8, 0xC9, 0xC4);
    private static readonly Color WarningFill = Color.FromArgb(0xFF, 0xE0, 0x9E);

    /// <returns>The marked workbook, or null when the file cannot be opened as a workbook at all.</returns>
    public static byte[]? Mark(byte[] original, IReadOnlyList<Problem> problems)
    {
        try
        {
            using var package = new ExcelPackage(new MemoryStream(original));
            var book = package.Workbook;
            foreach (var p in problems.Where(p => p.Sheet is not null && p.Cell is not null))
            {
                var ws = book.Worksheets[p.Sheet];
                if (ws is null) continue;
                var cell = ws.Cells[p.Cell];
                cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
                cell.Style.Fill.BackgroundColor.SetColor(p.Severity == Severity.Error ? ErrorFill : WarningFill);
                // The value as typed: a template format such as #,##0 would show 16.5 as 17 beside a comment saying it must be whole.
                if (cell.Value is double or decimal or int or long) cell.Style.Numberformat.Format = "General";
                var text = $"{(p.Severity == Severity.Error ? "错误" : "请核实")}：{p.Message}" + (p.Expected is null ? "" : $"\n应为：{p.Expected}");
                if (cell.Comment is null) ws.Comments.Add(cell, text, "GzBioPlan");
                else cell.Comment.Text += "\n" + text;
            }
            if (book.Worksheets["问题清单"] is { } old) book.Worksheets.Delete(old);
            var list = book.Worksheets.Add("问题清单");
            string[] headers = ["类别", "工作表", "单元格", "填写的值", "应为", "说明"];
            for (var c = 0; c < headers.Length; c++)
            {
                list.Cells[1, c + 1].Value = headers[c];
                list.Cells[1, c + 1].Style.Font.Bold = true;
            }
            for (var i = 0; i < problems.Count; i++)
            {
                var p = problems[i];
                object?[] row = [p.Severity == Severity.Error ? "错误" : "请核实", p.Sheet, p.Cell, p.Value, p.Expected, p.Message];
                for (var c = 0; c < row.Length; c++) list.Cells[i + 2, c + 1].Value = row[c];
            }
            double[] widths = [8, 16, 8, 20, 28, 80];
            for (var c = 0; c < widths.Length; c++) list.Column(c + 1).Width = widths[c];
            list.View.FreezePanes(2, 1);
            book.Worksheets.MoveToStart("问题清单");
            // Opens on 问题清单: the uploaded file's own active tab index would now point at another sheet.
            // (TabSelectedMulti: EPPlus's TabSelected setter goes by positions that moving the sheet left stale.)
            foreach (var ws in book.Worksheets) ws.View.TabSelectedMulti = ws == list;
            book.View.ActiveTab = 0;
            return package.GetAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
