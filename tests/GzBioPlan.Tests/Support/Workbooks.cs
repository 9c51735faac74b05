using System.IO.Compression;
using System.Text;
using GzBioPlan.Ingest.Templates;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Support;

/// <summary>Templates filled the way a district would, and the hostile files a server must refuse.</summary>
public static class Workbooks
{
    /// <summary>Every indicator 5 % above last quarter's accepted value (or a small count when there is none), and one narrative.</summary>
    public static List<Edit> ValidEdits(byte[] template)
    {
        var rows = WorkbookReader.Read(template)[TemplateLayout.IndicatorsSheet];
        var edits = new List<Edit>();
        for (var r = TemplateLayout.FirstDataRow; r <= rows.Count; r++)
        {
            if (rows[r - 1][0] is not string) continue;
            var last = rows[r - 1][3] is double d ? d : 3;
            edits.Add(new Edit(TemplateLayout.IndicatorsSheet, $"E{r}", Math.Round(last * 1.05)));
        }
        edits.Add(new Edit(TemplateLayout.NarrativeSheet, "C3", "本季度推进生物制造创新中心筹建，完成方案论证。"));
        return edits;
    }

    public static byte[] Filled(byte[] template, params Edit[] changes) => Fill(template, ValidEdits(template).Concat(changes));

    /// <summary>The same valid values written by EPPlus, whose parts use the default namespace (the hostile variants edit them as text).</summary>
    public static byte[] FilledWithEpplus(byte[] template)
    {
        using var package = new OfficeOpenXml.ExcelPackage(new MemoryStream(template));
        foreach (var edit in ValidEdits(template)) package.Workbook.Worksheets[edit.Sheet].Cells[edit.Cell].Value = edit.Value;
        return package.GetAsByteArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>An .xlsx whose content types declare a macro-enabled workbook.</summary>
    public static byte[] MacroEnabled(byte[] template)
    {
        var stream = new MemoryStream();
        stream.Write(template);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("[Content_Types].xml")!;
            string xml;
            using (var r = new StreamReader(entry.Open())) xml = r.ReadToEnd();
            entry.Delete();
            using var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            w.Write(xml.Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
        }
        return stream.ToArray();
    }

    /// <summary>A small zip that inflates to far more than the cap: 300 MB of zeros.</summary>
    public static byte[] ZipBomb()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
            using (var w = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open())) w.Write("<workbook/>");
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 300; i++) s.Write(zeros);
        }
        return stream.ToArray();
    }

    /// <summary>The first bytes of a compound file (.xls or encrypted .xlsx), with the stream name that tells them apart.</summary>
    public static byte[] CompoundFile(string streamName)
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        Encoding.Unicode.GetBytes(streamName).CopyTo(bytes, 1024);
        return bytes;
    }
}
