using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GzBioPlan.Domain.Persistence;

/// <summary>
/// 备份与恢复: the whole database in one file — figures, submissions with their uploaded originals and hashes,
/// imports, accounts, keys, the job store. SQLite: SQLite's online backup (safe while the app runs). PostgreSQL:
/// pg_dump's custom format and pg_restore. A restore goes only into an empty database, so it never mixes two.
/// </summary>
public sealed class DatabaseBackup(DatabaseLocation location)
{
    /// <returns>null when done, else what went wrong, in Chinese.</returns>
    public async Task<string?> BackupAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (File.Exists(file)) return $"备份文件 {file} 已存在：请换一个文件名，以免覆盖之前的备份。";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        switch (location.Provider)
        {
            case DatabaseProvider.Sqlite:
                await using (var source = new SqliteConnection(location.ConnectionString))
                await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()))
                {
                    await source.OpenAsync(ct);
                    await target.OpenAsync(ct);
                    source.BackupDatabase(target);
                }
                return null;
            case DatabaseProvider.PostgreSql:
                return await RunAsync("pg_dump", ["--format=custom", "--no-owner", $"--file={file}"], null, new NpgsqlConnectionStringBuilder(location.ConnectionString), ct);
            default:
                return "SQL Server 请用数据库自身的 BACKUP DATABASE / RESTORE DATABASE（或 DBA 的备份方案）。";
        }
    }

    public async Task<string?> RestoreAsync(string file, CancellationToken ct)
    {
        file = Path.GetFullPath(file);
        if (!File.Exists(file)) return $"找不到备份文件 {file}。";
        switch (location.Provider)
        {
            case DatabaseProvider.Sqlite:
                var path = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
                if (File.Exists(path) && new FileInfo(path).Length > 0)
                    return $"数据库 {path} 已存在：恢复只写入空数据库。请先停止系统，把现有数据库文件移走（留作备份），或用 Database:SqlitePath 指定新位置后再恢复。";
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
                await using (var target = new SqliteConnection(location.ConnectionString))
                {
                    await source.OpenAsync(ct);
                    await target.OpenAsync(ct);
                    source.BackupDatabase(target);
                }
                return null;
            case DatabaseProvider.PostgreSql:
                var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString);
                if (await HoldsDataAsync(builder, ct))
                    return $"数据库 {builder.Database} 已有数据：恢复只写入空数据库。请新建一个空数据库（或换 Database:ConnectionString 中的库名）后再恢复。";
                return await RunAsync("pg_restore", ["--no-owner", "--exit-on-error"], file, builder, ct);
            default:
                return "SQL Server 请用数据库自身的 BACKUP DATABASE / RESTORE DATABASE（或 DBA 的备份方案）。";
        }
    }

    /// <summary>Whether the database exists with the app's tables in it (a missing one is created empty).</summary>
    private static async Task<bool> HoldsDataAsync(NpgsqlConnectionStringBuilder builder, CancellationToken ct)
    {
        var server = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(server.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", builder.Database!);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{builder.Database!.Replace("\"", "\"\"")}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
                return false;
            }
        }
        await using var target = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false }.ToString());
        await target.OpenAsync(ct);
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", target);
        return (long)(await tables.ExecuteScalarAsync(ct))! > 0;
    }

    /// <summary>Runs pg_dump or pg_restore with the connection's server, user and database (the password through PGPASSWORD, never the command line).</summary>
    private static async Task<string?> RunAsync(string tool, string[] options, string? input, NpgsqlConnectionStringBuilder connection, CancellationToken ct)
    {
        var program = Tool(tool);
        if (program is null) return $"找不到 {tool}：请安装 PostgreSQL 客户端工具（Debian：sudo apt-get install postgresql-client）。";
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var option in options) start.ArgumentList.Add(option);
        start.ArgumentList.Add($"--host={connection.Host}");
        start.ArgumentList.Add($"--port={connection.Port}");
        if (connection.Username is { } user) start.ArgumentList.Add($"--username={user}");
        start.ArgumentList.Add($"--dbname={connection.Database}");
        if (input is not null) start.ArgumentList.Add(input);
        if (connection.Password is { } password) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? null : $"{tool} 失败（{process.ExitCode}）：{(await error).Trim()}";
    }

    private static string? Tool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, name))) return Path.Combine(dir, name);
        }
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", name)).Where(File.Exists).OrderDescending().FirstOrDefault()
            : null;
    }
}
