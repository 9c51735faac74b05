using GzBioPlan.Domain.Periods;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GzBioPlan.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

/// <summary>Configuration section <c>Database</c>.</summary>
public sealed record DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite file, relative to the content root unless absolute. Ignored when <see cref="ConnectionString"/> is set.</summary>
    public string SqlitePath { get; init; } = "data/gzbioplan.db";

    /// <summary>Required for SQL Server and PostgreSQL; optional for SQLite.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Seconds a command waits for a lock held by another writer before it fails.</summary>
    public int BusyTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Reads the <c>Database</c> section. An unknown provider is a <see cref="StartupException"/> that names
    /// the accepted values, instead of the binder's exception.
    /// </summary>
    public static DatabaseOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var provider = section["Provider"];
        if (!string.IsNullOrWhiteSpace(provider) && (int.TryParse(provider, out _) || !Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out _)))
        {
            throw new StartupException(
                $"未知的数据库类型 Database:Provider={provider}：可选 {string.Join("、", Enum.GetNames<DatabaseProvider>())}。请改正配置后重新启动。");
        }
        return section.Get<DatabaseOptions>() ?? new DatabaseOptions();
    }

    public string ResolveConnectionString(string contentRoot)
    {
        if (Provider is DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql)
        {
            return string.IsNullOrWhiteSpace(ConnectionString)
                ? throw new StartupException($"未配置 {(Provider == DatabaseProvider.SqlServer ? "SQL Server" : "PostgreSQL")} 连接字符串：请设置 Database:ConnectionString。")
                : ConnectionString;
        }
        var builder = new SqliteConnectionStringBuilder(ConnectionString ?? "");
        if (string.IsNullOrEmpty(builder.DataSource)) builder.DataSource = Path.GetFullPath(SqlitePath, contentRoot);
        builder.DefaultTimeout = BusyTimeoutSeconds;
        builder.Pooling = true;
        return builder.ToString();
    }
}

/// <summary>A start-up failure (the database, or a setting) that a person must fix; the message says what and where.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);

public static class PersistenceSetup
{
    /// <summary>Registers <see cref="AppDbContext"/> for the configured provider.</summary>
    public static IHostApplicationBuilder AddPersistence(this IHostApplicationBuilder builder)
    {
        var options = DatabaseOptions.From(builder.Configuration);
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        // The options are the same for every context: built once, not for every request's scope.
        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContext<AppDbContext, SqlServerAppDbContext>(o => o.UseSqlServer(connectionString), optionsLifetime: ServiceLifetime.Singleton);
                break;
            case DatabaseProvider.PostgreSql:
                builder.Services.AddDbContext<AppDbContext, PostgreSqlAppDbContext>(o => o.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
                break;
            default:
                builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseSqlite(connectionString), optionsLifetime: ServiceLifetime.Singleton);
                break;
        }
        builder.Services.AddSingleton(new DatabaseLocation(options.Provider, connectionString));
        builder.Services.AddSingleton<DataVersionReader>();
        builder.Services.AddScoped<DatabaseInitializer>();
        builder.Services.AddSingleton<DatabaseBackup>();
        // The deadline has been configured as Ingest:DeadlineDays since the first release; the key stays.
        builder.Services.AddSingleton(new ReportingCalendar(builder.Configuration.GetValue("Ingest:DeadlineDays", ReportingCalendar.DefaultDeadlineDays),
            builder.Configuration.GetValue("Ingest:DeadlineCount", DeadlineCount.CalendarDays)));
        builder.Services.AddHostedService<HolidayTableRefresh>();
        return builder;
    }
}

public static class HolidayTable
{
    /// <summary>Gives the calendar the holiday table as the database holds it now.</summary>
    public static async Task ReloadAsync(this ReportingCalendar calendar, AppDbContext db, CancellationToken ct) =>
        calendar.Use(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
}

/// <summary>
/// Re-reads the holiday table every few minutes, so an edit made on another node reaches this one's deadlines (the node
/// that made it uses it at once).
/// </summary>
public sealed class HolidayTableRefresh(IServiceScopeFactory scopes, ReportingCalendar calendar, Microsoft.Extensions.Logging.ILogger<HolidayTableRefresh> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await calendar.ReloadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Microsoft.Extensions.Logging.LoggerExtensions.LogWarning(logger, ex, "Holiday table could not be re-read; deadlines keep the last copy");
            }
        }
    }
}

/// <summary>Where the database is, for start-up messages and the health check.</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file path, the SQL Server data source, or the PostgreSQL host, port and database; never a password.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(ConnectionString).DataSource,
        DatabaseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString).DataSource,
        _ => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : "",
    };
}
