using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;

/// <summary>
/// The web benchmark (README "Page cache"): a Release build of the dashboard, published and started on SQLite with the
/// demo data, loaded with wrk (Debian's package) from this machine. Each figure is the median of 3 runs of 10 s after a
/// warm-up. It measures the static-file rate and the cached pages' rates at 32 connections, 50 readers of the cockpit
/// while the 11 districts upload a workbook each at once, and the static-file rate with request logging off.
/// </summary>
public static class WebBench
{
    private const string Period = "2026Q4";
    private static readonly string[] Pages = ["/app.css", "/", "/laggards", "/briefing", "/targets/target-1", "/api/v1/progress"];

    private sealed record Load(double Rps, double P50, double P95, int Errors);

    public static async Task RunAsync(string folder)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "GzBioPlan.sln"))) root = Path.GetDirectoryName(root)!;
        var app = Path.Combine(folder, "web-app");
        if (Directory.Exists(app)) Directory.Delete(app, true);
        Run("dotnet", "publish", Path.Combine(root, "Dashboard"), "-c", "Release", "-o", app, "-v", "q");
        var data = Path.Combine(folder, "web-data");
        if (Directory.Exists(data)) Directory.Delete(data, true);
        var lua = Path.Combine(folder, "p95.lua");
        File.WriteAllText(lua, """
            done = function(summary, latency, requests)
              io.write(string.format("RESULT %.1f %.3f %.3f %d\n", summary.requests / (summary.duration / 1e6),
                latency:percentile(50) / 1000, latency:percentile(95) / 1000,
                summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status))
            end
            """);

        Console.WriteLine($"web benchmark: {DateTime.Now:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {Environment.OSVersion}, wrk {Version("wrk", "-v")}");
        Dictionary<string, Load> pages;
        List<(Load Readers, double UploadsSeconds, int Accepted)> uploads = [];
        await using (var server = await Server.StartAsync(app, data, logging: true))
        {
            var leader = await server.SignInAsync("leader", "Demo2024!");
            foreach (var page in Pages) Wrk(server.Url + page, leader, 32, 10, lua); // warm-up: tiered JIT settles
            pages = Pages.ToDictionary(p => p, p => Median3(() => Wrk(server.Url + p, leader, 32, 10, lua)));

            var districts = await DistrictsAsync(server);
            for (var run = 1; run <= 3; run++) uploads.Add(await UploadsWhileReadingAsync(server, leader, districts, run, lua));
        }
        Load quiet;
        await using (var server = await Server.StartAsync(app, data, logging: false))
        {
            var leader = await server.SignInAsync("leader", "Demo2024!");
            Wrk(server.Url + "/app.css", leader, 32, 10, lua);
            Wrk(server.Url + "/app.css", leader, 32, 10, lua);
            quiet = Median3(() => Wrk(server.Url + "/app.css", leader, 32, 10, lua));
        }

        var statics = pages["/app.css"];
        Console.WriteLine();
        Console.WriteLine("| at 32 connections, signed in as 市领导 | requests/s | × static | p50 (ms) | p95 (ms) | errors |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (page, load) in pages)
            Console.WriteLine($"| `{page}` | {load.Rps:#,0} | {load.Rps / statics.Rps:0.00} | {load.P50:0.0} | {load.P95:0.0} | {load.Errors} |");
        Console.WriteLine($"| `/app.css`, request logging off | {quiet.Rps:#,0} | logging on / off: {statics.Rps / quiet.Rps:0.00} | {quiet.P50:0.0} | {quiet.P95:0.0} | {quiet.Errors} |");
        Console.WriteLine();
        Console.WriteLine("| 50 readers of the cockpit while 11 districts upload at once | requests/s | reader p95 (ms) | reader errors | 11 uploads took (s) | uploads answered 302 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (u, i) in uploads.Select((u, i) => (u, i + 1)))
            Console.WriteLine($"| run {i} | {u.Readers.Rps:#,0} | {u.Readers.P95:0.0} | {u.Readers.Errors} | {u.UploadsSeconds:0.0} | {u.Accepted}/11 |");
        var median = uploads.OrderBy(u => u.Readers.P95).ElementAt(1);
        Console.WriteLine($"| median | {uploads.Select(u => u.Readers.Rps).Order().ElementAt(1):#,0} | {median.Readers.P95:0.0} | {uploads.Select(u => u.Readers.Errors).Order().ElementAt(1)} | {uploads.Select(u => u.UploadsSeconds).Order().ElementAt(1):0.0} | |");
    }

    /// <summary>One district office account per district (the demo has 黄埔's), each signed in with its workbook filled for the quarter.</summary>
    private static async Task<List<(HttpClient Client, byte[] Template)>> DistrictsAsync(Server server)
    {
        var admin = await server.SignInAsync("admin", "Demo2024!");
        var result = new List<(HttpClient, byte[])>();
        foreach (var d in PlanSeed.Districts)
        {
            var (name, password) = d.Code == "440112" ? ("huangpu", "Demo2024!") : ("bench" + d.Code, "Bench2026!x");
            if (name != "huangpu")
            {
                var token = Token(await admin.Client.GetStringAsync(server.Url + "/admin/users"));
                var created = await admin.Client.PostAsync(server.Url + "/admin/users", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["_handler"] = "create-user", ["__RequestVerificationToken"] = token, ["Input.UserName"] = name, ["Input.DisplayName"] = d.Name + "工信局",
                    ["Input.Role"] = Roles.District, ["Input.District"] = d.Code, ["Input.Unit"] = "", ["Input.Password"] = password,
                }));
                if ((int)created.StatusCode >= 400) throw new InvalidOperationException($"account for {d.Code}: {created.StatusCode}");
            }
            var client = await server.SignInAsync(name, password);
            result.Add((client.Client, await client.Client.GetByteArrayAsync($"{server.Url}/reporting/template?period={Period}")));
        }
        return result;
    }

    private static async Task<(Load, double, int)> UploadsWhileReadingAsync(Server server, Signed leader, List<(HttpClient Client, byte[] Template)> districts, int run, string lua)
    {
        var forms = new List<(HttpClient Client, MultipartFormDataContent Form)>();
        foreach (var (client, template) in districts)
        {
            var token = Token(await client.GetStringAsync($"{server.Url}/reporting?period={Period}"));
            var workbook = Workbooks.Filled(template, new OpenXmlFiller.Edit(TemplateLayout.NarrativeSheet, "C3", $"第 {run} 轮：本季度推进生物制造创新中心筹建。"));
            forms.Add((client, new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(workbook), "file", "报表.xlsx" } }));
        }
        var readers = Task.Run(() => Wrk(server.Url + "/", leader, 50, 12, lua));
        await Task.Delay(2000);
        var started = Stopwatch.GetTimestamp();
        var answers = await Task.WhenAll(forms.Select(f => f.Client.PostAsync($"{server.Url}/reporting/upload?period={Period}", f.Form)));
        var took = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (await readers, took, answers.Count(a => a.StatusCode == HttpStatusCode.Redirect && !a.Headers.Location!.OriginalString.Contains("error")));
    }

    private static Load Median3(Func<Load> measure)
    {
        var runs = Enumerable.Range(0, 3).Select(_ => measure()).ToList();
        double Mid(Func<Load, double> f) => runs.Select(f).Order().ElementAt(1);
        return new Load(Mid(r => r.Rps), Mid(r => r.P50), Mid(r => r.P95), (int)Mid(r => r.Errors));
    }

    private static Load Wrk(string url, Signed who, int connections, int seconds, string lua)
    {
        var output = Run("wrk", "-t2", $"-c{connections}", $"-d{seconds}s", "--timeout", "5s", "-s", lua, "-H", "Cookie: " + who.Cookie, url);
        var line = output.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal)).Split(' ');
        double At(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
        return new Load(At(1), At(2), At(3), (int)At(4));
    }

    private static string Token(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {output}{stderr.Result}");
        return output;
    }

    private static string Version(string file, string arg)
    {
        try { return Regex.Match(Run(file, arg), @"\d+\.\d+(\.\d+)?").Value; }
        catch (InvalidOperationException ex) { return Regex.Match(ex.Message, @"\d+\.\d+(\.\d+)?").Value; }
    }

    private sealed record Signed(HttpClient Client, string Cookie);

    private sealed class Server(Process process, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public static async Task<Server> StartAsync(string app, string data, bool logging)
        {
            const string url = "http://127.0.0.1:5392";
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = app };
            foreach (var a in new[] { Path.Combine(app, "GzBioPlan.Dashboard.dll"), $"--urls={url}", $"--Database:SqlitePath={Path.Combine(data, "app.db")}",
                         "--Demo:Enabled=true", $"--Logging:Folder={Path.Combine(data, "logs")}", $"--Logging:Requests={logging}" })
                start.ArgumentList.Add(a);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var probe = new HttpClient();
            for (var i = 0; i < 240; i++)
            {
                try
                {
                    if ((await probe.GetAsync(url + "/healthz")).IsSuccessStatusCode) return new Server(process, url);
                }
                catch (HttpRequestException) { }
                await Task.Delay(500);
            }
            process.Kill(true);
            throw new InvalidOperationException("the dashboard did not start");
        }

        public async Task<Signed> SignInAsync(string user, string password)
        {
            var cookies = new CookieContainer();
            var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };
            var token = Token(await client.GetStringAsync(Url + "/login"));
            var answer = await client.PostAsync(Url + "/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = user, ["Input.Password"] = password,
            }));
            if (answer.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{user} could not sign in");
            return new Signed(client, cookies.GetCookieHeader(new Uri(Url)));
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited) process.Kill(true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
