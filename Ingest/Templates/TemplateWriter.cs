using System.Drawing;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using OfficeOpenXml.Style;

namespace GzBioPlan.Ingest.Templates;

public sealed record TemplateIndicator(string Code, string Name, string UnitOfMeasure, bool Integer, decimal? LastAccepted);

public sealed record TemplateRosterRow(string? StableId, string Name, string Key, string Status, string? Category, decimal? Amount, DateOnly? StartDate);

public sealed record TemplateWorkItem(string Code, string Title);

/// <summary>Everything a district's workbook for one quarter is generated from.</summary>
public sealed record TemplateData(
    District District, Period Period, DateOnly Deadline,
    IReadOnlyList<TemplateIndicator> Indicators,
    IReadOnlyDictionary<RosterKind, IReadOnlyList<TemplateRosterRow>> Rosters,
    IReadOnlyList<TemplateWorkItem> WorkItems);

/// <summary>Writes the 填报模板 with EPPlus: instructions, the indicators, four rosters, the narrative and hidden metadata.</summary>
public static class TemplateWriter
{
    private static readonly Color HeaderFill = Color.FromArgb(0xDD, 0xE6, 0xF3);
    private static readonly Color InputFill = Color.FromArgb(0xFF, 0xFB, 0xE6);

    /// <summary>The template; with <paramref name="entry"/>, filled with what was entered on 网页填报 (its rosters replace last quarter's).</summary>
    public static byte[] Write(TemplateData data, WebEntry? entry = null)
    {
        var rosters = entry ?? WebEntry.FromTemplate(data);
        using var package = new ExcelPackage();
        var book = package.Workbook;
        WriteInstructions(book.Worksheets.Add(TemplateLayout.InstructionsSheet), data);
        WriteIndicators(book.Worksheets.Add(TemplateLayout.IndicatorsSheet), data, entry);
        foreach (var roster in TemplateLayout.Rosters)
            WriteRoster(book.Worksheets.Add(roster.Name), roster, rosters.RowsOf(roster.Kind), data);
        WriteNarrative(book.Worksheets.Add(TemplateLayout.NarrativeSheet), data, entry);
        WriteMeta(book.Worksheets.Add(TemplateLayout.MetaSheet), data);
        return package.GetAsByteArray();
    }

    private static void Title(ExcelWorksheet ws, string text, int columns)
    {
        ws.Cells[1, 1].Value = text;
        ws.Cells[1, 1, 1, columns].Merge = true;
        ws.Cells[1, 1].Style.Font.Bold = true;
        ws.Cells[1, 1].Style.Font.Size = 13;
        ws.Row(1).Height = 24;
    }

    private static void Header(ExcelWorksheet ws, IReadOnlyList<string> headers, IReadOnlyList<double> widths)
    {
        for (var c = 0; c < headers.Count; c++)
        {
            var cell = ws.Cells[TemplateLayout.HeaderRow, c + 1];
            cell.Value = headers[c];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(HeaderFill);
            cell.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
            ws.Column(c + 1).Width = widths[c];
        }
        ws.View.FreezePanes(TemplateLayout.FirstDataRow, 1);
    }

    /// <summary>Headers stay locked; only the input cells can be edited. No password: protection prevents slips, not intent.</summary>
    private static void Unlock(ExcelRange range)
    {
        range.Style.Locked = false;
        range.Style.Fill.PatternType = ExcelFillStyle.Solid;
        range.Style.Fill.BackgroundColor.SetColor(InputFill);
    }

    private static void Protect(ExcelWorksheet ws)
    {
        ws.Protection.IsProtected = true;
        ws.Protection.AllowFormatColumns = true;
        ws.Protection.AllowFormatRows = true;
        ws.Protection.AllowSelectLockedCells = true;
        ws.Protection.AllowSelectUnlockedCells = true;
    }

