using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace GzBioPlan.Tests.Support;

/// <summary>
/// Hostile variants of a valid filled template, each small on disk but declaring far more than it holds. The
/// tests check what each is answered; the benchmark (tests/Bench links this file) measures what reading it costs.
/// </summary>
public static class HostileWorkbooks
{
    /// <summary>The roster sheet the variants tamper with (the template's first).</summary>
    public const string RosterSheet = "创新引领型企业";

    public static readonly string[] Kinds =
    [
        "far-cell-shared-part", "million-shared-strings", "100k-styles", "100k-deep-xml", "million-empty-rows",
        "dtd-in-sheet", "dtd-in-workbook", "entity-expansion", "giant-attribute", "too-many-sheets",
    ];

    public static byte[] Make(string kind, byte[] template) => kind switch
    {
        // One cell at the grid's far corner, with the dimension declaring all of it, and ten more sheets on the same part.
        "far-cell-shared-part" => Edit(template, parts =>
        {
            var sheet = RosterPart(parts);
            parts[sheet] = Swap(Dimension().Replace(parts[sheet], "<dimension ref=\"A1:XFD1048576\"/>"), "</sheetData>", "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>");
            var target = sheet["xl/".Length..];
            var rels = new StringBuilder();
            var sheets = new StringBuilder();
            for (var i = 1; i <= 10; i++)
            {
                rels.Append($"<Relationship Id=\"rIdCopy{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"{target}\"/>");
                sheets.Append($"<sheet name=\"副本{i}\" sheetId=\"{900 + i}\" r:id=\"rIdCopy{i}\"/>");
            }
            parts["xl/_rels/workbook.xml.rels"] = Swap(parts["xl/_rels/workbook.xml.rels"], "</Relationships>", rels + "</Relationships>");
            parts["xl/workbook.xml"] = Swap(parts["xl/workbook.xml"], "</sheets>", sheets + "</sheets>");
        }),
        "million-shared-strings" => Edit(template, parts =>
        {
            var extra = new StringBuilder();
            for (var i = 0; i < 1_000_000; i++) extra.Append("<si><t>x</t></si>");
            parts["xl/sharedStrings.xml"] = Swap(parts["xl/sharedStrings.xml"], "</sst>", extra + "</sst>");
        }),
        "100k-styles" => Edit(template, parts =>
        {
            var extra = new StringBuilder();
            for (var i = 0; i < 100_000; i++) extra.Append("<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
            parts["xl/styles.xml"] = Swap(parts["xl/styles.xml"], "</cellXfs>", extra + "</cellXfs>");
        }),
        "100k-deep-xml" => Edit(template, parts =>
        {
            var sheet = RosterPart(parts);
            var deep = new StringBuilder();
            for (var i = 0; i < 100_000; i++) deep.Append("<x>");
            for (var i = 0; i < 100_000; i++) deep.Append("</x>");
            parts[sheet] = Swap(parts[sheet], "</worksheet>", "<extLst>" + deep + "</extLst></worksheet>");
        }),
        "million-empty-rows" => Edit(template, parts =>
        {
            var sheet = RosterPart(parts);
            var last = RowNumbers().Matches(parts[sheet]).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
            var rows = new StringBuilder();
            for (var r = last + 1; r <= 1_048_576; r++) rows.Append("<row r=\"").Append(r).Append("\"/>");
            parts[sheet] = Swap(parts[sheet], "</sheetData>", rows + "</sheetData>");
        }),
        "dtd-in-sheet" => Edit(template, parts => parts[RosterPart(parts)] = WithDoctype(parts[RosterPart(parts)], "<!DOCTYPE worksheet [<!ENTITY firm \"广州某公司\">]>")),
        "dtd-in-workbook" => Edit(template, parts => parts["xl/workbook.xml"] = WithDoctype(parts["xl/workbook.xml"], "<!DOCTYPE workbook SYSTEM \"http://evil.example/x.dtd\">")),
        // The "billion laughs": ten levels of ten references each, expanding to 10^10 characters if any reader did.
        "entity-expansion" => Edit(template, parts =>
        {
            var dtd = new StringBuilder("<!DOCTYPE sst [<!ENTITY l0 \"lol\">");
            for (var i = 1; i <= 10; i++) dtd.Append($"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">");
            dtd.Append("]>");
            parts["xl/sharedStrings.xml"] = Swap(WithDoctype(parts["xl/sharedStrings.xml"], dtd.ToString()), "</sst>", "<si><t>&l10;</t></si></sst>");
        }),
        "giant-attribute" => Edit(template, parts =>
        {
            var sheet = RosterPart(parts);
            parts[sheet] = Swap(parts[sheet], "<sheetData>", $"<sheetData><row r=\"1\" x=\"{new string('a', 4 * 1024 * 1024)}\"/>");
        }),
        "too-many-sheets" => Edit(template, parts =>
        {
            var sheets = new StringBuilder();
            for (var i = 1; i <= 200; i++) sheets.Append($"<sheet name=\"多余{i}\" sheetId=\"{1000 + i}\" r:id=\"rIdNone{i}\"/>");
            parts["xl/workbook.xml"] = Swap(parts["xl/workbook.xml"], "</sheets>", sheets + "</sheets>");
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The part of <see cref="RosterSheet"/>, found through the workbook and its relationships.</summary>
    private static string RosterPart(Dictionary<string, string> parts)
    {
        var sheet = Regex.Matches(parts["xl/workbook.xml"], "<(?:\\w+:)?sheet [^>]*>").Select(m => m.Value).First(m => m.Contains($"name=\"{RosterSheet}\""));
        var id = Regex.Match(sheet, "r:id=\"([^\"]+)\"").Groups[1].Value;
        var relation = Regex.Matches(parts["xl/_rels/workbook.xml.rels"], "<Relationship [^>]*>").Select(m => m.Value).First(m => m.Contains($"Id=\"{id}\""));
        var path = Regex.Match(relation, "Target=\"([^\"]+)\"").Groups[1].Value;
        return path.StartsWith('/') ? path[1..] : "xl/" + path;
    }

    /// <summary>Replaces the last occurrence of a closing or opening tag; a variant that changed nothing would test nothing.</summary>
    private static string Swap(string xml, string old, string replacement)
    {
        var at = xml.LastIndexOf(old, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"'{old}' not found in: {xml[..Math.Min(xml.Length, 600)]}");
        return string.Concat(xml.AsSpan(0, at), replacement, xml.AsSpan(at + old.Length));
    }

    private static string WithDoctype(string xml, string doctype) =>
        xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.Insert(xml.IndexOf("?>", StringComparison.Ordinal) + 2, doctype) : doctype + xml;

    /// <summary>Rewrites the package's XML parts (read and written as UTF-8 text), leaving the others as they are.</summary>
    private static byte[] Edit(byte[] template, Action<Dictionary<string, string>> change)
    {
        using var source = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read);
        var parts = new Dictionary<string, string>();
        var binary = new Dictionary<string, byte[]>();
        foreach (var entry in source.Entries)
        {
            using var stream = entry.Open();
            var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                parts[entry.FullName] = Encoding.UTF8.GetString(bytes.ToArray()).TrimStart('\uFEFF');
            else binary[entry.FullName] = bytes.ToArray();
        }
        change(parts);
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }
            foreach (var (name, bytes) in binary)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private static Regex Dimension() => new("<dimension ref=\"[^\"]*\"/>");

    private static Regex RowNumbers() => new("<row r=\"(\\d+)\"");
}
