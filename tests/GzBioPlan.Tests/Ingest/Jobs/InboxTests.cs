using System.Diagnostics;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Ingest.Jobs;

/// <summary>The shared folder as an attacker or a slow copy would fill it: links, FIFOs, huge and half-written files, hostile workbooks.</summary>
public class InboxTests
{
    private const string District = "440113";

    private static AppFactory WithInbox(out string folder)
    {
        var app = new AppFactory();
        folder = Path.Combine(app.Folder, "inbox", District);
        app.Settings["Ingest:InboxFolder"] = Path.Combine(app.Folder, "inbox");
        Directory.CreateDirectory(folder);
        return app;
    }

    private static async Task<byte[]> Filled(AppFactory app, string period)
    {
        using var scope = app.Services.CreateScope();
        var data = await scope.ServiceProvider.GetRequiredService<TemplateQuery>().LoadAsync(District, Period.Parse(period), TestContext.Current.CancellationToken);
        return Workbooks.FilledWithEpplus(TemplateWriter.Write(data!));
    }

    private static async Task<GzBioPlan.Domain.Jobs.JobRun> ScanTwice(AppFactory app)
    {
        await app.RunJob(InboxScanJob.Key);
        return await app.RunJob(InboxScanJob.Key);
    }

    private static string Report(string folder, string outcome, string name) => File.ReadAllText(Path.Combine(folder, outcome, name + ".report.txt"));

    [Fact]
    public async Task A_link_is_moved_unread_and_the_file_it_points_at_is_never_stored()
    {
        await using var app = WithInbox(out var folder);
        var secret = Path.Combine(app.Folder, "secret.txt");
        File.WriteAllText(secret, "root:x:0:0");
        File.CreateSymbolicLink(Path.Combine(folder, "x.xlsx"), secret);

        var run = await ScanTwice(app);
        Assert.Contains("未通过 1 个", run.Summary);
        Assert.Contains("链接", Report(folder, "failed", "x.xlsx"));
        Assert.False(app.WithDb(db => db.SubmissionVersions.Any(v => v.DistrictCode == District)));
        Assert.Equal("root:x:0:0", File.ReadAllText(secret));
        Assert.NotNull(new FileInfo(Path.Combine(folder, "failed", "x.xlsx")).LinkTarget); // the link itself was moved
    }

    [Fact]
    public async Task A_fifo_never_blocks_the_scan_and_the_file_after_it_is_processed()
    {
        await using var app = WithInbox(out var folder);
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "a-pipe.xlsx"))) await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        File.WriteAllBytes(Path.Combine(folder, "b-good.xlsx"), await Filled(app, "2026Q4"));

        var run = await ScanTwice(app);
        Assert.Contains("处理 1 个文件，未通过 1 个", run.Summary);
        Assert.Contains("已提交", Report(folder, "processed", "b-good.xlsx"));
        Assert.True(File.Exists(Path.Combine(folder, "failed", "a-pipe.xlsx")));
    }

    [Fact]
    public async Task A_huge_file_is_refused_unread_and_a_hostile_workbook_does_not_stop_the_others()
    {
        await using var app = WithInbox(out var folder);
        await using (var sparse = File.Create(Path.Combine(folder, "a-huge.xlsx"))) sparse.SetLength(3L * 1024 * 1024 * 1024);
        var good = await Filled(app, "2026Q4");
        File.WriteAllBytes(Path.Combine(folder, "b-dtd.xlsx"), HostileWorkbooks.Make("dtd-in-sheet", good));
        File.WriteAllBytes(Path.Combine(folder, "c-good.xlsx"), good);

        var run = await ScanTwice(app);
        Assert.Contains("处理 1 个文件，未通过 2 个", run.Summary);
        Assert.Contains("文件过大（3072.0 MB）", Report(folder, "failed", "a-huge.xlsx"));
        Assert.Contains("DTD", Report(folder, "failed", "b-dtd.xlsx"));
        Assert.Contains("已提交", Report(folder, "processed", "c-good.xlsx"));
        // The hostile workbook is kept as an upload like any refused one; the huge file was never read.
        Assert.Equal(2, app.WithDb(db => db.SubmissionVersions.Count(v => v.DistrictCode == District)));
        var again = await app.RunJob(InboxScanJob.Key);
        Assert.Contains("处理 0 个文件，未通过 0 个。", again.Summary);
    }

    [Fact]
    public async Task A_file_still_being_copied_is_taken_only_once_it_stops_changing_and_part_files_wait()
    {
        await using var app = WithInbox(out var folder);
        var bytes = await Filled(app, "2026Q4");
        var path = Path.Combine(folder, "天河.xlsx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        File.WriteAllBytes(Path.Combine(folder, "越秀.xlsx.part"), bytes);

        Assert.Contains("1 个文件待下次扫描", (await app.RunJob(InboxScanJob.Key)).Summary);
        await using (var rest = new FileStream(path, FileMode.Append)) rest.Write(bytes, bytes.Length / 2, bytes.Length - bytes.Length / 2);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Assert.Contains("处理 0 个文件，未通过 0 个；1 个文件待下次扫描", (await app.RunJob(InboxScanJob.Key)).Summary); // it changed: not yet
        Assert.Contains("处理 1 个文件，未通过 0 个。", (await app.RunJob(InboxScanJob.Key)).Summary);
        Assert.Contains("已提交", Report(folder, "processed", "天河.xlsx"));
        Assert.True(File.Exists(Path.Combine(folder, "越秀.xlsx.part"))); // never taken under its temporary name
        Assert.False(Directory.Exists(Path.Combine(folder, "failed"))); // the half-written copy was never refused
    }
}