    private static void WriteInstructions(ExcelWorksheet ws, TemplateData d)
    {
        string[] lines =
        [
            $"{d.District.Name}（{d.District.Code}）{d.Period.Label}生物制造产业季度报表",
            $"依据《广州市关于加快生物制造产业高质量发展的工作方案》（穗工信函〔2024〕288号）。填报截止日：{d.Deadline:yyyy年M月d日}。",
            "",
            "填报步骤：",
            "1. 在“指标”表的黄色单元格填写本季度数值（截至本季度末的数或本季度发生数，见指标名称）；“上季度确认值”供参考。",
            "2. 在各名录表中核对上季度已确认的条目（“编号”列请勿修改），更新状态或阶段；新增条目请在下方空行填写，编号留空。",
            "3. 统一社会信用代码为 18 位，系统会校验校验位；领域、状态、阶段、类型请从下拉列表选择。",
            "4. 在“任务进展”表简要填写本区对各项任务的工作进展（每项不超过 2000 字）。",
            "5. 保存为 .xlsx 格式（不要另存为 .xls 或启用宏的 .xlsm，不要设置打开密码），在系统“季度填报”页面上传。",
            "",
            "上传后系统立即逐格检查：如有问题，会列出工作表、单元格、填写的值和应填写的内容，并可下载标出问题的工作簿，修改后重新上传即可。",
            "与上季度相比变化特别大的数值（如增长 5 倍以上）会提示核实，确认无误后即可提交。",
            "请勿修改工作表名称、表头和隐藏的元数据，否则系统无法识别本模板。",
        ];
        for (var i = 0; i < lines.Length; i++) ws.Cells[i + 1, 1].Value = lines[i];
        ws.Cells[1, 1].Style.Font.Bold = true;
        ws.Cells[1, 1].Style.Font.Size = 14;
        ws.Column(1).Width = 120;
        Protect(ws);
    }

    private static void WriteIndicators(ExcelWorksheet ws, TemplateData d, WebEntry? entry)
    {
        Title(ws, $"{d.District.Name}{d.Period.Label}主要指标", TemplateLayout.IndicatorHeaders.Length);
        Header(ws, TemplateLayout.IndicatorHeaders, [14, 36, 10, 14, 16, 30]);
        var row = TemplateLayout.FirstDataRow;
        foreach (var i in d.Indicators)
        {
            ws.Cells[row, 1].Value = i.Code;
            ws.Cells[row, 2].Value = i.Name;
            ws.Cells[row, 3].Value = i.UnitOfMeasure;
            ws.Cells[row, 4].Value = i.LastAccepted;
            ws.Cells[row, 4].Style.Numberformat.Format = i.Integer ? "#,##0" : "#,##0.0#";
            ws.Cells[row, TemplateLayout.IndicatorValueColumn].Style.Numberformat.Format = i.Integer ? "#,##0" : "#,##0.0#";
            ws.Cells[row, TemplateLayout.IndicatorValueColumn].Value = WebEntry.Cell(entry?.Values.GetValueOrDefault(i.Code), i.Integer ? CellKind.Integer : CellKind.Number);
            var address = TemplateLayout.Cell(TemplateLayout.IndicatorValueColumn, row);
            if (i.Integer)
            {
                var v = ws.DataValidations.AddIntegerValidation(address);
                v.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                v.Formula.Value = 0;
                v.ShowErrorMessage = true;
                v.Error = "请填写不小于 0 的整数";
            }
            else
            {
                var v = ws.DataValidations.AddDecimalValidation(address);
                v.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                v.Formula.Value = 0;
                v.ShowErrorMessage = true;
                v.Error = "请填写不小于 0 的数值";
            }
            row++;
        }
        Unlock(ws.Cells[TemplateLayout.FirstDataRow, TemplateLayout.IndicatorValueColumn, row - 1, TemplateLayout.IndicatorHeaders.Length]);
        Protect(ws);
    }

