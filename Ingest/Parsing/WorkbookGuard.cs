using System.IO.Compression;
using System.Text;
using GzBioPlan.Ingest.Validation;

namespace GzBioPlan.Ingest.Parsing;

/// <summary>
/// Checks the bytes before any spreadsheet library sees them: size, real format (not the extension),
/// macros, encryption, and the uncompressed size of every part (a zip bomb stops here, in bounded memory).
/// </summary>
public static class WorkbookGuard
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Cfb = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static Problem? Check(byte[] bytes, IngestOptions limits)
    {
        if (bytes.Length == 0) return Problem.File("file.empty", "上传的文件是空的。请选择填写好的 .xlsx 工作簿重新上传。");
        if (bytes.Length > limits.MaxFileBytes)
            return Problem.File("file.too-large", $"文件过大（{bytes.Length / 1024.0 / 1024.0:0.0} MB），上限为 {limits.MaxFileBytes / 1024 / 1024} MB。请删除多余的工作表、图片或空行后重新上传。");
        if (bytes.AsSpan().StartsWith(Cfb))
        {
            return IsEncrypted(bytes)
                ? Problem.File("file.encrypted", "工作簿设置了打开密码，系统无法读取。请在 Excel/WPS 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 重新上传。")
                : Problem.File("file.xls", "这是旧版 .xls 格式的文件。请在 Excel/WPS 中“另存为”Excel 工作簿（*.xlsx）后重新上传。");
        }
        if (!bytes.AsSpan().StartsWith(Zip))
            return Problem.File("file.not-xlsx", "这不是 Excel 工作簿（.xlsx）文件。请上传从本系统下载并填写的模板。");

        return Parts(bytes, limits, "xl/workbook.xml", "这个文件不是有效的 Excel 工作簿。请用 Excel/WPS 打开后另存为 .xlsx 再上传。",
            "这是启用宏的工作簿（.xlsm），出于安全考虑不予接收。请“另存为”Excel 工作簿（*.xlsx）后重新上传。");
    }

    /// <summary>
    /// The same package checks for a workbook or Word document attached as a proof (佐证材料): part count, the real
    /// uncompressed size, the main part, no macros.
    /// </summary>
    public static Problem? CheckProof(byte[] bytes, IngestOptions limits, bool word) => word
        ? Parts(bytes, limits, "word/document.xml", "这个文件不是有效的 Word 文档（.docx），请用 Word/WPS 打开后另存为 .docx 再上传。",
            "这是启用宏的文档（.docm），出于安全考虑不予接收。请“另存为”Word 文档（*.docx）后重新上传。")
        : Check(bytes, limits);

    private static Problem? Parts(byte[] bytes, IngestOptions limits, string mainPart, string notThis, string macros)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            if (zip.Entries.Count > limits.MaxEntries)
                return Problem.File("file.too-many-parts", "工作簿内部结构异常（部件过多），系统拒绝读取。请使用本系统下载的模板重新填写。");
            var contentTypes = zip.GetEntry("[Content_Types].xml");
            if (contentTypes is null || zip.GetEntry(mainPart) is null)
                return Problem.File("file.not-xlsx", notThis);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                // The declared sizes can lie; count what actually comes out, and stop at the cap.
                using var stream = entry.Open();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > limits.MaxUncompressedBytes)
                        return Problem.File("file.zip-bomb", "工作簿解压后的内容过大，系统拒绝读取。请使用本系统下载的模板，只填写所需内容后重新上传。");
                }
            }
            if (PackageXml.Read(contentTypes, MacroEnabled))
                return Problem.File("file.xlsm", macros);
        }
        catch (InvalidDataException)
        {
            return Problem.File("file.corrupt", "文件已损坏，无法读取。请用 Excel/WPS 打开确认无误后另存为 .xlsx 重新上传。");
        }
        catch (UnreadableWorkbookException ex)
        {
            return ex.Problem;
        }
        return null;
    }

    private static bool MacroEnabled(System.Xml.XmlReader reader)
    {
        while (PackageXml.Next(reader))
        {
            if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.GetAttribute("ContentType") is { } type
                && type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>An encrypted .xlsx is a compound file holding an EncryptionInfo stream; a plain .xls holds a Workbook stream.</summary>
    private static bool IsEncrypted(byte[] bytes) =>
        bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0;
}
