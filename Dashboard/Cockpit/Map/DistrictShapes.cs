using System.Text.Json;
using System.Text.Json.Serialization;

namespace GzBioPlan.Dashboard.Cockpit.Map;

/// <summary>
/// A district's outline as an SVG path in the map's coordinates, where its label goes, (for a callout) the point its
/// leader line ends, and whether it is too small to carry its value as well as its name.
/// </summary>
public sealed record DistrictShape(string Code, string Name, string Path, double[] Label, double[]? Anchor, bool Compact);

/// <summary>
/// The 11 district outlines, simplified and projected once by <c>tools/simplify-districts.py</c> and embedded in the
/// assembly (NOTICE.md beside the file), so drawing the map is string work only.
/// </summary>
public sealed class DistrictShapes
{
    private sealed record File(double Width, double Height, IReadOnlyList<DistrictShape> Districts);

    public double Width { get; }
    public double Height { get; }
    public IReadOnlyList<DistrictShape> Districts { get; }

    public DistrictShapes()
    {
        using var stream = typeof(DistrictShapes).Assembly.GetManifestResourceStream("GzBioPlan.Dashboard.Cockpit.Map.districts.json")
            ?? throw new InvalidOperationException("districts.json is not embedded");
        var file = JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        (Width, Height, Districts) = (file.Width, file.Height, file.Districts);
    }
}
