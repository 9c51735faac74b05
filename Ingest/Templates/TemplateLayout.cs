using GzBioPlan.Domain.Submissions;

namespace GzBioPlan.Ingest.Templates;

public enum CellKind
{
    Text,
    Number,
    Integer,
    Date,
    Uscc,
}

/// <summary>One column of a roster sheet: what the header says, what the cell must hold, and where it goes.</summary>
public sealed record RosterColumn(string Header, RosterField Field, CellKind Kind, bool Required, IReadOnlyList<string>? Options = null, double Width = 16, int MaxLength = 200);

public enum RosterField
{
    StableId,
    Name,
    Key,
    Status,
    Category,
    Amount,
    StartDate,
}

public sealed record RosterSheet(string Name, RosterKind Kind, IReadOnlyList<RosterColumn> Columns)
{
    /// <summary>The column whose value identifies the entry city-wide (the 统一社会信用代码, else the name).</summary>
    public RosterField KeyField => Columns.Any(c => c.Field == RosterField.Key) ? RosterField.Key : RosterField.Name;
}

/// <summary>
/// The quarterly workbook's layout: written by <see cref="TemplateWriter"/> and read by the parser, so
/// the two can never disagree. Raise <see cref="Version"/> whenever a sheet or column changes.
/// </summary>
public static class TemplateLayout
{
    public const string Version = "GZBIO-288-v1";

    public const string InstructionsSheet = "填报说明";
    public const string IndicatorsSheet = "指标";
    public const string NarrativeSheet = "任务进展";
    public const string MetaSheet = "_meta";

    /// <summary>Row 1 is the sheet's title, row 2 the header; data starts on row 3.</summary>
    public const int HeaderRow = 2;
    public const int FirstDataRow = 3;

    /// <summary>Rows left open for new roster entries below the pre-filled ones.</summary>
    public const int OpenRows = 200;

    public static readonly string[] IndicatorHeaders = ["指标编码", "指标名称", "计量单位", "上季度确认值", "本季度填报值", "备注"];
    public const int IndicatorValueColumn = 5;

    public static readonly string[] NarrativeHeaders = ["任务编号", "任务名称", "本区工作进展"];
    public const int NarrativeMaxLength = 2000;

    public static readonly string[] Fields = ["生物医药", "生物材料", "生物食品", "生物健康", "生物农业"];

    public static readonly IReadOnlyList<RosterSheet> Rosters =
    [
        new("创新引领型企业", RosterKind.LeadingFirm,
        [
            new("编号", RosterField.StableId, CellKind.Text, false, Width: 14, MaxLength: 40),
            new("企业名称", RosterField.Name, CellKind.Text, true, Width: 36),
            new("统一社会信用代码", RosterField.Key, CellKind.Uscc, true, Width: 24),
            new("领域", RosterField.Category, CellKind.Text, true, Fields),
            new("状态", RosterField.Status, CellKind.Text, true, ["培育对象", "已认定"]),
        ]),
        new("园区基地", RosterKind.IndustrialBase,
        [
            new("编号", RosterField.StableId, CellKind.Text, false, Width: 14, MaxLength: 40),
            new("名称", RosterField.Name, CellKind.Text, true, Width: 36),
            new("阶段", RosterField.Status, CellKind.Text, true, ["规划", "在建", "已建成"]),
            new("面积（亩）", RosterField.Amount, CellKind.Number, false),
        ]),
        new("平台", RosterKind.Platform,
        [
            new("编号", RosterField.StableId, CellKind.Text, false, Width: 14, MaxLength: 40),
            new("名称", RosterField.Name, CellKind.Text, true, Width: 36),
            new("类型", RosterField.Category, CellKind.Text, true, ["中试平台", "概念验证中心", "示范场景"]),
            new("状态", RosterField.Status, CellKind.Text, true, ["筹建", "运行"]),
        ]),
        new("重点项目", RosterKind.KeyProject,
        [
            new("编号", RosterField.StableId, CellKind.Text, false, Width: 14, MaxLength: 40),
            new("项目名称", RosterField.Name, CellKind.Text, true, Width: 36),
            new("领域", RosterField.Category, CellKind.Text, true, Fields),
            new("总投资（万元）", RosterField.Amount, CellKind.Number, true),
            new("阶段", RosterField.Status, CellKind.Text, true, ["谋划", "在建", "已投产"]),
            new("开工日期", RosterField.StartDate, CellKind.Date, false, Width: 14),
        ]),
    ];

    /// <summary>Dates outside this range are typing mistakes.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2035, 12, 31);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column; c > 0; c = (c - 1) / 26) name = (char)('A' + (c - 1) % 26) + name;
        return name;
    }

    public static string Cell(int column, int row) => ColumnName(column) + row;
}
