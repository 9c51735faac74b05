using GzBioPlan.Dashboard.Shared;

namespace GzBioPlan.Dashboard.Cockpit.Map;

public sealed record MapStep(string Class, string Text);

/// <summary>
/// Five equal steps from 0 to the largest reported value (a choropleth of counts and amounts reads best from zero),
/// each a CSS class; a district with no value is <c>map-none</c>. All values 0 is one step.
/// </summary>
public sealed class MapScale
{
    public const int StepCount = 5;

    private readonly decimal max;

    private MapScale(decimal max) => this.max = max;

    public static MapScale For(IEnumerable<decimal?> values) => new(values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max());

    public string ClassOf(decimal? value) => value switch
    {
        null => "map-none",
        _ when max <= 0 => "map-0",
        { } v => $"map-{Math.Clamp((int)Math.Ceiling(v / max * StepCount) - 1, 0, StepCount - 1)}",
    };

    public IReadOnlyList<MapStep> Steps => max <= 0
        ? [new("map-0", "0")]
        : Enumerable.Range(0, StepCount).Select(i => new MapStep($"map-{i}",
            i == 0 ? $"≤{Urls.Format(Bound(1))}" : $"{Urls.Format(Bound(i))}–{Urls.Format(Bound(i + 1))}")).ToList();

    private decimal Bound(int step) => Math.Round(max * step / StepCount, max >= 10 ? 0 : 1);
}
