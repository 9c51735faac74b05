using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>A figure with the page that traces it (数据溯源): the workbook holds the value, the page shows it as a link.</summary>
public sealed record Traced(object? Value, string Href)
{
    public static object? Of(object? value, string? href) => value is null || href is null ? value : new Traced(value, href);
}

/// <summary>One worksheet: a title line, a header row and rows of plain values (or <see cref="Traced"/> ones).</summary>
public sealed record Sheet(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>Writes tables to .xlsx with what people expect of an export: frozen headers, set widths, A4 landscape.</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The sheets as a workbook; each printed page's header says 「内部资料」 and who exported it (as the pages' watermark does).</summary>
    public static byte[] Write(string reader, params Sheet[] sheets)
    {
        using var package = new ExcelPackage();
        foreach (var sheet in sheets)
        {
            var ws = package.Workbook.Worksheets.Add(sheet.Name);
            ws.Cells[1, 1].Value = sheet.Title;
            ws.Cells[1, 1].Style.Font.Bold = true;
            ws.Cells[1, 1].Style.Font.Size = 14;
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                var cell = ws.Cells[2, c + 1];
                cell.Value = sheet.Headers[c];
                cell.Style.Font.Bold = true;
                cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
                cell.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xE8, 0xEE, 0xF7));
            }
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                for (var c = 0; c < row.Length; c++)
                {
                    var cell = ws.Cells[r + 3, c + 1];
                    var value = row[c] is Traced traced ? traced.Value : row[c];
                    cell.Value = Safe(value);
                    // Times are real dates (sortable, filterable), shown as people write them.
                    if (value is DateTime at)
                    {
                        cell.Style.Numberformat.Format = at.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss";
                        // Read as text is read: flush left, so a date never runs into the next column's words.
                        cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Left;
                    }
                }
            }
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                // AutoFit needs libgdiplus; estimate from the text instead (CJK characters are about two columns wide).
                var widest = sheet.Rows.Select(row => c < row.Length ? DisplayWidth(row[c]) : 0).Append(DisplayWidth(sheet.Headers[c])).Max();
                ws.Column(c + 1).Width = Math.Clamp(widest + 2, 8, 60);
                ws.Column(c + 1).Style.WrapText = widest > 58;
            }
            ws.View.FreezePanes(3, 1);
            ws.PrinterSettings.Orientation = eOrientation.Landscape;
            ws.PrinterSettings.PaperSize = ePaperSize.A4;
            ws.PrinterSettings.FitToPage = true;
            ws.PrinterSettings.FitToWidth = 1;
            ws.PrinterSettings.FitToHeight = 0;
            ws.PrinterSettings.RepeatRows = ws.Cells["1:2"];
            ws.HeaderFooter.OddHeader.RightAlignedText = Watermark.Text(reader);
            ws.HeaderFooter.OddFooter.CenteredText = $"第 {ExcelHeaderFooter.PageNumber} 页，共 {ExcelHeaderFooter.NumberOfPages} 页";
        }
        return package.GetAsByteArray();
    }

    /// <summary>Text that Excel would take for a formula (=, +, -, @) is written with a leading apostrophe.</summary>
    public static object? Safe(object? value) =>
        value is string s && s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : value;

    /// <summary>The inverse of <see cref="Safe"/> for text read back from an export that is also an import template.</summary>
    public static string? Unsafe(string? text) => text is ['\'', '=' or '+' or '-' or '@' or '\t' or '\r', ..] ? text[1..] : text;

    public static int DisplayWidth(object? value) =>
        value switch
        {
            null => 0,
            Traced t => DisplayWidth(t.Value),
            decimal or double or int or long => 10,
            DateTime => 19,
            _ => value.ToString()!.Sum(ch => ch > 0x2E80 ? 2 : 1),
        };
}
