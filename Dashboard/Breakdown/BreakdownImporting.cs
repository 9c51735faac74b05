using GzBioPlan.Domain.Periods;
using GzBioPlan.Dashboard.Shared;
using System.Security.Cryptography;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Breakdown;

/// <summary>The 任务分解表: the export is also the import. The first <see cref="Editable"/> columns are read back; the rest are figures.</summary>
public static class BreakdownSheet
{
    public const string Name = "任务分解";

    public static readonly string[] Headers =
    [
        "任务编号", "任务", "分解任务编号", "分解任务", "分项", "责任单位 / 区", "衡量指标", "指标目标值", "分解任务权重", "开始季度",
        "节点编号", "节点", "完成时限", "节点权重",
        "原定时限", "结转次数", "本季度节点完成度（%）", "本季度节点序时进度（%）", "本季度节点逾期", "本季度分解任务进展（%）", "本季度分解任务序时进度（%）", "本季度分解任务状态",
    ];

    public const int Editable = 14;

    /// <summary>Data rows an import reads at most; the whole plan's breakdown is a few hundred.</summary>
    public const int MaxRows = 2000;
}

/// <summary>What an import did: the kept upload's id, whether anything changed, and what (or every problem, when nothing did).</summary>
public sealed record ImportResult(long Id, bool Applied, IReadOnlyList<string> Lines);

/// <summary>
/// Imports an edited 任务分解表 all or nothing. Rows with a 编号 update that sub-item or milestone; rows without
/// one add it. Every change goes through <see cref="BreakdownEditing"/>, so it is checked and recorded as a
/// change made on the page would be. The uploaded file is kept with its hash whatever the outcome.
/// </summary>
public sealed class BreakdownImporting(AppDbContext db, BreakdownEditing editing, IngestOptions limits, TimeProvider clock, ILogger<BreakdownImporting> logger)
{
    public async Task<ImportResult> ImportAsync(string fileName, byte[] bytes, string by, CancellationToken ct)
    {
        var problems = new List<string>();
        var applied = new List<string>();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // Rows added by a file have no 编号 in it, so importing the same file twice would add them twice.
        var done = await db.BreakdownImports.AsNoTracking().Where(i => i.Sha256 == sha256 && i.Applied).Select(i => (DateTimeOffset?)i.At).FirstOrDefaultAsync(ct);
        if (done is { } at) problems.Add($"这个文件已于 {at.InBeijing():yyyy-MM-dd HH:mm} 导入过。如需再修改，请重新导出任务分解表（新增的行会带上编号），在新表中修改后导入。");
        else if (WorkbookGuard.Check(bytes, limits) is { } refused) problems.Add(refused.Message);
        else if (Rows(bytes, problems) is { } rows)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var before = await db.BreakdownChanges.Select(c => c.Id).DefaultIfEmpty().MaxAsync(ct);
            // The history says a change came from an import, beside who made it.
            await ApplyAsync(rows, $"{by}（导入）", problems, ct);
            if (problems.Count == 0)
            {
                var changes = await db.BreakdownChanges.AsNoTracking().Where(c => c.Id > before).OrderBy(c => c.Id).ToListAsync(ct);
                applied = changes.GroupBy(c => c.Action).OrderBy(g => g.Key).Select(g => $"{g.Key.Label()} {g.Count()} 处")
                    .Concat(changes.Select(c => $"{c.Action.Label()}：{c.Summary}")).ToList();
                await tx.CommitAsync(ct);
            }
            else
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        var outcome = problems.Count > 0 ? problems : applied.Count > 0 ? applied : ["与现有任务分解相同，没有需要修改的内容。"];
        var record = new BreakdownImport
        {
            FileName = Path.GetFileName(fileName).Length is > 0 and <= 260 ? Path.GetFileName(fileName) : "任务分解表.xlsx",
            // A file over the size cap is refused unread, so it is not kept.
            Sha256 = sha256, Content = bytes.Length > limits.MaxFileBytes ? [] : bytes, Applied = problems.Count == 0,
            Outcome = Truncate(string.Join("\n", outcome)), By = by, At = clock.GetUtcNow(),
        };
        db.BreakdownImports.Add(record);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Breakdown import {ImportId} by {User}: {Applied} with {Problems} problems", record.Id, by, record.Applied, problems.Count);
        return new ImportResult(record.Id, record.Applied, outcome);
    }

    /// <summary>The sheet's data rows with their row numbers, or null (with a problem) when it is not a 任务分解表.</summary>
    private static List<(int Row, object?[] Cells)>? Rows(byte[] bytes, List<string> problems)
    {
        Dictionary<string, SheetData> sheets;
        try
        {
            sheets = SheetReader.Read(bytes, name => name == BreakdownSheet.Name ? new SheetExtent(BreakdownSheet.MaxRows + 2, BreakdownSheet.Editable) : null);
        }
        catch (UnreadableWorkbookException ex)
        {
            problems.Add(ex.Message);
            return null;
        }
        if (!sheets.TryGetValue(BreakdownSheet.Name, out var sheet)
            || !BreakdownSheet.Headers.Take(BreakdownSheet.Editable).Select((h, i) => CellValues.Text(sheet[2, i + 1]) == h).All(ok => ok))
        {
            problems.Add($"这不是任务分解表：找不到工作表“{BreakdownSheet.Name}”或其表头已改动。请在「任务分解」页面导出，只修改前 {BreakdownSheet.Editable} 列后导入。");
            return null;
        }
        if (sheet.FilledRows(2) > BreakdownSheet.MaxRows)
        {
            problems.Add($"表中数据超过 {BreakdownSheet.MaxRows} 行，请删除多余的行后重新导入。");
            return null;
        }
        return sheet.Rows.Where(r => r.Row > 2).ToList();
    }

