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
    /// <summary>The default quarter, kept per data version and day.</summary>
    public sealed class Memo : KeptPerVersion<Period>;

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
        return http.HttpContext is { } request
            ? await memo.GetAsync(request, "", today, () => LastDoneAsync(today, ct))
            : await LastDoneAsync(today, ct);
    }

    private async Task<Period> LastDoneAsync(DateOnly today, CancellationToken ct) => (await Completeness.LastDoneAsync(today, ct)).ClampToPlan();

    private CompletenessQuery Completeness => services.GetRequiredService<CompletenessQuery>();

    /// <summary>Whether the period's figures are final, for the 「报送中」 note and the API's <c>provisional</c>.</summary>
    public Task<ReportingState> StateAsync(Period period, CancellationToken ct) => Completeness.StateAsync(period, BeijingTime.Today(clock), ct);
}
