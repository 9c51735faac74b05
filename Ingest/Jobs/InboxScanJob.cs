using System.Text;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GzBioPlan.Ingest.Jobs;

/// <summary>
/// 共享目录: districts drop workbooks into <c>inbox/&lt;district code&gt;/</c>. Each file goes through the same
/// pipeline as a web upload and is then moved to <c>processed/</c> or <c>failed/</c> with a report beside it.
/// A file processed but not moved (the server stopped in between) is recognised by its hash next time and
/// only moved: it is never counted twice.
/// <para>Only regular files are read: links, and anything whose size the file system gives as 0 (FIFOs, devices,
/// an empty file), are never opened. A file is taken once its size and time were the same at the previous scan
/// (a copy still under way changes them), or never while it ends in <c>.part</c>; one larger than the upload
/// cap is refused unread. Each file is read with a timeout and handled on its own: one that fails is moved to
/// <c>failed/</c> with its reason, and the others in the run go on.</para>
/// </summary>
[DisallowConcurrentExecution]
public sealed class InboxScanJob(IServiceScopeFactory scopes, IngestOptions options, IHostEnvironment env, InboxSightings sightings, TimeProvider clock, ILogger<InboxScanJob> logger)
    : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("inbox-scan");

    public override string Name => Key.Name;

    /// <summary>How long one file may take, from opening it to its report.</summary>
    public static readonly TimeSpan PerFile = TimeSpan.FromMinutes(2);

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var root = Path.GetFullPath(options.InboxFolder, env.ContentRootPath);
        var districts = await services.GetRequiredService<Domain.Persistence.AppDbContext>().Districts.Select(d => d.Code).ToListAsync(ct);
        // The folders districts drop into are created on the first scan, so they can be shared right away.
        foreach (var district in districts) Directory.CreateDirectory(Path.Combine(root, district));
        int processed = 0, failed = 0, waiting = 0;
        var seen = new Dictionary<string, InboxSightings.Sighting>();
        foreach (var district in districts)
        {
            var folder = Path.Combine(root, district);
            if (!IsRealFolder(folder) || !IsRealFolder(Path.Combine(folder, "processed")) || !IsRealFolder(Path.Combine(folder, "failed")))
            {
                Logger.LogWarning("Inbox folder of {District} (or its processed/failed folder) is a link; it is not scanned", district);
                continue;
            }
            foreach (var file in Directory.GetFiles(folder).Where(IsCandidate).Order())
            {
                ct.ThrowIfCancellationRequested();
                var info = new FileInfo(file);
                var sighting = new InboxSightings.Sighting(info.LinkTarget is null ? info.Length : -1, info.LastWriteTimeUtc);
                seen[file] = sighting;
                if (!sightings.WasSeen(file, sighting))
                {
                    waiting++;
                    continue;
                }
                var ok = await ProcessAsync(services, district, info, ct);
                seen.Remove(file);
                if (ok) processed++; else failed++;
            }
        }
        sightings.Remember(seen);
        return $"处理 {processed} 个文件，未通过 {failed} 个" + (waiting > 0 ? $"；{waiting} 个文件待下次扫描确认已复制完成。" : "。");
    }

    /// <summary>Reports and files still being copied under a temporary name (.part, Office's ~$ lock files) are not taken.</summary>
    private static bool IsCandidate(string file)
    {
        var name = Path.GetFileName(file);
        return !name.EndsWith(".report.txt", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
            && !name.StartsWith("~$", StringComparison.Ordinal) && !name.StartsWith('.');
    }

    private static bool IsRealFolder(string path) => !Directory.Exists(path) || new DirectoryInfo(path).LinkTarget is null;

    private async Task<bool> ProcessAsync(IServiceProvider services, string district, FileInfo file, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(PerFile);
        try
        {
            if (file.LinkTarget is not null)
                return await RefuseUnreadAsync(file, "这是一个链接（快捷方式），不是文件本身，系统没有读取。请把填好的工作簿文件本身复制到共享目录。", timeout.Token);
            if (file.Length > options.MaxFileBytes)
                return await RefuseUnreadAsync(file, $"文件过大（{file.Length / 1024.0 / 1024.0:0.0} MB），上限为 {options.MaxFileBytes / 1024 / 1024} MB，系统没有读取。请删除多余的工作表、图片或空行后重新放入。", timeout.Token);
            // The file system gives FIFOs and devices a size of 0: such an entry is never opened (it could block for ever).
            var bytes = file.Length == 0 ? [] : await ReadAsync(file.FullName, timeout.Token);
            if (bytes is null)
                return await RefuseUnreadAsync(file, "文件在读取时仍在变化（可能尚未复制完成）。请确认复制完成后重新放入。", timeout.Token);
            var period = WorkbookGuard.Check(bytes, options) is null && WorkbookParser.ReadPeriod(bytes) is { } p
                ? p : Period.LastFinished(BeijingTime.Today(Clock)).ClampToPlan();
            var result = await services.GetRequiredService<IngestService>()
                .UploadAsync(new UploadRequest(district, period, file.Name, bytes, "共享目录", UploadChannel.Inbox), timeout.Token);
            var ok = result.Outcome != UploadOutcome.Rejected;
            await MoveAsync(file, ok, Report(result, period), timeout.Token);
            Logger.LogInformation("Inbox file {File} of {District} for {Period}: {Outcome} (duplicate: {Duplicate})", file.FullName, district, period.ToString(), result.Outcome, result.Duplicate);
            return ok;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // One file that cannot be handled must not hold up the others, nor come back every minute.
            var reference = Guid.NewGuid().ToString("N")[..8];
            Logger.LogError(ex, "Inbox file {File} of {District} could not be processed (reference {Reference})", file.FullName, district, reference);
            services.GetRequiredService<Domain.Persistence.AppDbContext>().ChangeTracker.Clear();
            try
            {
                await MoveAsync(file, false, $"结果：处理时出错（参考编号 {reference}），数据没有被采用。请检查文件后重新放入；如仍出错，请把参考编号告诉系统管理员。", ct);
            }
            catch (Exception moveFailed) when (moveFailed is IOException or UnauthorizedAccessException)
            {
                Logger.LogError(moveFailed, "Inbox file {File} could not be moved to failed/", file.FullName);
            }
            return false;
        }
    }

    /// <summary>The file's bytes, streamed up to the cap; null when it grew past the cap or changed size while being read.</summary>
    private async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous });
        var expected = stream.Length;
        var buffer = new MemoryStream((int)Math.Min(expected, options.MaxFileBytes));
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxFileBytes) return null;
        }
        return buffer.Length == expected ? buffer.ToArray() : null;
    }

    private async Task<bool> RefuseUnreadAsync(FileInfo file, string reason, CancellationToken ct)
    {
        Logger.LogWarning("Inbox file {File} refused unread: {Reason}", file.FullName, reason);
        await MoveAsync(file, false, "结果：未通过检查，数据没有被采用。\n" + reason, ct);
        return false;
    }

    /// <summary>Moves the file (a link is moved as the link) beside its report, under a new name when one is taken.</summary>
    private async Task MoveAsync(FileInfo file, bool ok, string report, CancellationToken ct)
    {
        var target = Path.Combine(file.DirectoryName!, ok ? "processed" : "failed");
        Directory.CreateDirectory(target);
        var name = file.Name;
        if (File.Exists(Path.Combine(target, name)) || File.Exists(Path.Combine(target, name + ".report.txt")))
            name = $"{Path.GetFileNameWithoutExtension(name)}-{Clock.GetUtcNow():yyyyMMddHHmmssfff}{Path.GetExtension(name)}";
        // CreateNew never writes through a link someone placed under the report's name.
        await using (var writer = new StreamWriter(new FileStream(Path.Combine(target, name + ".report.txt"), FileMode.CreateNew, FileAccess.Write), Encoding.UTF8))
            await writer.WriteAsync(report.AsMemory(), ct);
        File.Move(file.FullName, Path.Combine(target, name));
    }

    private static string Report(UploadResult result, Period period)
    {
        var text = new StringBuilder();
        text.AppendLine($"报告期：{period.Label}　版本：{VersionStatus.Label(result.No)}");
        text.AppendLine(result.Duplicate ? "与之前上传的文件完全相同，没有重复计入。" : "");
        text.AppendLine(result.Outcome switch
        {
            UploadOutcome.Submitted => "结果：已提交。",
            UploadOutcome.NeedsConfirmation => "结果：有数值需要核实，请登录系统“季度填报”页面确认后提交。",
            _ => "结果：未通过检查，数据没有被采用。请按下列问题修改后重新放入共享目录或在网页上传。",
        });
        foreach (var p in result.Problems)
            text.AppendLine($"- [{(p.Severity == Severity.Error ? "错误" : "请核实")}] {p.Sheet}{(p.Cell is null ? "" : "!" + p.Cell)}：{p.Message}{(p.Value is null ? "" : $"（填写的值：{p.Value}）")}");
        return text.ToString();
    }
}

/// <summary>What each inbox file looked like at the previous scan: a file is taken only when it has not changed since.</summary>
public sealed class InboxSightings
{
    public sealed record Sighting(long Size, DateTime WrittenAt);

    private readonly Lock gate = new();
    private Dictionary<string, Sighting> last = [];

    public bool WasSeen(string file, Sighting now)
    {
        lock (gate) return last.TryGetValue(file, out var before) && before == now;
    }

    public void Remember(Dictionary<string, Sighting> seen)
    {
        lock (gate) last = seen;
    }
}
