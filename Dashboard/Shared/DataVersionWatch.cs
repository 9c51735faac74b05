using System.Collections.Concurrent;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>
/// The data version (<see cref="DataVersion"/>) as the database holds it now, read once per request: what this node keeps
/// in memory for a version (rendered pages, sign-in stamps, 待办) is used only while the version stands. When it has
/// moved, the holiday table is read again first, so a holiday edited on another node is in the deadlines of whatever
/// this node renders for the new version. Any component may ask: it needs no database context of the request's.
/// </summary>
public sealed class DataVersionWatch(ReportingCalendar calendar, DataVersionReader reader, IServiceScopeFactory scopes)
{
    private static readonly object Key = new();
    private long seen;

    public static Task<long> OfRequestAsync(HttpContext http)
    {
        if (http.Items[Key] is not Task<long> reading)
            http.Items[Key] = reading = http.RequestServices.GetRequiredService<DataVersionWatch>().ReadAsync(http.RequestAborted);
        return reading;
    }

    private async Task<long> ReadAsync(CancellationToken ct)
    {
        var version = await reader.ReadAsync(ct);
        if (version != Interlocked.Read(ref seen))
        {
            await using var scope = scopes.CreateAsyncScope();
            await calendar.ReloadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            Interlocked.Exchange(ref seen, version);
        }
        return version;
    }
}

/// <summary>
/// Values every request asks for but only a write (or, for those that depend on it, the next day) can change, kept per
/// key while the data version stands: the default quarter, each person's 待办, each account's security stamp.
/// </summary>
public class KeptPerVersion<T>
{
    private readonly ConcurrentDictionary<string, (long Version, DateOnly Day, T Value)> kept = new();

    /// <param name="day">The day the value holds for, or null when it does not depend on the date.</param>
    public async Task<T> GetAsync(HttpContext http, string key, DateOnly? day, Func<Task<T>> load)
    {
        var version = await DataVersionWatch.OfRequestAsync(http);
        var on = day ?? DateOnly.MinValue;
        if (kept.TryGetValue(key, out var known) && known.Version == version && known.Day == on) return known.Value;
        var value = await load();
        kept[key] = (version, on, value);
        return value;
    }
}
