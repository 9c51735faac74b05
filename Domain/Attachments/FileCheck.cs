using System.Buffers.Binary;
using System.Text;

namespace GzBioPlan.Domain.Attachments;

/// <summary>The file formats a proof may be, told apart by their bytes, never by the name.</summary>
[Flags]
public enum FileKind
{
    None = 0,
    Pdf = 1,
    Jpeg = 2,
    Png = 4,

    /// <summary>An Excel workbook; its package is checked further by the workbook byte guard (zip bomb, macros).</summary>
    Xlsx = 8,

    /// <summary>A Word document, checked by the same guard.</summary>
    Docx = 16,
}

public static class FileKinds
{
    public const FileKind Documents = FileKind.Pdf | FileKind.Jpeg | FileKind.Png;

    /// <summary>What a report's or a 督办 step's proof may be: scans, and the workbooks and documents offices send.</summary>
    public const FileKind Reports = Documents | FileKind.Xlsx | FileKind.Docx;

    public const FileKind Office = FileKind.Xlsx | FileKind.Docx;

    public static string Label(this FileKind kinds) => string.Join("、", Enum.GetValues<FileKind>()
        .Where(k => k != FileKind.None && kinds.HasFlag(k))
        .Select(k => k switch { FileKind.Pdf => "PDF", FileKind.Jpeg => "JPG", FileKind.Png => "PNG", FileKind.Xlsx => "XLSX", _ => "DOCX" }));

    public static string ContentType(this FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "application/octet-stream",
    };

    /// <summary>For the file input's accept list; the server still decides by content.</summary>
    public static string Accept(this FileKind kinds) => string.Join(",", new[]
    {
        kinds.HasFlag(FileKind.Pdf) ? ".pdf,application/pdf" : null,
        kinds.HasFlag(FileKind.Jpeg) ? ".jpg,.jpeg,image/jpeg" : null,
        kinds.HasFlag(FileKind.Png) ? ".png,image/png" : null,
        kinds.HasFlag(FileKind.Xlsx) ? ".xlsx" : null,
        kinds.HasFlag(FileKind.Docx) ? ".docx" : null,
    }.Where(a => a is not null));
}

/// <summary>What a file really is, or why it is refused.</summary>
public sealed record FileVerdict(FileKind Kind, string? Problem)
{
    public static FileVerdict Refused(string problem) => new(FileKind.None, problem);
}

/// <summary>
/// Checks a proof's bytes before anything is kept: its real format (a renamed .exe is not a PDF), that it is whole
/// (a PDF ends in %%EOF, a JPEG in its end marker, a PNG's chunks add up to IEND), not encrypted, carries no
/// script or embedded file (a PDF's /JavaScript, /Launch, /EmbeddedFile), and that an image does not declare more
/// pixels than any scan has (a small file that would decompress to gigabytes).
/// </summary>
public static class FileCheck
{
    /// <summary>An A4 page scanned at 600 dpi is about 35 million pixels; 100 million leaves room for a large drawing.</summary>
    public const long MaxPixels = 100_000_000;

    public static FileVerdict Check(ReadOnlySpan<byte> bytes, FileKind allowed)
    {
        if (bytes.Length == 0) return FileVerdict.Refused("文件是空的，请重新选择。");
        var kind = Sniff(bytes);
        if (kind == FileKind.None || !allowed.HasFlag(kind))
            return FileVerdict.Refused($"文件内容不是 {allowed.Label()} 格式（按文件内容判断，与扩展名无关），请转换后重新上传。");
        var problem = kind switch
        {
            FileKind.Pdf => CheckPdf(bytes),
            FileKind.Jpeg => CheckJpeg(bytes),
            FileKind.Png => CheckPng(bytes),
            // Told apart by name here; the package itself is the workbook guard's to check before the file is kept.
            _ => null,
        };
        return problem is null ? new FileVerdict(kind, null) : FileVerdict.Refused(problem);
    }

