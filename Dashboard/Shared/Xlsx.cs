using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>A figure with the page that traces it (数据溯源): the workbook holds the value, the page shows it as a link.</summary>
public sealed record Traced(object? Value, string Href)
{
    public static object? Of(object? value, string? href) => value is null || href is null ? value : new Traced(value, href);
}

/// <summary>One worksheet: a title line, a header row and rows of plain values (or <see cref="Traced"/> ones).</summary>
public sealed record Sheet(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The leading columns that say what a row is (序号 and name, or 排名, 较上季 and 区): repeated on every page of a sheet too wide for one.</summary>
    public int KeyColumns { get; init; } = 2;
}

/// <summary>
/// Writes tables to .xlsx with what people expect of an export: frozen headers, set widths, wrapped text with row heights
/// that show every line, real dates, numbers kept apart from the next column's text, A4 landscape readable on paper.
/// </summary>
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
            // Heights as LibreOffice measures 14 pt and bold 11 pt CJK text (its default would cut off the bottom).
            ws.Row(1).Height = 22;
            ws.Row(2).Height = 18;
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                var cell = ws.Cells[2, c + 1];
                cell.Value = sheet.Headers[c];
                cell.Style.Font.Bold = true;
                cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
                cell.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xE8, 0xEE, 0xF7));
                // A column of numbers is right-aligned: its header too, so each figure stands under its own header.
                if (IsNumberColumn(sheet.Rows, c))
                {
                    cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
                    cell.Style.Indent = 1;
                }
            }
            var widths = new double[sheet.Headers.Count];
            for (var c = 0; c < sheet.Headers.Count; c++)
            {
                // AutoFit needs libgdiplus; estimate from the text instead (CJK characters are about two columns wide).
                var widest = sheet.Rows.Select(row => c < row.Length ? DisplayWidth(row[c]) : 0).Append(DisplayWidth(sheet.Headers[c])).Max();
                widths[c] = Math.Clamp(widest + 2, 8, MaxWidth);
                ws.Column(c + 1).Width = widths[c];
            }
            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                var lines = 1;
                for (var c = 0; c < row.Length; c++)
                {
                    var cell = ws.Cells[r + 3, c + 1];
                    var value = Cell(row[c] is Traced traced ? traced.Value : row[c]);
                    cell.Value = Safe(value is Shown shown ? shown.Value : value);
                    cell.Style.VerticalAlignment = ExcelVerticalAlignment.Top;
                    switch (value)
                    {
                        case DateTime at:
                            // Times are real dates (sortable, filterable), shown as people write them; flush left, as text is read.
                            cell.Style.Numberformat.Format = at.TimeOfDay == TimeSpan.Zero ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm";
                            cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Left;
                            break;
                        case Shown { Prefix: var prefix }:
                            cell.Style.Numberformat.Format = $"\"{prefix}\"General";
                            cell.Style.Indent = 1;
                            break;
                        case decimal or double or int or long:
                            // Right-aligned numbers keep a space before the next column's text.
                            cell.Style.Indent = 1;
                            break;
                        case string text when c < widths.Length && LinesOf(text, widths[c]) is var n && n > 1:
                            cell.Style.WrapText = true;
                            lines = Math.Max(lines, n);
                            break;
                    }
                }
                // Excel and LibreOffice keep a stored height as it is: a wrapped cell needs its height set, or only one line shows.
                ws.Row(r + 3).Height = lines * LineHeight + 2;
            }
            ws.View.FreezePanes(3, 1);
            ws.PrinterSettings.Orientation = eOrientation.Landscape;
            ws.PrinterSettings.PaperSize = ePaperSize.A4;
            ws.PrinterSettings.RepeatRows = ws.Cells["1:2"];
            ws.PrinterSettings.LeftMargin = ws.PrinterSettings.RightMargin = 0.5m;
            // One page wide only while the type stays readable (at least 8 pt of the 11 pt body); a wider sheet runs on
            // across pages with the title, headers and first two columns (what each row is) repeated on each.
            if (PrintScale(widths) >= MinPrintScale)
            {
                ws.PrinterSettings.FitToPage = true;
                ws.PrinterSettings.FitToWidth = 1;
                ws.PrinterSettings.FitToHeight = 0;
            }
            else
            {
                ws.PrinterSettings.FitToPage = false;
                ws.PrinterSettings.Scale = (int)Math.Floor(MinPrintScale * 100) + 1;
                var keys = Math.Clamp(sheet.KeyColumns, 1, Math.Max(1, sheet.Headers.Count - 1));
                ws.PrinterSettings.RepeatColumns = ws.Cells[$"A:{ExcelCellAddress.GetColumnLetter(keys)}"];
            }
            ws.HeaderFooter.OddHeader.RightAlignedText = Watermark.Text(reader);
            ws.HeaderFooter.OddFooter.CenteredText = $"第 {ExcelHeaderFooter.PageNumber} 页，共 {ExcelHeaderFooter.NumberOfPages} 页";
        }
        return package.GetAsByteArray();
    }

    private static bool IsNumberColumn(IReadOnlyList<object?[]> rows, int c)
    {
        var values = rows.Select(r => c < r.Length ? r[c] is Traced t ? t.Value : r[c] : null).Where(v => v is not null).ToList();
        return values.Count > 0 && values.All(v => v is decimal or double or int or long or Shown);
    }

    /// <summary>The widest a column gets; longer text wraps within it.</summary>
    public const double MaxWidth = 60;

    /// <summary>Points per line of 11 pt text as Excel and LibreOffice lay out CJK text (Noto Sans CJK / 等线 are taller than Calibri).</summary>
    public const double LineHeight = 15.6;

    /// <summary>The smallest print scale at which 11 pt body text is still 8 pt on paper.</summary>
    public const double MinPrintScale = 8.0 / 11.0;

    /// <summary>A4 landscape's printable width in points, with the half-inch side margins set above.</summary>
    private const double PrintableWidth = (297 / 25.4 - 1.0) * 72;

    /// <summary>The scale at which the columns fit one page's width (a column of width w is about 5.6 w + 4 points).</summary>
    public static double PrintScale(IEnumerable<double> widths) => Math.Min(1, PrintableWidth / widths.Sum(w => w * 5.6 + 4));

    /// <summary>How many lines the text takes in a column of this width (each line break starts one; CJK characters count two).</summary>
    public static int LinesOf(string text, double width) =>
        text.Split('\n').Sum(part => Math.Max(1, (int)Math.Ceiling(DisplayWidth(part) / Math.Max(1, width - 2))));

    /// <summary>A number shown with the sign the page puts before it (≥, 约), kept a number in the cell.</summary>
    public sealed record Shown(decimal Value, string Prefix);

    /// <summary>Dates and times as the cell holds them: Beijing time, a real date.</summary>
    private static object? Cell(object? value) => value switch
    {
        DateTimeOffset at => at.ToOffset(GzBioPlan.Domain.Periods.BeijingTime.Offset).DateTime,
        DateOnly day => day.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

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
            decimal or double or int or long or Shown => 10,
            DateTime or DateTimeOffset => 16,
            DateOnly => 10,
            _ => value.ToString()!.Sum(ch => ch > 0x2E80 ? 2 : 1),
        };
}
