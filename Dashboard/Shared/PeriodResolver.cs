using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>
/// Turns the <c>period</c> query value into a plan period. By default the figures pages open on the last quarter whose
/// reporting is done (README "reporting quarter"), never on a quarter only because someone already reported into it.
/// </summary>
// The completeness query (and with it a database context) is taken only when the default quarter must be worked out:
// the page cache asks for the default on every request it serves from memory.
public sealed class PeriodResolver(IServiceProvider services, TimeProvider clock, IHttpContextAccessor http, PeriodResolver.Memo memo)
{
    /// <summary>The default quarter last worked out, with the data version and day it holds for.</summary>
    public sealed class Memo
    {
        public sealed record Slot(long Version, DateOnly Day, Period Quarter);

        public volatile Slot? Last;
    }

    /// <returns>The period, or null when the text is not a plan quarter (the page answers "not found").</returns>
    public async Task<Period?> ResolveAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return await CurrentAsync(ct);
        return Period.TryParse(text, out var p) && p.IsInPlan ? p : null;
    }

    /// <summary>For the reporting pages: by default the quarter being reported now (the last finished), not the latest with data.</summary>
    public async Task<Period?> ResolveReportingAsync(string? text, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(text) ? Period.LastFinished(BeijingTime.Today(clock)).ClampToPlan() : await ResolveAsync(text, ct);

    /// <summary>Asked on every request of a figures page (the page cache's key has it), so kept per data version and day.</summary>
    public async Task<Period> CurrentAsync(CancellationToken ct)
    {
        var today = BeijingTime.Today(clock);
        if (http.HttpContext is not { } request) return await LastDoneAsync(today, ct);
        var version = await DataVersionWatch.OfRequestAsync(request);
        if (memo.Last is { } last && last.Version == version && last.Day == today) return last.Quarter;
        var quarter = await LastDoneAsync(today, ct);
        memo.Last = new Memo.Slot(version, today, quarter);
        return quarter;
    }

    private async Task<Period> LastDoneAsync(DateOnly today, CancellationToken ct) => (await Completeness.LastDoneAsync(today, ct)).ClampToPlan();

    private CompletenessQuery Completeness => services.GetRequiredService<CompletenessQuery>();

    /// <summary>Whether the period's figures are final, for the 「报送中」 note and the API's <c>provisional</c>.</summary>
    public Task<ReportingState> StateAsync(Period period, CancellationToken ct) => Completeness.StateAsync(period, BeijingTime.Today(clock), ct);
}