    private static FileKind Sniff(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) ? FileKind.Pdf
        : b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? FileKind.Jpeg
        : b.StartsWith(PngSignature) ? FileKind.Png
        : b.StartsWith("PK\u0003\u0004"u8) ? Package(b)
        : FileKind.None;

    /// <summary>An Office Open XML package by its main part, read from the zip's directory only (nothing is decompressed).</summary>
    private static FileKind Package(ReadOnlySpan<byte> b)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(b.ToArray()), System.IO.Compression.ZipArchiveMode.Read);
            return zip.GetEntry("xl/workbook.xml") is not null ? FileKind.Xlsx : zip.GetEntry("word/document.xml") is not null ? FileKind.Docx : FileKind.None;
        }
        catch (InvalidDataException)
        {
            return FileKind.None;
        }
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static string? CheckPdf(ReadOnlySpan<byte> b)
    {
        var tail = b[Math.Max(0, b.Length - 2048)..];
        if (tail.IndexOf("%%EOF"u8) < 0 || tail.IndexOf("startxref"u8) < 0) return "PDF 文件不完整或已损坏（缺少文件结尾），请重新导出后上传。";
        if (b.IndexOf("/Encrypt"u8) >= 0) return "PDF 文件已加密或设置了密码，无法查看，请取消加密后重新上传。";
        foreach (var active in new[] { "/JavaScript"u8.ToArray(), "/Launch"u8.ToArray(), "/EmbeddedFile"u8.ToArray() })
        {
            if (b.IndexOf(active) >= 0) return "PDF 文件含有脚本、外部程序或内嵌文件，不能作为证明材料，请用“打印为 PDF”重新生成后上传。";
        }
        return null;
    }

    private static string? CheckJpeg(ReadOnlySpan<byte> b)
    {
        var end = b.Length;
        // Some cameras pad after the end marker.
        while (end > 2 && b[end - 1] == 0) end--;
        if (end < 4 || b[end - 2] != 0xFF || b[end - 1] != 0xD9) return "JPG 图片不完整或已损坏，请重新扫描或导出后上传。";
        // Walk the segments to the frame header (SOFn), which holds the size.
        var i = 2;
        while (i + 4 <= b.Length)
        {
            if (b[i] != 0xFF) return "JPG 图片已损坏，请重新扫描或导出后上传。";
            var marker = b[i + 1];
            if (marker == 0xFF) { i++; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
            if (length < 2 || i + 2 + length > b.Length) return "JPG 图片已损坏，请重新扫描或导出后上传。";
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 7) return "JPG 图片已损坏，请重新扫描或导出后上传。";
                var height = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]);
                return Pixels(width, height);
            }
            i += 2 + length;
        }
        return "JPG 图片已损坏（没有图像数据），请重新扫描或导出后上传。";
    }

    private static string? CheckPng(ReadOnlySpan<byte> b)
    {
        var i = PngSignature.Length;
        var first = true;
        while (i + 12 <= b.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[i..]);
            if (length > int.MaxValue || i + 12 + (long)length > b.Length) break;
            var type = Encoding.ASCII.GetString(b.Slice(i + 4, 4));
            if (first)
            {
                if (type != "IHDR" || length < 8) break;
                var problem = Pixels(BinaryPrimitives.ReadUInt32BigEndian(b[(i + 8)..]), BinaryPrimitives.ReadUInt32BigEndian(b[(i + 12)..]));
                if (problem is not null) return problem;
                first = false;
            }
            if (type == "IEND") return null;
            i += 12 + (int)length;
        }
        return "PNG 图片不完整或已损坏，请重新导出后上传。";
    }

    private static string? Pixels(long width, long height) =>
        width == 0 || height == 0 ? "图片没有内容（宽或高为 0），请重新扫描或导出后上传。"
        : width * height > MaxPixels ? $"图片尺寸过大（{width}×{height} 像素），请缩小到 1 亿像素以内后上传。"
        : null;
}
