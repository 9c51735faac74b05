using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Tracking;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>Turns the <c>period</c> query value into a plan period; "now" is the latest period with data.</summary>
public sealed class PeriodResolver(AppDbContext db, TimeProvider clock)
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

    public Task<Period> CurrentAsync(CancellationToken ct) =>
        IndicatorFigures.CurrentPeriodAsync(db, BeijingTime.Today(clock), ct);
}
