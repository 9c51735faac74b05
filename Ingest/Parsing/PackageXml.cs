using System.IO.Compression;
using System.Text;
using System.Xml;
using GzBioPlan.Ingest.Validation;

namespace GzBioPlan.Ingest.Parsing;

/// <summary>A workbook that cannot be read safely, with the problem to tell the uploader.</summary>
public sealed class UnreadableWorkbookException(Problem problem) : Exception(problem.Message)
{
    public Problem Problem { get; } = problem;

    public static UnreadableWorkbookException Of(string code, string message) => new(Problem.File(code, message));

    public static UnreadableWorkbookException Corrupt() =>
        Of("file.corrupt", "工作簿无法读取（文件可能已损坏）。请用 Excel/WPS 打开确认无误后另存为 .xlsx 重新上传。");
}

/// <summary>
/// Opens the XML parts of a package so that no part can cost more than a few megabytes to read: no DTD (and so
/// no entities), at most <see cref="MaxDepth"/> levels of nesting, and no single tag or text longer than
/// <see cref="MaxToken"/> bytes (the reader buffers a whole tag, so one giant attribute would otherwise be held
/// at once).
/// </summary>
internal static class PackageXml
{
    /// <summary>A worksheet is seven levels deep at most (worksheet, sheetData, row, c, is, r, t).</summary>
    public const int MaxDepth = 32;

    /// <summary>The longest cell Excel allows is 32,767 characters, under 100 KB in UTF-8.</summary>
    public const int MaxToken = 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader Open(ZipArchiveEntry entry) => XmlReader.Create(new TokenLimitStream(entry.Open()), Settings);

    /// <summary>The next node, refusing nesting deeper than any Office part has.</summary>
    public static bool Next(XmlReader reader)
    {
        if (!reader.Read()) return false;
        if (reader.Depth > MaxDepth)
            throw UnreadableWorkbookException.Of("file.xml-depth", "工作簿内部结构异常（XML 嵌套过深），系统拒绝读取。请用 Excel/WPS 打开后另存为新的 .xlsx，或重新下载模板填写。");
        return true;
    }

    /// <summary>Reads a part through <paramref name="read"/>, turning what the XML reader refuses into the uploader's problem.</summary>
    public static T Read<T>(ZipArchiveEntry entry, Func<XmlReader, T> read)
    {
        try
        {
            using var reader = Open(entry);
            return read(reader);
        }
        catch (XmlException)
        {
            throw DeclaresDtd(entry)
                ? UnreadableWorkbookException.Of("file.dtd", "工作簿内含 DTD 或实体声明（Excel/WPS 保存的文件不会有），出于安全考虑不予读取。请用 Excel/WPS 打开后另存为新的 .xlsx，或重新下载模板填写。")
                : UnreadableWorkbookException.Corrupt();
        }
    }

    /// <summary>
    /// Whether the part's prolog holds a document type declaration: the reader only says the XML was refused, so
    /// the first bytes are looked at again (UTF-8 or UTF-16, the encodings a part may use).
    /// </summary>
    private static bool DeclaresDtd(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        var head = new byte[64 * 1024];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var span = head.AsSpan(0, length);
        return span.IndexOf("<!DOCTYPE"u8) >= 0
            || span.IndexOf(Encoding.Unicode.GetBytes("<!DOCTYPE")) >= 0
            || span.IndexOf(Encoding.BigEndianUnicode.GetBytes("<!DOCTYPE")) >= 0;
    }

    /// <summary>
    /// Passes a part through, refusing a run of more than <see cref="MaxToken"/> bytes without a '&lt;' or '&gt;'.
    /// Neither byte occurs inside a multi-byte UTF-8 character, so legitimate text is never cut short.
    /// </summary>
    private sealed class TokenLimitStream(Stream inner) : Stream
    {
        private long run;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            var data = buffer[..read];
            while (data.Length > 0)
            {
                var markup = data.IndexOfAny((byte)'<', (byte)'>');
                run += markup < 0 ? data.Length : markup;
                if (run > MaxToken)
                    throw UnreadableWorkbookException.Of("file.xml-token", "工作簿内部结构异常（单个数据项过长），系统拒绝读取。请用 Excel/WPS 打开后另存为新的 .xlsx，或重新下载模板填写。");
                if (markup < 0) break;
                run = 0;
                data = data[(markup + 1)..];
            }
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