    private static void WriteRoster(ExcelWorksheet ws, RosterSheet sheet, IReadOnlyList<IReadOnlyList<string>> rows, TemplateData d)
    {
        var columns = sheet.Columns;
        Title(ws, $"{d.District.Name}{sheet.Name}名录（{d.Period.Label}）", columns.Count);
        Header(ws, columns.Select(c => c.Required ? c.Header + "*" : c.Header).ToList(), columns.Select(c => c.Width).ToList());
        var r = TemplateLayout.FirstDataRow;
        foreach (var entry in rows)
        {
            for (var c = 0; c < columns.Count; c++)
                ws.Cells[r, c + 1].Value = WebEntry.Cell(c < entry.Count ? entry[c] : null, columns[c].Kind);
            r++;
        }
        var last = r + TemplateLayout.OpenRows - 1;
        for (var c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            var range = TemplateLayout.Cell(c + 1, TemplateLayout.FirstDataRow) + ":" + TemplateLayout.Cell(c + 1, last);
            if (col.Field == RosterField.StableId)
            {
                ws.Cells[range].Style.Font.Color.SetColor(Color.Gray);
                continue; // the ID column stays locked: rows keep their identity across quarters
            }
            Unlock(ws.Cells[range]);
            if (col.Options is { } options)
            {
                var list = ws.DataValidations.AddListValidation(range);
                foreach (var o in options) list.Formula.Values.Add(o);
                list.ShowErrorMessage = true;
                list.Error = "请从下拉列表中选择";
            }
            else if (col.Kind == CellKind.Number)
            {
                var dv = ws.DataValidations.AddDecimalValidation(range);
                dv.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                dv.Formula.Value = 0;
                dv.ShowErrorMessage = true;
                dv.Error = "请填写不小于 0 的数值";
            }
            else if (col.Kind == CellKind.Date)
            {
                ws.Cells[range].Style.Numberformat.Format = "yyyy-mm-dd";
                var dv = ws.DataValidations.AddDateTimeValidation(range);
                dv.Operator = ExcelDataValidationOperator.between;
                dv.Formula.Value = TemplateLayout.EarliestDate.ToDateTime(TimeOnly.MinValue);
                dv.Formula2.Value = TemplateLayout.LatestDate.ToDateTime(TimeOnly.MinValue);
                dv.ShowErrorMessage = true;
                dv.Error = "请填写 2000-01-01 至 2035-12-31 之间的日期";
            }
            else if (col.Kind == CellKind.Uscc)
            {
                ws.Cells[range].Style.Numberformat.Format = "@";
            }
        }
        Protect(ws);
    }

    private static void WriteNarrative(ExcelWorksheet ws, TemplateData d, WebEntry? entry)
    {
        Title(ws, $"{d.District.Name}{d.Period.Label}工作方案任务进展", TemplateLayout.NarrativeHeaders.Length);
        Header(ws, TemplateLayout.NarrativeHeaders, [12, 30, 90]);
        var r = TemplateLayout.FirstDataRow;
        foreach (var w in d.WorkItems)
        {
            ws.Cells[r, 1].Value = w.Code;
            ws.Cells[r, 2].Value = w.Title;
            ws.Cells[r, 3].Value = entry?.Narratives.GetValueOrDefault(w.Code) is { Length: > 0 } text ? text : null;
            ws.Cells[r, 3].Style.WrapText = true;
            ws.Row(r).Height = 45;
            r++;
        }
        Unlock(ws.Cells[TemplateLayout.FirstDataRow, 3, r - 1, 3]);
        Protect(ws);
    }

    private static void WriteMeta(ExcelWorksheet ws, TemplateData d)
    {
        ws.Cells[1, 1].Value = "模板版本";
        ws.Cells[1, 2].Value = TemplateLayout.Version;
        ws.Cells[2, 1].Value = "区划代码";
        ws.Cells[2, 2].Value = d.District.Code;
        ws.Cells[3, 1].Value = "报告期";
        ws.Cells[3, 2].Value = d.Period.ToString();
        ws.Cells[4, 1].Value = "生成时间";
        ws.Cells[4, 2].Value = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss 'UTC'");
        ws.Hidden = eWorkSheetHidden.VeryHidden;
        Protect(ws);
    }
}
