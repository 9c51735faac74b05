using System.Diagnostics;
using System.Globalization;
using ExcelDataReader;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;
using OfficeOpenXml;

// Ingest benchmark (run on demand: dotnet run -c Release --project tests/Bench).
// Each measurement runs in a child process of its own, so its peak working set is its own.
// Compares our check of a district workbook (byte guard, every cell read and validated) with a plain
// ExcelDataReader read of the same file that only touches every cell.

if (args is ["check", var checkedFile])
{
    // One hostile (or typical) workbook through the byte guard and the parser, as an upload is checked.
    var started = Stopwatch.GetTimestamp();
    var outcome = Check(File.ReadAllBytes(checkedFile));
    Console.WriteLine(string.Join(' ', Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
        (Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture), outcome));
    return;
}

if (args is [var mode, var file, var runs])
{
    var bytes = File.ReadAllBytes(file);
    var n = int.Parse(runs, CultureInfo.InvariantCulture);
    var times = new List<double>();
    for (var i = 0; i < n; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var cells = mode == "plain" ? PlainRead(bytes) : Ingest(bytes);
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (cells <= 0) throw new InvalidOperationException("nothing was read");
    }
    times.Sort();
    Console.WriteLine(string.Join(' ', times[times.Count / 2].ToString("0.0", CultureInfo.InvariantCulture),
        (Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture)));
    return;
}

