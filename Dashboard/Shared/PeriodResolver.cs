using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>
/// Turns the <c>period</c> query value into a plan period. By default the figures pages open on the last quarter whose
/// reporting is done (README "reporting quarter"), never on a quarter only because someone already reported into it.
/// </summary>
public sealed class PeriodResolver(CompletenessQuery completeness, TimeProvider clock)
{
    /// <returns>The period, or null when the text is not a plan quarter (the page answers "not found").</returns>
    public async Task<Period?> ResolveAsync(string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return await CurrentAsync(ct);
        return Period.TryParse(text, out var p) && p.IsInPlan ? p : null;
    }

    /// <summary>For the reporting pages: by default the quarter being reported now (the last finished), not the latest with data.</summary>
    public async Task<Period?> ResolveReportingAsync(string? text, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(text) ? Period.LastFinished(BeijingTime.Today(clock)).ClampToPlan() : await ResolveAsync(text, ct);

    public async Task<Period> CurrentAsync(CancellationToken ct) => (await completeness.LastDoneAsync(BeijingTime.Today(clock), ct)).ClampToPlan();

    /// <summary>Whether the period's figures are final, for the 「报送中」 note and the API's <c>provisional</c>.</summary>
    public Task<ReportingState> StateAsync(Period period, CancellationToken ct) => completeness.StateAsync(period, BeijingTime.Today(clock), ct);
}
