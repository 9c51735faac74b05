using System.Collections.Concurrent;

namespace GzBioPlan.Dashboard.Accounts;

/// <summary>
/// Slows down guessing without letting anyone lock an account: failures are counted per (address, user name), and
/// past <see cref="FreeTries"/> each further try of that name from that address must wait twice as long as the last
/// (2 s, 4 s, 8 s … up to <see cref="MaxWait"/>). A stranger failing on the admin's name delays only their own address;
/// the admin signing in from elsewhere is never held up. The name counts whether or not such an account exists, so the
/// answer tells nothing. Counts live in this node's memory and are forgotten an hour after the last failure.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeTries = 5;

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan Forget = TimeSpan.FromHours(1);

    private sealed record Count(int Failures, DateTimeOffset Last);

    private readonly ConcurrentDictionary<string, Count> counts = new();

    private static string Key(string address, string userName) => $"{address}|{userName.ToLowerInvariant()}";

    /// <summary>How long this address must still wait before trying this name again; zero when it may try now.</summary>
    public TimeSpan WaitFor(string address, string userName)
    {
        var now = clock.GetUtcNow();
        if (!counts.TryGetValue(Key(address, userName), out var c) || now - c.Last > Forget) return TimeSpan.Zero;
        var left = c.Last + Backoff(c.Failures) - now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string address, string userName)
    {
        var now = clock.GetUtcNow();
        counts.AddOrUpdate(Key(address, userName), _ => new Count(1, now), (_, c) => new Count(now - c.Last > Forget ? 1 : c.Failures + 1, now));
        if (counts.Count > 100_000) Sweep(now);
    }

    /// <summary>A right password clears that name's count from that address.</summary>
    public void Succeeded(string address, string userName) => counts.TryRemove(Key(address, userName), out _);

    /// <summary>The wait after <paramref name="failures"/> failures: none for the first <see cref="FreeTries"/> − 1, then 2 s, 4 s, 8 s … up to <see cref="MaxWait"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures < FreeTries ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - FreeTries + 1), MaxWait.TotalSeconds));

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, c) in counts)
        {
            if (now - c.Last > Forget) counts.TryRemove(key, out _);
        }
    }
}
