using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace GzBioPlan.Ingest.Parsing;

/// <summary>How much of a sheet is read: filled rows (one more is kept, to report the excess) and columns from A.</summary>
public sealed record SheetExtent(int MaxRows, int MaxColumns);

/// <summary>
/// The filled rows of one sheet, by row number (1-based). Blank rows are not kept, so a sheet declaring a million
/// rows costs nothing; a missing cell reads as null.
/// </summary>
public sealed class SheetData
{
    // Rows come in order in a worksheet part; the index finds one by number.
    private readonly List<(int Row, object?[] Cells)> rows = [];
    private readonly Dictionary<int, int> index = [];

    internal void Add(int row, object?[] cells)
    {
        if (index.TryGetValue(row, out var at))
        {
            rows[at] = (row, cells);
            return;
        }
        index[row] = rows.Count;
        rows.Add((row, cells));
    }

    public object? this[int row, int column] =>
        index.TryGetValue(row, out var at) && column >= 1 && column <= rows[at].Cells.Length ? rows[at].Cells[column - 1] : null;

    /// <summary>Filled rows in order, each with its row number.</summary>
    public IEnumerable<(int Row, object?[] Cells)> Rows => rows.OrderBy(r => r.Row);

    /// <summary>Filled rows below the first <paramref name="skip"/>.</summary>
    public int FilledRows(int skip) => rows.Count(r => r.Row > skip);

    internal IEnumerable<object?[]> Cells => rows.Select(r => r.Cells);

    internal void RemoveBlankRows()
    {
        if (!rows.Any(r => r.Cells.All(v => CellValues.Text(v) is null))) return;
        var kept = rows.Where(r => r.Cells.Any(v => CellValues.Text(v) is not null)).ToList();
        rows.Clear();
        index.Clear();
        foreach (var (row, cells) in kept) Add(row, cells);
    }
}

/// <summary>
/// Reads the sheets of an .xlsx in bounded memory, straight from its XML with a streaming reader: only the sheets
/// asked for, only up to their extent, blank rows and cells beyond it skipped as they stream past, a part that
/// several sheets point at read once, and of the shared strings only those the kept cells use. Values come as
/// the cells hold them: text, a number (double), a date (<see cref="DateTime"/>, when the cell's format is a
/// date format), a boolean, or an error's text such as #DIV/0!.
/// </summary>
public static partial class SheetReader
{
    /// <summary>No template has more; a workbook listing more sheets is not one of ours.</summary>
    public const int MaxSheets = 100;

    /// <summary>Excel's own limit of cell formats is 64,000.</summary>
    public const int MaxCellFormats = 65_536;

    /// <summary>Excel's own limit of characters in a cell.</summary>
    public const int MaxCellText = 32_767;

    /// <summary>Characters kept across all cells read; the largest real template holds a small fraction of this.</summary>
    public const long MaxTextKept = 16 * 1024 * 1024;

    private const int MaxRowNumber = 1_048_576;

    private sealed record SharedString(int Index);

    private sealed class Budget
    {
        public long Text;

        public void Spend(int characters)
        {
            Text += characters;
            if (Text > MaxTextKept)
                throw UnreadableWorkbookException.Of("file.too-much-text", "工作簿中的文字内容过多，超出填报模板的合理范围。请只在模板中填写所需内容后重新上传。");
        }
    }

    /// <summary>The sheets <paramref name="extentOf"/> gives an extent for, by name; other sheets are not read, only named (with no rows).</summary>
    public static Dictionary<string, SheetData> Read(byte[] bytes, Func<string, SheetExtent?> extentOf)
    {
        using var zip = OpenZip(bytes);
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries) entries.TryAdd(entry.FullName.TrimStart('/'), entry);
        if (!entries.TryGetValue("xl/workbook.xml", out var workbook)) throw UnreadableWorkbookException.Corrupt();

