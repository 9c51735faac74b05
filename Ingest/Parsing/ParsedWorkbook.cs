using GzBioPlan.Domain.Submissions;

namespace GzBioPlan.Ingest.Parsing;

public sealed record ParsedIndicator(string Code, decimal Value, string Sheet, string Cell);

public sealed record ParsedRosterRow(RosterKind Kind, string Sheet, int Row, string? StableId, string Name, string Key, string Status,
    string? Category, decimal? Amount, DateOnly? StartDate);

/// <summary>What a district's workbook says, once every cell has been read and checked.</summary>
public sealed record ParsedWorkbook(
    string? TemplateVersion, string? DistrictCode, string? Period,
    IReadOnlyList<ParsedIndicator> Indicators,
    IReadOnlyList<ParsedRosterRow> Rosters,
    IReadOnlyDictionary<string, string> Narratives);
