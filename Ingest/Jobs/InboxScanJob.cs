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
/// </summary>
[DisallowConcurrentExecution]
public sealed class InboxScanJob(IServiceScopeFactory scopes, IngestOptions options, IHostEnvironment env, TimeProvider clock, ILogger<InboxScanJob> logger)
    : LoggedJob(scopes, clock, logger)
{
    public static readonly JobKey Key = new("inbox-scan");

    public override string Name => Key.Name;

    /// <summary>A file younger than this may still be being copied in.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    protected override async Task<string> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var root = Path.GetFullPath(options.InboxFolder, env.ContentRootPath);
        var districts = await services.GetRequiredService<Domain.Persistence.AppDbContext>().Districts.Select(d => d.Code).ToListAsync(ct);
        // The folders districts drop into are created on the first scan, so they can be shared right away.
        foreach (var district in districts) Directory.CreateDirectory(Path.Combine(root, district));
        int processed = 0, failed = 0;
        foreach (var district in districts)
        {
            var folder = Path.Combine(root, district);
            foreach (var file in Directory.GetFiles(folder).Where(f => !f.EndsWith(".report.txt")).Order())
            {
                // File times come from the machine's clock, so the age is measured against it, not the app's.
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < Settle) continue;
                ct.ThrowIfCancellationRequested();
                var ok = await ProcessAsync(services.GetRequiredService<IngestService>(), district, file, ct);
                if (ok) processed++; else failed++;
            }
        }
        return $"处理 {processed} 个文件，未通过 {failed} 个。";
    }

    private async Task<bool> ProcessAsync(IngestService ingest, string district, string file, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(file, ct);
        var period = WorkbookGuard.Check(bytes, options) is null && WorkbookParser.ReadPeriod(bytes) is { } p
            ? p : Period.LastFinished(BeijingTime.Today(Clock)).ClampToPlan();
        var result = await ingest.UploadAsync(new UploadRequest(district, period, Path.GetFileName(file), bytes, "共享目录", UploadChannel.Inbox), ct);
        var ok = result.Outcome != UploadOutcome.Rejected;
        var target = Path.Combine(Path.GetDirectoryName(file)!, ok ? "processed" : "failed");
        Directory.CreateDirectory(target);
        var name = Path.GetFileName(file);
        if (File.Exists(Path.Combine(target, name))) name = $"{Path.GetFileNameWithoutExtension(name)}-{Clock.GetUtcNow():yyyyMMddHHmmss}{Path.GetExtension(name)}";
        await File.WriteAllTextAsync(Path.Combine(target, name + ".report.txt"), Report(result, period), Encoding.UTF8, ct);
        File.Move(file, Path.Combine(target, name));
        Logger.LogInformation("Inbox file {File} of {District} for {Period}: {Outcome} (duplicate: {Duplicate})", file, district, period.ToString(), result.Outcome, result.Duplicate);
        return ok;
    }

    private static string Report(UploadResult result, Period period)
    {
        var text = new StringBuilder();
        text.AppendLine($"报告期：{period.Label}　版本：第 {result.No} 版");
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
