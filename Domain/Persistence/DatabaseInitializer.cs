using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GzBioPlan.Domain.Persistence;

/// <summary>Start-up: migrate (SQLite and PostgreSQL; SQL Server is migrated by script), seed the plan, add or remove demo data.</summary>
public sealed class DatabaseInitializer(AppDbContext db, DatabaseLocation location, ReportingCalendar calendar, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(DemoOptions demo, DateOnly today, CancellationToken ct)
    {
        try
        {
            if (location.Provider == DatabaseProvider.Sqlite)
            {
                PrepareSqliteFile();
                await db.Database.MigrateAsync(ct);
                // WAL lets the dashboard read while a job or an upload writes.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            else if (location.Provider == DatabaseProvider.PostgreSql)
            {
                if (!await db.Database.CanConnectAsync(ct) && !await CanCreateAsync(ct))
                    throw new StartupException($"无法连接 PostgreSQL 数据库（{location.Describe()}）：请检查 Database:ConnectionString、服务器状态和账号权限。");
                // EF Core holds a lock while migrating, so nodes starting together migrate once.
                await db.Database.MigrateAsync(ct);
            }
            else if (!await db.Database.CanConnectAsync(ct))
            {
                throw new StartupException($"无法连接 SQL Server 数据库（{location.Describe()}）：请检查 Database:ConnectionString 和服务器状态，并确认已执行迁移脚本。");
            }
        }
        catch (SqliteException ex)
        {
            throw new StartupException(
                $"无法打开数据库文件 {location.Describe()}：{Explain(ex)}。请检查该路径的读写权限、确认没有其他程序占用该文件，或用 Database:SqlitePath 指定其他位置。", ex);
        }

        var seeded = await PlanSeeder.SeedAsync(db, ct);
        if (seeded) logger.LogInformation("Seeded plan {SeedName} version {SeedVersion}", PlanSeed.Name, PlanSeed.Version);
        await SeedHolidaysAsync(ct);
        await calendar.ReloadAsync(db, ct);
        await DemoData.ApplyAsync(db, demo, today, ct);
    }

    /// <summary>Adds the seeded holidays of each year the table has nothing for, so an admin's edits to a year are never overwritten.</summary>
    private async Task SeedHolidaysAsync(CancellationToken ct)
    {
        var years = (await db.CalendarDays.Select(d => d.Date).ToListAsync(ct)).Select(d => d.Year).ToHashSet();
        var missing = HolidaySeed.Days.Where(d => !years.Contains(d.Date.Year)).ToList();
        if (missing.Count == 0) return;
        db.CalendarDays.AddRange(missing.Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Count} holiday table days for {Years}", missing.Count, string.Join(",", missing.Select(d => d.Date.Year).Distinct()));
    }

    /// <summary>A missing database is created by the migration when the server answers and the account may create it.</summary>
    private async Task<bool> CanCreateAsync(CancellationToken ct)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.ConnectionString) { Database = "postgres" };
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(builder.ToString());
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Npgsql.NpgsqlException)
        {
            return false;
        }
    }

    private void PrepareSqliteFile()
    {
        var path = location.Describe();
        if (path is "" or ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"无法创建数据库文件夹 {folder}（数据库文件 {path}）：{ex.Message}。请检查路径或用 Database:SqlitePath 指定其他位置。", ex);
        }
    }

    private static string Explain(SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => "数据库文件被其他程序锁定",
        8 => "数据库文件是只读的",
        14 => "无法打开该文件",
        26 => "该文件不是 SQLite 数据库",
        _ => ex.Message,
    };
}
