using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Ingest.Validation;

namespace GzBioPlan.Ingest.Parsing;

public sealed record ExpectedIndicator(string Code, string Name, bool Integer);

/// <summary>What the parser checks the workbook against: the uploader's district, the chosen quarter, the indicators and tasks.</summary>
public sealed record ParseContext(string DistrictCode, string DistrictName, Period Period,
    IReadOnlyList<ExpectedIndicator> Indicators, IReadOnlyList<string> WorkItemCodes, IngestOptions Limits);

/// <summary>
/// Reads a district workbook with <see cref="SheetReader"/> (formulas by their cached values) and checks it cell
/// by cell: template version, district and period, sheets and headers, types, required cells, ranges,
/// code lists, dates, 统一社会信用代码 and duplicate roster rows.
/// </summary>
public static class WorkbookParser
{
    public static (ParsedWorkbook? Workbook, List<Problem> Problems) Parse(byte[] bytes, ParseContext context)
    {
        var problems = new List<Problem>();
        Dictionary<string, SheetData> sheets;
        try
        {
            // Roster sheets may be as long as the cap allows; the template's other sheets have a few dozen rows.
            var rosterRows = context.Limits.MaxRosterRows + TemplateLayout.HeaderRow;
            sheets = SheetReader.Read(bytes, name => name switch
            {
                TemplateLayout.MetaSheet => MetaExtent,
                TemplateLayout.IndicatorsSheet => new SheetExtent(OtherSheetMaxRows, TemplateLayout.IndicatorHeaders.Length),
                TemplateLayout.NarrativeSheet => new SheetExtent(OtherSheetMaxRows, TemplateLayout.NarrativeHeaders.Length),
                _ => TemplateLayout.Rosters.FirstOrDefault(r => r.Name == name) is { } roster ? new SheetExtent(rosterRows, roster.Columns.Count) : null,
            });
        }
        catch (UnreadableWorkbookException ex)
        {
            problems.Add(ex.Problem);
            return (null, problems);
        }

        var meta = Meta(sheets, context, problems);
        if (meta is null) return (null, problems);
        foreach (var name in new[] { TemplateLayout.IndicatorsSheet, TemplateLayout.NarrativeSheet }.Concat(TemplateLayout.Rosters.Select(r => r.Name)))
        {
            if (!sheets.ContainsKey(name))
                problems.Add(new Problem(Severity.Error, "template.sheet-missing", name, null, null, name, $"缺少工作表“{name}”。请勿删除或重命名模板中的工作表；如已改动，请重新下载模板填写。"));
        }
        if (problems.Count > 0) return (null, problems);

        var indicators = Indicators(sheets[TemplateLayout.IndicatorsSheet], context, problems);
        var rosters = TemplateLayout.Rosters.SelectMany(r => Roster(sheets[r.Name], r, context, problems)).ToList();
        var narratives = Narratives(sheets[TemplateLayout.NarrativeSheet], context, problems);
        return (new ParsedWorkbook(meta.Value.Version, meta.Value.District, meta.Value.Period, indicators, rosters, narratives), problems);
    }

    /// <summary>The quarter a workbook says it is for (its hidden metadata), when it is one of ours.</summary>
    public static Period? ReadPeriod(byte[] bytes)
    {
        try
        {
            return SheetReader.Read(bytes, name => name == TemplateLayout.MetaSheet ? MetaExtent : null).TryGetValue(TemplateLayout.MetaSheet, out var meta)
                && Period.TryParse(CellValues.Code(meta[3, 2]), out var p) ? p : null;
        }
        catch (UnreadableWorkbookException)
        {
            return null;
        }
    }

    /// <summary>The hidden sheet naming the template version (B1), district (B2) and quarter (B3).</summary>
    private static readonly SheetExtent MetaExtent = new(10, 2);

    /// <summary>Filled rows read from a sheet that is not a roster (指标, 任务进展, _meta and the like).</summary>
    public const int OtherSheetMaxRows = 1000;

    private static (string Version, string District, string Period)? Meta(Dictionary<string, SheetData> sheets, ParseContext context, List<Problem> problems)
    {
        if (!sheets.TryGetValue(TemplateLayout.MetaSheet, out var meta) || CellValues.Text(meta[1, 2]) is not { } version)
        {
            problems.Add(Problem.File("template.not-ours", "这不是本系统生成的填报模板（缺少模板信息）。请在“季度填报”页面下载本季度模板后填写上传。"));
            return null;
        }
        var district = CellValues.Code(meta[2, 2]) ?? "";
        var period = CellValues.Code(meta[3, 2]) ?? "";
        if (version != TemplateLayout.Version)
            problems.Add(new Problem(Severity.Error, "template.version", TemplateLayout.MetaSheet, "B1", version, TemplateLayout.Version, "模板版本已过期。请重新下载本季度模板，把数据填入新模板后上传。"));
        if (district != context.DistrictCode)
            problems.Add(new Problem(Severity.Error, "template.district", TemplateLayout.MetaSheet, "B2", district, context.DistrictCode,
                $"这是区划代码 {district} 的模板，不是{context.DistrictName}（{context.DistrictCode}）的。请下载本区模板填写。"));
        if (period != context.Period.ToString())
            problems.Add(new Problem(Severity.Error, "template.period", TemplateLayout.MetaSheet, "B3", period, context.Period.ToString(),
                $"这是 {period} 的模板，您选择上传的是{context.Period.Label}。请确认报告期，或下载{context.Period.Label}的模板。"));
        return problems.Count > 0 ? null : (version, district, period);
    }

