using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Templates;

namespace GzBioPlan.Dashboard.Submissions;

/// <summary>
/// Reads 网页填报's posted fields into a <see cref="WebEntry"/>: <c>v.{indicator}</c>, <c>r.{kind}.{row}.{column}</c> with
/// <c>r.{kind}.count</c> and a <c>r.{kind}.{row}.drop</c> tick, <c>n.{task}</c>. Ticked and blank rows are left out, as an
/// empty spreadsheet row is. Nothing is judged here: the pipeline does that on the workbook written from the entry.
/// </summary>
public static class EntryForm
{
    /// <summary>Longer than any cell may hold (a narrative's 2000 characters), so an over-long entry is still reported as such, but bounded.</summary>
    private const int FieldCap = TemplateLayout.NarrativeMaxLength + 10;

    /// <summary>
    /// Form values the page accepts: every roster at the default row cap (5000) with its delete ticks, the indicators and narratives.
    /// ASP.NET's default (1024) would refuse a large district's rosters; a bigger post is refused before it is read.
    /// </summary>
    public const int MaxValues = 130_000;

    public static string FileName(TemplateData data) => $"{data.District.Name}-{data.Period}-网页填报.xlsx";

    public static WebEntry Read(IFormCollection posted, TemplateData data, int maxRosterRows) => ReadWithDropped(posted, data, maxRosterRows).Entry;

    /// <summary>The entry, and the rows ticked 删除 per roster, so a page shown again after a refusal keeps them ticked and they can be unticked.</summary>
    public static (WebEntry Entry, IReadOnlyDictionary<RosterKind, IReadOnlyList<IReadOnlyList<string>>> Dropped) ReadWithDropped(
        IFormCollection posted, TemplateData data, int maxRosterRows)
    {
        string Get(string name)
        {
            var v = posted[name].ToString().Trim();
            return v.Length > FieldCap ? v[..FieldCap] : v;
        }
        var values = data.Indicators.Select(i => (i.Code, Value: Get("v." + i.Code))).Where(x => x.Value.Length > 0).ToDictionary(x => x.Code, x => x.Value);
        var rosters = new Dictionary<RosterKind, IReadOnlyList<IReadOnlyList<string>>>();
        var dropped = new Dictionary<RosterKind, IReadOnlyList<IReadOnlyList<string>>>();
        foreach (var sheet in TemplateLayout.Rosters)
        {
            // One row over the cap is kept so the pipeline can say the roster is too long.
            var count = int.TryParse(posted[$"r.{sheet.Kind}.count"], out var n) ? Math.Clamp(n, 0, maxRosterRows + 1) : 0;
            var rows = Enumerable.Range(0, count)
                .Select(i => (Drop: posted[$"r.{sheet.Kind}.{i}.drop"].Count > 0, Row: (IReadOnlyList<string>)sheet.Columns.Select((_, c) => Get($"r.{sheet.Kind}.{i}.{c}")).ToList()))
                .Where(x => x.Row.Any(v => v.Length > 0))
                .ToList();
            rosters[sheet.Kind] = rows.Where(x => !x.Drop).Select(x => x.Row).ToList();
            dropped[sheet.Kind] = rows.Where(x => x.Drop).Select(x => x.Row).ToList();
        }
        var narratives = data.WorkItems.Select(w => (w.Code, Text: Get("n." + w.Code))).Where(x => x.Text.Length > 0).ToDictionary(x => x.Code, x => x.Text);
        return (new WebEntry(values, rosters, narratives), dropped);
    }
}
