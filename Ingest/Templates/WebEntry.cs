using System.Globalization;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Validation;

namespace GzBioPlan.Ingest.Templates;

/// <summary>
/// What a district typed on 网页填报, as typed: indicator values by code, roster rows (one string per column of
/// <see cref="TemplateLayout.Rosters"/>, in order) and narratives by task code. Nothing is judged here: the entries
/// are written into the template (<see cref="TemplateWriter"/>) and the workbook goes through the one pipeline, so
/// a web entry is checked, numbered and reviewed exactly as an uploaded file.
/// </summary>
public sealed record WebEntry(
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<RosterKind, IReadOnlyList<IReadOnlyList<string>>> Rosters,
    IReadOnlyDictionary<string, string> Narratives)
{
    public IReadOnlyList<IReadOnlyList<string>> RowsOf(RosterKind kind) => Rosters.GetValueOrDefault(kind, []);

    /// <summary>A quarter not yet reported: last quarter's rosters to update, values and narratives blank.</summary>
    public static WebEntry FromTemplate(TemplateData data) => new(
        new Dictionary<string, string>(),
        TemplateLayout.Rosters.ToDictionary(s => s.Kind, s => (IReadOnlyList<IReadOnlyList<string>>)data.Rosters.GetValueOrDefault(s.Kind, [])
            .Select(r => Row(s, r)).ToList()),
        new Dictionary<string, string>());

    /// <summary>A quarter with a version already: what that version says, to correct and resubmit.</summary>
    public static WebEntry FromParsed(ParsedWorkbook parsed) => new(
        parsed.Indicators.ToDictionary(i => i.Code, i => i.Value.ToString(CultureInfo.InvariantCulture)),
        TemplateLayout.Rosters.ToDictionary(s => s.Kind, s => (IReadOnlyList<IReadOnlyList<string>>)parsed.Rosters.Where(r => r.Kind == s.Kind)
            .OrderBy(r => r.Row).Select(r => Row(s, new TemplateRosterRow(r.StableId, r.Name, r.Key, r.Status, r.Category, r.Amount, r.StartDate))).ToList()),
        parsed.Narratives);

    private static IReadOnlyList<string> Row(RosterSheet sheet, TemplateRosterRow row) => sheet.Columns.Select(c => c.Field switch
    {
        RosterField.StableId => row.StableId,
        RosterField.Name => row.Name,
        RosterField.Key => row.Key,
        RosterField.Status => row.Status,
        RosterField.Category => row.Category,
        RosterField.Amount => row.Amount?.ToString(CultureInfo.InvariantCulture),
        RosterField.StartDate => row.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    } ?? "").ToList();

    /// <summary>
    /// The cell value a typed string becomes: a number or a date when it reads as one (as a spreadsheet would take it),
    /// otherwise the text itself, so the pipeline names what was typed; blank is an empty cell.
    /// </summary>
    public static object? Cell(string? typed, CellKind kind)
    {
        var s = typed?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        return kind switch
        {
            CellKind.Number or CellKind.Integer when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => n,
            CellKind.Date when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToDateTime(TimeOnly.MinValue),
            _ => s,
        };
    }

    /// <summary>
    /// The form field a problem belongs to, by the cell the writer put it in: <c>v.{indicator}</c>, <c>r.{kind}.{row}.{column}</c>,
    /// <c>n.{task}</c>, or <c>r.{kind}</c> for a whole roster; null for a problem of the whole entry.
    /// </summary>
    public static string? FieldOf(Problem problem, TemplateData data)
    {
        if (problem.Sheet is not { } sheet) return null;
        if (TemplateLayout.Rosters.FirstOrDefault(r => r.Name == sheet) is { } roster)
            return CellIndex(problem.Cell) is var (column, row) && row >= 0 && column < roster.Columns.Count ? $"r.{roster.Kind}.{row}.{column}" : $"r.{roster.Kind}";
        if (CellIndex(problem.Cell) is not var (_, index) || index < 0) return null;
        return sheet switch
        {
            TemplateLayout.IndicatorsSheet when index < data.Indicators.Count => "v." + data.Indicators[index].Code,
            TemplateLayout.NarrativeSheet when index < data.WorkItems.Count => "n." + data.WorkItems[index].Code,
            _ => null,
        };
    }

    /// <summary>A cell reference such as "E5" as (0-based column, 0-based data row).</summary>
    private static (int Column, int Row)? CellIndex(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return null;
        var letters = cell.TakeWhile(char.IsAsciiLetterUpper).Count();
        if (letters == 0 || !int.TryParse(cell.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var row)) return null;
        var column = cell[..letters].Aggregate(0, (n, c) => n * 26 + (c - 'A' + 1));
        return (column - 1, row - TemplateLayout.FirstDataRow);
    }
}
