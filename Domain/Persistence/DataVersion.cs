using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GzBioPlan.Domain.Persistence;

/// <summary>
/// The data version: one row that every write moves on, in the write's own transaction. A node compares it with what it
/// last saw to know whether anything it keeps in memory (a rendered page, a person's 待办) may be stale; because the row
/// is in the shared database, a write on one node is seen by every node on its next request.
/// </summary>
public sealed class DataVersion
{
    public const int RowId = 1;

    public int Id { get; set; }
    public long Value { get; set; }

    /// <summary>
    /// Writes that no page, export or 待办 shows, so they must not throw every node's rendered pages away: the audit log,
    /// signing keys, token use, job runs and password history. Everything else moves the version.
    /// </summary>
    public static readonly IReadOnlySet<Type> Unversioned = new HashSet<Type>
    {
        typeof(DataVersion), typeof(AuditEntry), typeof(DataProtectionKey), typeof(ApiToken), typeof(JobRun), typeof(PasswordHistory),
    };
}

/// <summary>
/// Reads the data version, which every request asks for: a prepared command on a connection kept open for it, instead of
/// a database context and a query each time (a tenth of the cost, README "Page cache").
/// </summary>
public sealed class DataVersionReader(DatabaseLocation location) : IDisposable
{
    private const int KeptOpen = 8;
    private readonly ConcurrentBag<DbCommand> idle = [];

    public async Task<long> ReadAsync(CancellationToken ct)
    {
        var command = idle.TryTake(out var kept) ? kept : await OpenAsync(ct);
        try
        {
            var value = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            if (idle.Count < KeptOpen) idle.Add(command);
            else Close(command);
            return value;
        }
        catch
        {
            Close(command);
            throw;
        }
    }

    private async Task<DbCommand> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = location.Provider switch
        {
            DatabaseProvider.SqlServer => new Microsoft.Data.SqlClient.SqlConnection(location.ConnectionString),
            DatabaseProvider.PostgreSql => new Npgsql.NpgsqlConnection(location.ConnectionString),
            _ => new Microsoft.Data.Sqlite.SqliteConnection(location.ConnectionString),
        };
        await connection.OpenAsync(ct);
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Value\" FROM \"DataVersion\" WHERE \"Id\" = {DataVersion.RowId}";
        return command;
    }

    private static void Close(DbCommand command)
    {
        var connection = command.Connection;
        command.Dispose();
        connection?.Dispose();
    }

    public void Dispose()
    {
        while (idle.TryTake(out var command)) Close(command);
    }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> e)
    {
        e.ToTable("DataVersion");
        e.Property(v => v.Id).ValueGeneratedNever();
        e.HasData(new DataVersion { Id = DataVersion.RowId, Value = 1 });
    }
}
