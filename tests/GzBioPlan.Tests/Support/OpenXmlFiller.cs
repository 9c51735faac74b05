using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GzBioPlan.Tests.Support;

/// <summary>
/// Fills cells of a workbook with the Open XML SDK, a different library from the EPPlus that wrote the
/// template, the way a district's own tools would.
/// </summary>
public static class OpenXmlFiller
{
    public sealed record Edit(string Sheet, string Cell, object? Value);

    public static byte[] Fill(byte[] workbook, IEnumerable<Edit> edits)
    {
        var stream = new MemoryStream();
        stream.Write(workbook);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            var book = doc.WorkbookPart!;
            foreach (var group in edits.GroupBy(e => e.Sheet))
            {
                var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == group.Key);
                var part = (WorksheetPart)book.GetPartById(sheet.Id!);
                var data = part.Worksheet.GetFirstChild<SheetData>()!;
                foreach (var edit in group) Set(data, edit.Cell, edit.Value);
                part.Worksheet.Save();
            }
        }
        return stream.ToArray();
    }

    private static void Set(SheetData data, string reference, object? value)
    {
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex! < rowIndex);
            if (after is null) data.PrependChild(row); else data.InsertAfter(row, after);
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var before = row.Elements<Cell>().FirstOrDefault(c => Compare(c.CellReference!, reference) > 0);
            if (before is null) row.AppendChild(cell); else row.InsertBefore(cell, before);
        }
        cell.CellFormula = null;
        cell.InlineString = null;
        cell.CellValue = null;
        switch (value)
        {
            case null:
                cell.DataType = null;
                break;
            case string s:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(s));
                break;
            case Formula f:
                cell.CellFormula = new CellFormula(f.Expression);
                cell.CellValue = new CellValue(f.CachedValue);
                cell.DataType = null;
                break;
            default:
                cell.DataType = null;
                cell.CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!);
                break;
        }
    }

    /// <summary>A formula with the value Excel cached for it.</summary>
    public sealed record Formula(string Expression, string CachedValue);

    private static int Compare(string a, string b)
    {
        static (int, string) Split(string r) => (r.TakeWhile(char.IsLetter).Count(), r);
        var (la, _) = Split(a);
        var (lb, _) = Split(b);
        return la != lb ? la.CompareTo(lb) : string.CompareOrdinal(a[..la], b[..lb]);
    }
}
