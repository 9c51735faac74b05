using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GzBioPlan.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests that need a shared server: initdb into a temp folder, a free port on
/// loopback, no system service; stopped and deleted at the end. As root (CI) the server runs as the postgres user,
/// since initdb refuses root. Without PostgreSQL installed every test using it fails saying how to install it.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private string folder = "";
    private string bin = "";
    public int Port { get; private set; }

    public static string? Binaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static bool IsRoot => Environment.UserName == "root";

    public async ValueTask InitializeAsync()
    {
        bin = Binaries() ?? throw new InvalidOperationException("PostgreSQL 未安装：这些测试需要 Debian 的 postgresql 软件包（sudo apt-get install postgresql；.ci/run 会自动安装）。");
        folder = Path.Combine(Path.GetTempPath(), "gzbioplan-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (IsRoot) await Run("chown", "postgres", folder);
        await Run(Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "db"), "-A", "trust", "-U", "gz", "-E", "UTF8", "--no-locale");
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Stops the server (fast, as a crash would look to the app) and starts it again on the same port.</summary>
    public Task StopAsync() => Run(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "db"), "-m", "immediate", "-w", "stop");

    public Task StartAsync() => Run(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "db"), "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off",
        "-l", Path.Combine(folder, "log"), "-w", "start");

    /// <summary>A connection string to a database of its own (created by the app's first migration).</summary>
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={Port};Username=gz;Database={database};Pooling=true;Timeout=15";

    /// <summary>The app (in process) on a database of its own in this cluster.</summary>
    public AppFactory App(string database)
    {
        var app = new AppFactory();
        app.Settings["Database:Provider"] = "PostgreSql";
        app.Settings["Database:ConnectionString"] = ConnectionString(database);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (bin.Length > 0 && Port > 0)
        {
            try { await Run(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "db"), "-m", "immediate", "stop"); } catch (InvalidOperationException) { }
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private async Task Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(IsRoot && program != "chown" ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (IsRoot && program != "chown") foreach (var a in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(a);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await error}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