        var relations = entries.TryGetValue("xl/_rels/workbook.xml.rels", out var rels) ? PackageXml.Read(rels, Relations) : [];
        var sheets = PackageXml.Read(workbook, Sheets);
        var dateFormats = relations.Values.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)) is { } styles
            && entries.TryGetValue(styles.Target, out var stylesEntry) ? PackageXml.Read(stylesEntry, DateFormats) : [];

        var budget = new Budget();
        var result = new Dictionary<string, SheetData>();
        var byPart = new Dictionary<string, SheetData>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, relationId) in sheets)
        {
            var data = new SheetData();
            if (extentOf(name) is { } extent && relations.TryGetValue(relationId, out var relation)
                && relation.Type.EndsWith("/worksheet", StringComparison.Ordinal) && entries.TryGetValue(relation.Target, out var part))
            {
                // Sheets pointing at one part share what was read of it (with the larger extent asked for first).
                var key = $"{relation.Target}|{extent.MaxRows}|{extent.MaxColumns}";
                if (!byPart.TryGetValue(key, out var read))
                {
                    read = PackageXml.Read(part, reader => Worksheet(reader, extent, dateFormats, budget));
                    byPart[key] = read;
                }
                data = read;
            }
            result.TryAdd(name, data);
        }

        var wanted = new SortedSet<int>(result.Values.Distinct().SelectMany(s => s.Cells).SelectMany(c => c).OfType<SharedString>().Select(s => s.Index));
        if (wanted.Count > 0)
        {
            var strings = relations.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)) is { } sst
                && entries.TryGetValue(sst.Target, out var sstEntry) ? PackageXml.Read(sstEntry, reader => SharedStrings(reader, wanted, budget)) : [];
            foreach (var cells in result.Values.Distinct().SelectMany(s => s.Cells))
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] is SharedString s) cells[i] = strings.GetValueOrDefault(s.Index);
                }
            }
        }
        // A row of nothing but spaces is as blank as an empty one.
        foreach (var sheet in result.Values.Distinct()) sheet.RemoveBlankRows();
        return result;
    }

    private static ZipArchive OpenZip(byte[] bytes)
    {
        try
        {
            return new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw UnreadableWorkbookException.Corrupt();
        }
    }

    private sealed record Relation(string Type, string Target);

    private static Dictionary<string, Relation> Relations(XmlReader reader)
    {
        var result = new Dictionary<string, Relation>();
        while (PackageXml.Next(reader))
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "Relationship" }) continue;
            if (reader.GetAttribute("Id") is not { } id || reader.GetAttribute("Target") is not { } target || reader.GetAttribute("TargetMode") == "External") continue;
            result.TryAdd(id, new Relation(reader.GetAttribute("Type") ?? "", PartName(target)));
            if (result.Count > SheetReader.MaxSheets * 4) throw UnreadableWorkbookException.Corrupt();
        }
        return result;
    }

    /// <summary>A relationship target of the workbook as a part name: relative to xl/, or absolute from the package root.</summary>
    private static string PartName(string target)
    {
        var parts = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : "xl/" + target).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment != ".") parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    private static List<(string Name, string RelationId)> Sheets(XmlReader reader)
    {
        var result = new List<(string, string)>();
        while (PackageXml.Next(reader))
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "sheet" }) continue;
            var id = reader.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships")
                ?? reader.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships");
            if (reader.GetAttribute("name") is { } name && id is not null) result.Add((name, id));
            if (result.Count > MaxSheets)
                throw UnreadableWorkbookException.Of("file.too-many-sheets", $"工作簿中的工作表超过 {MaxSheets} 个，不是本系统的填报模板。请下载模板填写后上传。");
        }
        return result;
    }

    /// <summary>For each cell format (the cell's s attribute), whether it shows a date.</summary>
    private static List<bool> DateFormats(XmlReader reader)
    {
        var custom = new Dictionary<int, bool>();
        var result = new List<bool>();
        while (PackageXml.Next(reader))
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "numFmt" && int.TryParse(reader.GetAttribute("numFmtId"), out var fmtId) && custom.Count < MaxCellFormats)
                custom[fmtId] = IsDateFormat(reader.GetAttribute("formatCode") ?? "");
            else if (reader.LocalName == "cellXfs")
            {
                if (reader.IsEmptyElement) continue;
                var depth = reader.Depth;
                while (PackageXml.Next(reader) && reader.Depth > depth)
                {
                    if (reader is not { NodeType: XmlNodeType.Element, LocalName: "xf" } || reader.Depth != depth + 1) continue;
                    if (result.Count >= MaxCellFormats)
                        throw UnreadableWorkbookException.Of("file.too-many-styles", $"工作簿中的单元格格式超过 {MaxCellFormats} 种（Excel 最多 64000 种），系统拒绝读取。请用 Excel/WPS 打开后另存为新的 .xlsx，或重新下载模板填写。");
                    var id = int.TryParse(reader.GetAttribute("numFmtId"), out var n) ? n : 0;
                    result.Add(custom.TryGetValue(id, out var isDate) ? isDate : IsBuiltInDate(id));
                }
                return result;
            }
        }
        return result;
    }

    /// <summary>Excel's built-in date and time formats, including those of the Chinese locale (27–36, 50–58).</summary>
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>A custom format is a date format when, outside quoted text, escapes and [colour] sections, it has a date or time part.</summary>
    public static bool IsDateFormat(string format)
    {
        if (format.Equals("General", StringComparison.OrdinalIgnoreCase)) return false;
        var bare = FormatLiterals().Replace(format, "");
        return bare.IndexOfAny(['y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S', '年', '月', '日', '时', '分', '秒']) >= 0;
    }

    [GeneratedRegex("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]|_.|\\*.")]
    private static partial Regex FormatLiterals();

    private static SheetData Worksheet(XmlReader reader, SheetExtent extent, List<bool> dateFormats, Budget budget)
    {
        var sheet = new SheetData();
        var filled = 0;
        var rowNumber = 0;
        while (PackageXml.Next(reader))
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "row" }) continue;
            rowNumber = RowNumber(reader.GetAttribute("r"), rowNumber + 1);
            if (reader.IsEmptyElement) continue;
            var cells = Row(reader, extent.MaxColumns, dateFormats, budget);
            if (cells is null) continue;
            sheet.Add(rowNumber, cells);
            if (++filled > extent.MaxRows) break;
        }
        return sheet;
    }

    /// <summary>The row's cells up to the extent, or null when none of them holds anything.</summary>
    private static object?[]? Row(XmlReader reader, int maxColumns, List<bool> dateFormats, Budget budget)
    {
        var depth = reader.Depth;
        object?[]? cells = null;
        var column = 0;
        while (PackageXml.Next(reader) && reader.Depth > depth)
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "c" } || reader.Depth != depth + 1) continue;
            column = reader.GetAttribute("r") is { } reference ? Column(reference) : column + 1;
            var type = reader.GetAttribute("t");
            var style = int.TryParse(reader.GetAttribute("s"), out var s) ? s : 0;
            if (reader.IsEmptyElement || column > maxColumns) continue;
            var value = CellValue(reader, type, style < dateFormats.Count && dateFormats[style], budget);
            if (value is null || value is string { Length: 0 }) continue;
            cells ??= new object?[maxColumns];
            cells[column - 1] = value;
        }
        return cells;
    }

    private static object? CellValue(XmlReader reader, string? type, bool isDate, Budget budget)
    {
        var depth = reader.Depth;
        string? raw = null;
        StringBuilder? inline = null;
        while (PackageXml.Next(reader) && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.IsEmptyElement) continue;
            if (reader.LocalName == "v" && reader.Depth == depth + 1) raw = Text(reader);
            else if (reader.LocalName == "is" && reader.Depth == depth + 1) inline = RichText(reader);
        }
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? new SharedString(index) : null;
            case "inlineStr":
                var text = inline?.ToString() ?? raw;
                budget.Spend(text?.Length ?? 0);
                return text is null ? null : Decode(text);
            case "b":
                return raw is null ? null : raw.Trim() == "1";
            case "str" or "e":
                budget.Spend(raw?.Length ?? 0);
                return raw is null ? null : Decode(raw);
            case "d":
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : raw;
        }
        if (raw is null) return null;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            budget.Spend(raw.Length);
            return raw;
        }
        return isDate && number is >= 0 and < 2958466 ? DateTime.FromOADate(number) : number;
    }

    /// <summary>The text of a shared string or inline string: its runs, without the phonetic guide (rPh).</summary>
    private static StringBuilder RichText(XmlReader reader)
    {
        var depth = reader.Depth;
        var text = new StringBuilder();
        var phonetic = -1;
        while (PackageXml.Next(reader) && reader.Depth > depth)
        {
            if (phonetic >= 0 && reader.Depth <= phonetic) phonetic = -1;
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName is "rPh" or "phoneticPr") { if (!reader.IsEmptyElement) phonetic = reader.Depth; continue; }
            if (phonetic < 0 && reader.LocalName == "t" && !reader.IsEmptyElement)
            {
                text.Append(Text(reader));
                if (text.Length > MaxCellText) throw CellTooLong();
            }
        }
        return text;
    }

    [ThreadStatic] private static char[]? chunk;

    /// <summary>The text inside the current element, read in chunks and refused beyond Excel's cell limit.</summary>
    private static string Text(XmlReader reader)
    {
        var depth = reader.Depth;
        var buffer = chunk ??= new char[4096];
        string? single = null;
        StringBuilder? text = null;
        while (PackageXml.Next(reader) && reader.Depth > depth)
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)) continue;
            int read;
            while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                // Most cells are one short chunk: no builder for them.
                if (single is null && text is null) single = new string(buffer, 0, read);
                else (text ??= new StringBuilder(single)).Append(buffer, 0, read);
                if ((text?.Length ?? single!.Length) > MaxCellText) throw CellTooLong();
            }
        }
        return text?.ToString() ?? single ?? "";
    }

    private static UnreadableWorkbookException CellTooLong() =>
        UnreadableWorkbookException.Of("file.cell-too-long", $"工作簿中有单元格的内容超过 {MaxCellText} 个字符（Excel 的上限），不是正常保存的文件。请用 Excel/WPS 打开后另存为新的 .xlsx，或重新下载模板填写。");

    private static Dictionary<int, string> SharedStrings(XmlReader reader, SortedSet<int> wanted, Budget budget)
    {
        var result = new Dictionary<int, string>();
        var index = -1;
        var last = wanted.Max;
        while (PackageXml.Next(reader))
        {
            if (reader is not { NodeType: XmlNodeType.Element, LocalName: "si" }) continue;
            if (++index > last) break;
            if (reader.IsEmptyElement || !wanted.Contains(index)) continue;
            var text = Decode(RichText(reader).ToString());
            budget.Spend(text.Length);
            result[index] = text;
        }
        return result;
    }

    /// <summary>A row's number, within the grid; the next one when the row does not say.</summary>
    private static int RowNumber(string? text, int next)
    {
        if (text is null) return next;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxRowNumber ? n : throw UnreadableWorkbookException.Corrupt();
    }

    /// <summary>The column of a reference such as AB12 (1-based); letters beyond the grid's XFD are refused.</summary>
    private static int Column(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') column = column * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') column = column * 26 + (ch - 'a' + 1);
            else break;
            if (column > 16_384) throw UnreadableWorkbookException.Corrupt();
        }
        return column == 0 ? throw UnreadableWorkbookException.Corrupt() : column;
    }

    /// <summary>OOXML writes characters XML cannot hold as _xHHHH_.</summary>
    private static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal) ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()) : text;

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}