var folder = Path.Combine(Path.GetTempPath(), "gzbioplan-bench");
Directory.CreateDirectory(folder);
if (args is ["web"])
{
    await WebBench.RunAsync(folder);
    return;
}
if (args is ["breakdown"])
{
    await BreakdownTable(folder);
    return;
}
var typical = Path.Combine(folder, "typical.xlsx");
var large = Path.Combine(folder, "roster-50000.xlsx");
File.WriteAllBytes(typical, Workbook(rosterRows: 30));
File.WriteAllBytes(large, Workbook(rosterRows: 50_000));
Console.WriteLine($"typical: {new FileInfo(typical).Length / 1024} KB; 50,000-row roster: {new FileInfo(large).Length / 1024} KB");
Console.WriteLine("| workbook | runs | GzBioPlan ingest check (median ms) | plain ExcelDataReader read (median ms) | ratio | peak working set ingest / plain (MB) |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var (name, path, count) in new[] { ("typical district workbook", typical, 50), ("50,000-row roster", large, 5) })
{
    var ours = Child("ingest", path, count);
    var plain = Child("plain", path, count);
    Console.WriteLine($"| {name} | {count} | {ours.Ms:0.0} | {plain.Ms:0.0} | {ours.Ms / plain.Ms:0.00} | {ours.PeakMb:0} / {plain.PeakMb:0} |");
}

// Hostile workbooks: each checked once in a child process of its own; its peak working set against the same
// process checking the typical workbook.
Console.WriteLine();
Console.WriteLine("| hostile workbook | size (KB) | outcome | time (ms) | peak working set (MB) | above the typical workbook (MB) |");
Console.WriteLine("|---|---|---|---|---|---|");
var baseline = ChildCheck(typical);
Console.WriteLine($"| typical district workbook | {new FileInfo(typical).Length / 1024} | {baseline.Outcome} | {baseline.Ms:0} | {baseline.PeakMb:0} | 0 |");
var template = Workbook(rosterRows: 30);
foreach (var kind in GzBioPlan.Tests.Support.HostileWorkbooks.Kinds)
{
    var path = Path.Combine(folder, kind + ".xlsx");
    File.WriteAllBytes(path, GzBioPlan.Tests.Support.HostileWorkbooks.Make(kind, template));
    var r = ChildCheck(path);
    Console.WriteLine($"| {kind} | {new FileInfo(path).Length / 1024} | {r.Outcome} | {r.Ms:0} | {r.PeakMb:0} | {r.PeakMb - baseline.PeakMb:0} |");
}

// Sign-in timing: the real server in a child process (Release, demo data), a wrong password for a real account
// against an unknown name, 50 tries each, medians. A right password every fourth try keeps the real account under
// the throttle, which would otherwise answer without hashing.
Console.WriteLine();
var (real, unknown) = await LoginTiming(folder);
Console.WriteLine("| sign-in answer | tries | median (ms) | p90 (ms) |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| wrong password, real account | {real.Count} | {Median(real):0.0} | {Percentile(real, 0.9):0.0} |");
Console.WriteLine($"| unknown user name | {unknown.Count} | {Median(unknown):0.0} | {Percentile(unknown, 0.9):0.0} |");
Console.WriteLine($"| difference of medians | | {Math.Abs(Median(real) - Median(unknown)):0.0} | |");

await BreakdownTable(folder);

// 任务分解 roll-up: the cockpit computes one quarter; the laggard review computes every quarter up to the chosen one,
// from one read of the data (PlanProgressQuery.HistoryAsync), and adds its own rows; all of it uncached.
static async Task BreakdownTable(string folder)
{
    Console.WriteLine();
    Console.WriteLine("| breakdown | sub-items / milestones / milestone reports | work items at one quarter (median ms) | the whole plan at all 8 quarters to 2026Q3, one read (median ms) | laggard review 2026Q3, uncached (median ms) |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var (name, perItem) in new[] { ("none (lead units' reports)", 0), ("small (1 sub-item per item, 5 milestones)", 1), ("large (20 sub-items per item, 5 milestones each)", 20) })
    {
        var (counts, one, all, review) = await BreakdownRollup(folder, perItem);
        Console.WriteLine($"| {name} | {counts} | {one:0.0} | {all:0.0} | {review:0.0} |");
    }
}

static async Task<(string Counts, double One, double All, double Review)> BreakdownRollup(string folder, int subItemsPerItem)
{
    var file = Path.Combine(folder, $"breakdown-{subItemsPerItem}.db");
    File.Delete(file);
    var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={file};Pooling=false").Options;
    await using (var db = new SqliteAppDbContext(options))
    {
        await db.Database.MigrateAsync();
        await PlanSeeder.SeedAsync(db, default);
        var random = new Random(11);
        foreach (var item in PlanSeed.WorkItems)
        {
            for (var i = 0; i < subItemsPerItem; i++)
            {
                var sub = new SubItem { WorkItemCode = item.Code, Title = $"分解任务{i}", OwnerKind = PartyKind.Unit, OwnerCode = "gxj", Start = Period.First, Weight = random.Next(1, 10) };
                db.SubItems.Add(sub);
                await db.SaveChangesAsync();
                var milestones = Enumerable.Range(0, 5).Select(k => new Milestone
                {
                    SubItemId = sub.Id, SortOrder = k, Title = $"节点{k}", Due = Period.All[2 + k * 2], OriginalDue = Period.All[2 + k * 2],
                }).ToList();
                db.Milestones.AddRange(milestones);
                await db.SaveChangesAsync();
                db.MilestoneReports.AddRange(milestones.SelectMany(m => Period.All.Select(p => new MilestoneReport
                {
                    MilestoneId = m.Id, Period = p, Percent = random.Next(0, 101), ReporterKind = PartyKind.Unit, ReporterCode = "gxj", ReportedAt = DateTimeOffset.UtcNow,
                })));
                await db.SaveChangesAsync();
            }
        }
    }
    await using var read = new SqliteAppDbContext(options);
    var counts = $"{await read.SubItems.CountAsync()} / {await read.Milestones.CountAsync()} / {await read.MilestoneReports.CountAsync():#,0}";
    var thresholds = new LightThresholds();
    var query = new PlanProgressQuery(read, thresholds, new BreakdownQuery(read, thresholds));
    var at = new Period(2026, 3);
    await query.WorkItemsAsync(at, default);
    var laggards = new GzBioPlan.Dashboard.Laggards.LaggardQuery(read, query, new CompletenessQuery(read, new ReportingCalendar()), thresholds, TimeProvider.System);
    await laggards.RunAsync(at, default);
    var one = new List<double>();
    var all = new List<double>();
    var review = new List<double>();
    for (var run = 0; run < 15; run++)
    {
        var started = Stopwatch.GetTimestamp();
        await query.WorkItemsAsync(at, default);
        one.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        started = Stopwatch.GetTimestamp();
        await query.HistoryAsync(at, default);
        all.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        started = Stopwatch.GetTimestamp();
        await laggards.RunAsync(at, default);
        review.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    return (counts, Median(one), Median(all), Median(review));
}

static (double Ms, double PeakMb) Child(string mode, string file, int runs)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileName(Environment.ProcessPath!).StartsWith("dotnet")) start.ArgumentList.Add(typeof(Program).Assembly.Location);
    foreach (var a in new[] { mode, file, runs.ToString(CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
    using var p = Process.Start(start)!;
    var line = p.StandardOutput.ReadToEnd().Trim().Split(' ');
    p.WaitForExit();
    return (double.Parse(line[0], CultureInfo.InvariantCulture), double.Parse(line[1], CultureInfo.InvariantCulture));
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}

static async Task<(List<double> Real, List<double> Unknown)> LoginTiming(string folder)
{
    var root = AppContext.BaseDirectory;
    while (!File.Exists(Path.Combine(root, "GzBioPlan.sln"))) root = Path.GetDirectoryName(root)!;
    var dll = Path.Combine(root, "Dashboard", "bin", "Release", "net10.0", "GzBioPlan.Dashboard.dll");
    var data = Path.Combine(folder, "login-timing");
    if (Directory.Exists(data)) Directory.Delete(data, true);
    const string url = "http://127.0.0.1:5391";
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
    foreach (var a in new[] { dll, "--urls", url, "--Demo:Enabled=true", $"--Database:SqlitePath={data}/app.db", $"--Logging:Folder={data}/logs", "--Jobs:Enabled=false" })
        start.ArgumentList.Add(a);
    using var server = Process.Start(start)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, _) => { };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = new Uri(url) };
        for (var i = 0; i < 120 && !await Up(http); i++) await Task.Delay(500);
        async Task<double> Try(string name, string password)
        {
            var page = await http.GetStringAsync("/login");
            var token = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = name, ["Input.Password"] = password,
            });
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync("/login", form);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode == System.Net.HttpStatusCode.Redirect) await http.PostAsync("/logout", new FormUrlEncodedContent([])); // best effort
            return ms;
        }
        for (var i = 0; i < 5; i++) { await Try("leader", "Demo2024!"); await Try("nobody-warmup", "x"); }
        var real = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            if (i % 4 == 3) await Try("leader", "Demo2024!");
            real.Add(await Try("leader", "wrong-password1"));
            unknown.Add(await Try($"nobody-{i}", "wrong-password1"));
        }
        return (real, unknown);
    }
    finally
    {
        server.Kill(entireProcessTree: true);
    }

    static async Task<bool> Up(HttpClient http)
    {
        try { return (await http.GetAsync("/healthz")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; }
    }
}

