using System.Diagnostics;
using System.Net;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Tests.Platform;

/// <summary>
/// Two real app processes on one PostgreSQL database, as Guangzhou's servers will run behind a proxy: a session and
/// its antiforgery tokens move between nodes, a write on one is read on the other, every scheduled firing runs on one
/// node only, a shared inbox is ingested once, and the survivor goes on when a node is killed.
/// </summary>
[Collection(PostgresCollection.Name)]
public class TwoNodeTests(PostgresCluster cluster)
{
    private static readonly string[] JobNames = ["inbox-scan", "deadline-reminders", "quarter-close", "supervision-reminders", "audit-retention"];

    private sealed class Node(Process process, string url, string folder) : IAsyncDisposable
    {
        public string Url { get; } = url;
        public string Folder { get; } = folder;
        public Process Process { get; } = process;

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
            Process.Dispose();
        }
    }

    private static async Task<Node> StartNode(string connectionString, string inbox, string name)
    {
        var port = PostgresCluster.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var folder = Path.Combine(Path.GetTempPath(), $"gzbioplan-node-{name}-{Guid.NewGuid():N}"[..40]);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GzBioPlan.Dashboard.dll"));
        foreach (var a in new[]
        {
            $"--urls={url}", "--Database:Provider=PostgreSql", $"--Database:ConnectionString={connectionString}", "--Demo:Enabled=true",
            "--Jobs:Clustered=true", $"--Jobs:NodeName={name}", $"--Ingest:InboxFolder={inbox}", $"--Logging:Folder={folder}",
        }.Concat(JobNames.Select(j => $"--Jobs:{j}:Cron=0/5 * * * * ?"))) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri(url) };
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited) throw new InvalidOperationException($"node {name} exited with {process.ExitCode}");
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode) return new Node(process, url, folder);
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException($"node {name} did not start");
    }

    private sealed record FiredJob(string Node, string Job);

    /// <summary>A node (by <c>Jobs:NodeName</c>) that Quartz records as executing a job, and the job, polled until there is one.</summary>
    private static async Task<(string Node, string Job)> Executing(PostgreSqlAppDbContext db, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            var fired = await db.Database.SqlQueryRaw<FiredJob>(
                "select instance_name as \"Node\", job_name as \"Job\" from qrtz_fired_triggers where state = 'EXECUTING' order by instance_name").FirstOrDefaultAsync();
            if (fired is not null) return (fired.Node, fired.Job);
            await Task.Delay(100);
        }
        throw new TimeoutException("no job was seen executing");
    }

    /// <summary>One browser: cookies belong to the host, so a session made on one node goes with every request to the other.</summary>
    private static HttpClient Browser(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });
    }

    private static async Task SignIn(HttpClient client, Node node, string user)
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync(node.Url + "/login"));
        var response = await client.PostAsync(node.Url + "/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = user, ["Input.Password"] = "Demo2024!",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Two_nodes_share_sessions_data_the_schedule_and_the_inbox()
    {
        var connectionString = cluster.ConnectionString("nodes_" + Guid.NewGuid().ToString("N")[..8]);
        var inbox = Path.Combine(Path.GetTempPath(), $"gzbioplan-inbox-{Guid.NewGuid():N}");
        await using var a = await StartNode(connectionString, inbox, "a");
        await using var b = await StartNode(connectionString, inbox, "b");
        var db = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(connectionString).Options);

        // A session made on A works on B, and a form rendered by A posts to B.
        var office = Browser(out _);
        await SignIn(office, a, "office");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(b.Url + "/reporting/review?period=2026Q4")).StatusCode);
        var token = AppFactory.Antiforgery(await office.GetStringAsync(a.Url + "/reporting/completeness?period=2027Q2"));
        var exempt = await office.PostAsync(b.Url + "/reporting/exemptions", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["district"] = "440117", ["period"] = "2027Q2", ["reason"] = "两节点测试",
        }));
        Assert.Equal(HttpStatusCode.Redirect, exempt.StatusCode); // a 400 if B could not read A's token
        Assert.DoesNotContain("error", exempt.Headers.Location!.OriginalString);
        Assert.True(await db.DistrictExemptions.AnyAsync(e => e.DistrictCode == "440117" && e.Reason == "两节点测试"));

        // A workbook taken by A and accepted on A is in B's figures on the next request: B keeps its answer in its page
        // cache, and the accept on A moves the data version B reads with every request.
        var district = Browser(out _);
        await SignIn(district, a, "huangpu");
        var template = await district.GetByteArrayAsync(a.Url + "/reporting/template?period=2026Q4");
        var form = new MultipartFormDataContent
        {
            { new StringContent(AppFactory.Antiforgery(await district.GetStringAsync(a.Url + "/reporting?period=2026Q4"))), "__RequestVerificationToken" },
            { new ByteArrayContent(Workbooks.Filled(template)), "file", "黄埔.xlsx" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await district.PostAsync(a.Url + "/reporting/upload?period=2026Q4", form)).StatusCode);
        var before = await office.GetStringAsync(b.Url + "/api/v1/progress?period=2026Q4");
        Assert.Equal(before, await office.GetStringAsync(b.Url + "/api/v1/progress?period=2026Q4")); // kept on B
        var submission = await db.Submissions.AsNoTracking().SingleAsync(s => s.DistrictCode == "440112" && s.Period == GzBioPlan.Domain.Periods.Period.Parse("2026Q4"));
        var accept = await office.PostAsync($"{a.Url}/reporting/submissions/{submission.Id}/accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await office.GetStringAsync($"{a.Url}/reporting/submissions/{submission.Id}")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.NotEqual(before, await office.GetStringAsync(b.Url + "/api/v1/progress?period=2026Q4"));

        // Both nodes scan one inbox: each file is ingested once.
        foreach (var (code, name) in new[] { ("440103", "荔湾"), ("440104", "越秀"), ("440105", "海珠") })
        {
            Directory.CreateDirectory(Path.Combine(inbox, code));
            await SignIn(office, a, "office");
            var bytes = Workbooks.Filled(await office.GetByteArrayAsync($"{a.Url}/reporting/template?period=2026Q4&district={code}"));
            File.WriteAllBytes(Path.Combine(inbox, code, $"{name}.xlsx"), bytes);
        }

        // Every job fires every 5 s on the pair for 26 s.
        var watchFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(26), TestContext.Current.CancellationToken);
        var runs = (await db.JobRuns.AsNoTracking().ToListAsync()).Where(r => r.StartedAt >= watchFrom).ToList();
        foreach (var job in JobNames)
        {
            var ofJob = runs.Where(r => r.Job == job).ToList();
            Assert.True(ofJob.Count >= 4, $"{job} ran {ofJob.Count} times in 26 s");
            // One firing, one run: no two runs of a job start within the same 5-second slot.
            Assert.All(ofJob.GroupBy(r => r.StartedAt.ToUnixTimeSeconds() / 5), slot => Assert.Single(slot));
        }
        foreach (var code in new[] { "440103", "440104", "440105" })
        {
            Assert.Single(Directory.GetFiles(Path.Combine(inbox, code, "processed"), "*.xlsx"));
            Assert.Equal(1, await db.SubmissionVersions.CountAsync(v => v.DistrictCode == code && v.Channel == UploadChannel.Inbox));
        }

        // A node killed with kill -9 while it runs a job: the other runs that job again (request recovery) and goes on with the schedule.
        // The test holds the job log's table so that every job stays running until it is let go, which makes "while it runs" certain.
        await using var hold = new Npgsql.NpgsqlConnection(connectionString);
        await hold.OpenAsync(TestContext.Current.CancellationToken);
        var holding = await hold.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockTable = new Npgsql.NpgsqlCommand("lock table \"JobRuns\" in exclusive mode", hold, holding))
            await lockTable.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        var (node, runningJob) = await Executing(db, TimeSpan.FromSeconds(15));
        var (killed, survivor) = node == "a" ? (a, b) : (b, a);
        killed.Process.Kill(entireProcessTree: true);
        await holding.RollbackAsync(TestContext.Current.CancellationToken);
        var killedAt = DateTimeOffset.UtcNow;
        var recovered = Stopwatch.StartNew();
        List<GzBioPlan.Domain.Jobs.JobRun> after = [];
        while (recovered.Elapsed < TimeSpan.FromSeconds(30))
        {
            after = (await db.JobRuns.AsNoTracking().ToListAsync()).Where(r => r.StartedAt > killedAt).ToList();
            if (after.Any(r => r.Job == runningJob && r.Summary.StartsWith("（节点中断后恢复执行）")) && JobNames.All(j => after.Any(r => r.Job == j))) break;
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.Contains(after, r => r.Job == runningJob && r.Summary.StartsWith("（节点中断后恢复执行）"));
        Assert.All(JobNames, name => Assert.Contains(after, r => r.Job == name));
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(survivor.Url + "/reporting/review?period=2026Q4")).StatusCode);
        try { Directory.Delete(inbox, true); } catch (IOException) { }
    }
}