    private async Task ApplyAsync(List<(int Row, object?[] Cells)> rows, string by, List<string> problems, CancellationToken ct)
    {
        var workItems = (await db.WorkItems.AsNoTracking().Select(w => w.Code).ToListAsync(ct)).ToHashSet();
        var owners = (await BreakdownPageQuery.OwnersAsync(db, ct)).ToDictionary(o => o.Label, o => o.Value);
        var indicators = (await db.Indicators.AsNoTracking().Select(i => new { i.Name, i.Code }).ToListAsync(ct)).ToDictionary(i => i.Name, i => i.Code);
        var subItems = await db.SubItems.AsNoTracking().Where(s => !s.Retired).ToDictionaryAsync(s => s.Id, s => s.WorkItemCode, ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => !m.Retired).ToDictionaryAsync(m => m.Id, m => m.SubItemId, ct);
        // A sub-item spans several rows (one per milestone): it is written once, and its other rows must say the same.
        var seen = new Dictionary<string, (long Id, SubItemForm Form)>();

        foreach (var (row, cells) in rows)
        {
            string? At(int column) => column < cells.Length ? Xlsx.Unsafe(CellValues.Text(cells[column])) : null;
            void Problem(string message) => problems.Add($"第 {row} 行：{message}");

            var item = At(0) ?? "";
            if (!workItems.Contains(item))
            {
                Problem($"任务编号“{item}”不存在。请保留导出时的任务编号（如 task-3）。");
                continue;
            }
            if (At(5) is { } ownerName && !owners.ContainsKey(ownerName))
            {
                Problem($"“责任单位 / 区”列的“{ownerName}”不是市直部门或区的名称。请照导出时的写法填写（如 市科技局、黄埔区）。");
                continue;
            }
            if (At(6) is { } indicatorName && !indicators.ContainsKey(indicatorName))
            {
                Problem($"“衡量指标”列的“{indicatorName}”不是指标名称。请照导出时的写法填写，或留空。");
                continue;
            }
            var form = new SubItemForm(int.TryParse(At(4) ?? "1", out var part) ? part : 0, At(3),
                At(5) is { } owner ? owners.GetValueOrDefault(owner, "") : null,
                At(6) is { } indicator ? indicators[indicator] : null, At(7), At(8), At(9));

            long subItemId;
            var idText = At(2);
            var key = idText ?? $"{item}\n{form.Title}";
            if (seen.TryGetValue(key, out var earlier))
            {
                if (earlier.Form != form)
                {
                    Problem($"与同一分解任务的前面几行不一致（{form.Title}）。同一分解任务的各行，分解任务各列应相同。");
                    continue;
                }
                subItemId = earlier.Id;
            }
            else if (idText is not null)
            {
                if (!long.TryParse(idText, out subItemId) || subItems.GetValueOrDefault(subItemId) != item)
                {
                    Problem($"分解任务编号“{idText}”不存在、已撤销或不属于任务 {item}。新增的分解任务请把编号留空。");
                    continue;
                }
                if (await editing.EditSubItemAsync(subItemId, form, by, ct) is { } error)
                {
                    Problem(BreakdownEditing.Errors[error]);
                    continue;
                }
                seen[key] = (subItemId, form);
            }
            else
            {
                var (id, error) = await editing.AddSubItemAsync(item, form, by, ct);
                if (error is not null)
                {
                    Problem(BreakdownEditing.Errors[error]);
                    continue;
                }
                subItemId = id!.Value;
                seen[key] = (subItemId, form);
            }

            var milestoneId = At(10);
            var milestone = new MilestoneForm(At(11), At(12), At(13));
            if (milestoneId is null && milestone.Title is null) continue;
            string? result;
            if (milestoneId is null) result = await editing.AddMilestoneAsync(subItemId, milestone, by, ct);
            else if (!long.TryParse(milestoneId, out var mid) || milestones.GetValueOrDefault(mid) != subItemId)
            {
                Problem($"节点编号“{milestoneId}”不存在、已撤销或不属于这项分解任务。新增的节点请把编号留空。");
                continue;
            }
            else result = await editing.EditMilestoneAsync(mid, milestone, by, ct);
            if (result is not null) Problem(BreakdownEditing.Errors[result]);
        }
    }

    private static string Truncate(string s) => s.Length > BreakdownLabels.OutcomeMax ? s[..BreakdownLabels.OutcomeMax] : s;
}