static (double Ms, double PeakMb, string Outcome) ChildCheck(string file)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
    if (Path.GetFileName(Environment.ProcessPath!).StartsWith("dotnet")) start.ArgumentList.Add(typeof(Program).Assembly.Location);
    start.ArgumentList.Add("check");
    start.ArgumentList.Add(file);
    using var p = Process.Start(start)!;
    var line = p.StandardOutput.ReadToEnd().Trim().Split(' ');
    p.WaitForExit();
    return (double.Parse(line[0], CultureInfo.InvariantCulture), double.Parse(line[1], CultureInfo.InvariantCulture), line[2]);
}

/// <summary>The check an upload gets, without the database: accepted, or the first problem's code.</summary>
static string Check(byte[] bytes)
{
    var options = new IngestOptions();
    if (WorkbookGuard.Check(bytes, options) is { } refused) return refused.Code;
    var (_, problems) = WorkbookParser.Parse(bytes, Context(options));
    return problems.FirstOrDefault(p => p.Severity == Severity.Error)?.Code ?? "accepted";
}

static ParseContext Context(IngestOptions options) => new("440112", "黄埔区", new Period(2026, 4),
    PlanSeed.Indicators.Where(i => i.Aggregation != Aggregation.DistinctCount).Select(i => new ExpectedIndicator(i.Code, i.Name, TemplateQuery.IsCount(i))).ToList(),
    PlanSeed.WorkItems.Select(w => w.Code).ToList(), options);

static int Ingest(byte[] bytes)
{
    var options = new IngestOptions { MaxRosterRows = 60_000, MaxFileBytes = 64 * 1024 * 1024 };
    if (WorkbookGuard.Check(bytes, options) is { } refused) throw new InvalidOperationException(refused.Message);
    var (parsed, problems) = WorkbookParser.Parse(bytes, Context(options));
    if (problems.Count > 0) throw new InvalidOperationException(problems[0].Message);
    return parsed!.Indicators.Count + parsed.Rosters.Count;
}

static int PlainRead(byte[] bytes)
{
    System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
    using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(bytes));
    var cells = 0;
    do
    {
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetValue(i) is not null) cells++;
            }
        }
    } while (reader.NextResult());
    return cells;
}

static byte[] Workbook(int rosterRows)
{
    const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    var random = new Random(7);
    string Uscc()
    {
        var body = "91440112" + new string(Enumerable.Range(0, 9).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        return body + GzBioPlan.Domain.Rules.Uscc.CheckCharacter(body);
    }
    var firms = Enumerable.Range(0, rosterRows).Select(i => new TemplateRosterRow(null, $"广州样本生物科技有限公司{i:00000}", Uscc(),
        i % 7 == 0 ? "已认定" : "培育对象", TemplateLayout.Fields[i % 5], null, null)).ToList();
    var data = new TemplateData(new District { Code = "440112", Name = "黄埔区" }, new Period(2026, 4), new DateOnly(2027, 1, 15),
        PlanSeed.Indicators.Where(i => i.Aggregation != Aggregation.DistinctCount).Select(i => new TemplateIndicator(i.Code, i.Name, i.UnitOfMeasure, TemplateQuery.IsCount(i), 100)).ToList(),
        new Dictionary<RosterKind, IReadOnlyList<TemplateRosterRow>> { [RosterKind.LeadingFirm] = firms },
        PlanSeed.WorkItems.Select(w => new TemplateWorkItem(w.Code, w.Title)).ToList());
    using var package = new ExcelPackage(new MemoryStream(TemplateWriter.Write(data)));
    var indicators = package.Workbook.Worksheets[TemplateLayout.IndicatorsSheet];
    for (var r = TemplateLayout.FirstDataRow; indicators.Cells[r, 1].Value is not null; r++) indicators.Cells[r, TemplateLayout.IndicatorValueColumn].Value = 105;
    package.Workbook.Worksheets[TemplateLayout.NarrativeSheet].Cells["C3"].Value = "本季度推进创新中心筹建。";
    return package.GetAsByteArray();
}