    private static bool HeaderMatches(SheetData rows, IReadOnlyList<string> headers, string sheet, List<Problem> problems)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            var found = CellValues.Text(rows[TemplateLayout.HeaderRow, c + 1])?.TrimEnd('*');
            if (found == headers[c]) continue;
            problems.Add(new Problem(Severity.Error, "template.header", sheet, TemplateLayout.Cell(c + 1, TemplateLayout.HeaderRow), found, headers[c],
                $"表头应为“{headers[c]}”。请勿修改模板的表头；如已改动，请重新下载模板填写。"));
            return false;
        }
        return true;
    }

    private static List<ParsedIndicator> Indicators(SheetData rows, ParseContext context, List<Problem> problems)
    {
        var sheet = TemplateLayout.IndicatorsSheet;
        var result = new List<ParsedIndicator>();
        if (!HeaderMatches(rows, TemplateLayout.IndicatorHeaders, sheet, problems)) return result;
        var rowOf = new Dictionary<string, int>();
        foreach (var r in rows.Rows.Select(x => x.Row).Where(x => x >= TemplateLayout.FirstDataRow))
        {
            if (CellValues.Code(rows[r, 1]) is { } code) rowOf.TryAdd(code.ToLowerInvariant(), r);
        }
        foreach (var indicator in context.Indicators)
        {
            if (!rowOf.TryGetValue(indicator.Code, out var r))
            {
                problems.Add(new Problem(Severity.Error, "template.row-missing", sheet, null, null, indicator.Code, $"缺少指标“{indicator.Name}”所在的行。请勿删除模板中的行；请重新下载模板填写。"));
                continue;
            }
            var cell = TemplateLayout.Cell(TemplateLayout.IndicatorValueColumn, r);
            var raw = rows[r, TemplateLayout.IndicatorValueColumn];
            if (!CellValues.TryNumber(raw, out var value))
                problems.Add(new Problem(Severity.Error, "cell.number", sheet, cell, CellValues.Show(raw), "数值", $"“{indicator.Name}”应填写数值，不能填文字。"));
            else if (value is not { } v)
                problems.Add(new Problem(Severity.Error, "cell.required", sheet, cell, null, "数值", $"“{indicator.Name}”未填写；本季度没有请填 0。"));
            else if (v < 0)
                problems.Add(new Problem(Severity.Error, "cell.negative", sheet, cell, CellValues.Show(raw), "≥ 0", $"“{indicator.Name}”不能为负数。"));
            else if (indicator.Integer && v != decimal.Truncate(v))
                problems.Add(new Problem(Severity.Error, "cell.integer", sheet, cell, CellValues.Show(raw), "整数", $"“{indicator.Name}”是个数，应填写整数。"));
            else
                result.Add(new ParsedIndicator(indicator.Code, v, sheet, cell));
        }
        return result;
    }

    private static List<ParsedRosterRow> Roster(SheetData rows, RosterSheet sheet, ParseContext context, List<Problem> problems)
    {
        var result = new List<ParsedRosterRow>();
        var headers = sheet.Columns.Select(c => c.Header).ToList();
        if (!HeaderMatches(rows, headers, sheet.Name, problems)) return result;
        if (rows.FilledRows(TemplateLayout.HeaderRow) > context.Limits.MaxRosterRows)
        {
            problems.Add(new Problem(Severity.Error, "roster.too-many-rows", sheet.Name, null, null, $"≤ {context.Limits.MaxRosterRows} 行",
                $"“{sheet.Name}”超过 {context.Limits.MaxRosterRows} 行，系统不予接收。请核对是否误粘贴了多余的数据。"));
            return result;
        }
        var seenKeys = new Dictionary<string, int>();
        var seenIds = new Dictionary<string, int>();
        foreach (var r in rows.Rows.Select(x => x.Row).Where(x => x >= TemplateLayout.FirstDataRow))
        {
            if (sheet.Columns.Select((_, c) => rows[r, c + 1]).All(v => CellValues.Text(v) is null)) continue;
            var before = problems.Count;
            string? stableId = null, name = null, key = null, status = null, category = null;
            decimal? amount = null;
            DateOnly? start = null;
            for (var c = 0; c < sheet.Columns.Count; c++)
            {
                var col = sheet.Columns[c];
                var raw = rows[r, c + 1];
                var cell = TemplateLayout.Cell(c + 1, r);
                string? Fail(string code, string expected, string message)
                {
                    problems.Add(new Problem(Severity.Error, code, sheet.Name, cell, CellValues.Show(raw), expected, message));
                    return null;
                }
                switch (col.Kind)
                {
                    case CellKind.Number:
                        if (!CellValues.TryNumber(raw, out var n)) Fail("cell.number", "数值", $"“{col.Header}”应填写数值。");
                        else if (n is null && col.Required) Fail("cell.required", "数值", $"“{col.Header}”为必填项。");
                        else if (n < 0) Fail("cell.negative", "≥ 0", $"“{col.Header}”不能为负数。");
                        else amount = n;
                        break;
                    case CellKind.Date:
                        if (!CellValues.TryDate(raw, out var d)) Fail("cell.date", "日期，如 2026-07-01", $"“{col.Header}”应填写日期，如 2026-07-01。");
                        else if (d is null && col.Required) Fail("cell.required", "日期", $"“{col.Header}”为必填项。");
                        else if (d is { } day && (day < TemplateLayout.EarliestDate || day > TemplateLayout.LatestDate))
                            Fail("cell.date-range", "2000-01-01 至 2035-12-31", $"“{col.Header}”超出合理范围，请检查年份。");
                        else start = d;
                        break;
                    case CellKind.Uscc:
                        var code = CellValues.Code(raw);
                        if (code is null) Fail("cell.required", "18 位统一社会信用代码", $"“{col.Header}”为必填项。");
                        else if (Uscc.Problem(code) is { } wrong) Fail("cell.uscc", "18 位、校验位正确的统一社会信用代码", wrong);
                        else key = code;
                        break;
                    default:
                        var text = col.Field == RosterField.StableId ? CellValues.Code(raw) : CellValues.Text(raw);
                        if (text is null && col.Required) Fail("cell.required", col.Options is { } o1 ? string.Join(" / ", o1) : "文字", $"“{col.Header}”为必填项。");
                        else if (text is not null && col.Options is { } options && !options.Contains(text))
                            Fail("cell.list", string.Join(" / ", options), $"“{col.Header}”只能从下拉列表中选择：{string.Join("、", options)}。");
                        else if (text is { Length: var len } && len > col.MaxLength) Fail("cell.too-long", $"≤ {col.MaxLength} 字", $"“{col.Header}”不能超过 {col.MaxLength} 个字。");
                        else
                        {
                            switch (col.Field)
                            {
                                case RosterField.StableId: stableId = text; break;
                                case RosterField.Name: name = text; break;
                                case RosterField.Status: status = text; break;
                                case RosterField.Category: category = text; break;
                            }
                        }
                        break;
                }
            }
            if (problems.Count > before) continue;
            key ??= name!;
            var keyCell = TemplateLayout.Cell(sheet.Columns.ToList().FindIndex(c => c.Field == sheet.KeyField) + 1, r);
            if (seenKeys.TryGetValue(key.ToUpperInvariant(), out var first))
            {
                problems.Add(new Problem(Severity.Error, "roster.duplicate", sheet.Name, keyCell, key, "每个条目只填一行",
                    $"与第 {first} 行重复（{(sheet.KeyField == RosterField.Key ? "统一社会信用代码" : "名称")}相同）。请删除重复的行。"));
                continue;
            }
            if (stableId is not null && seenIds.TryGetValue(stableId, out var firstId))
            {
                problems.Add(new Problem(Severity.Error, "roster.duplicate-id", sheet.Name, TemplateLayout.Cell(1, r), stableId, "编号不重复",
                    $"编号与第 {firstId} 行重复。复制行时请清空新行的编号。"));
                continue;
            }
            seenKeys[key.ToUpperInvariant()] = r;
            if (stableId is not null) seenIds[stableId] = r;
            result.Add(new ParsedRosterRow(sheet.Kind, sheet.Name, r, stableId, name!, key, status!, category, amount, start));
        }
        return result;
    }

    private static Dictionary<string, string> Narratives(SheetData rows, ParseContext context, List<Problem> problems)
    {
        var sheet = TemplateLayout.NarrativeSheet;
        var result = new Dictionary<string, string>();
        if (!HeaderMatches(rows, TemplateLayout.NarrativeHeaders, sheet, problems)) return result;
        foreach (var r in rows.Rows.Select(x => x.Row).Where(x => x >= TemplateLayout.FirstDataRow))
        {
            if (CellValues.Code(rows[r, 1])?.ToLowerInvariant() is not { } code || !context.WorkItemCodes.Contains(code)) continue;
            if (CellValues.Text(rows[r, 3]) is not { } text) continue;
            if (text.Length > TemplateLayout.NarrativeMaxLength)
            {
                problems.Add(new Problem(Severity.Error, "cell.too-long", sheet, TemplateLayout.Cell(3, r), text[..20] + "…", $"≤ {TemplateLayout.NarrativeMaxLength} 字",
                    $"工作进展不能超过 {TemplateLayout.NarrativeMaxLength} 个字（现为 {text.Length} 字），请精简。"));
                continue;
            }
            result[code] = text;
        }
        return result;
    }
}
