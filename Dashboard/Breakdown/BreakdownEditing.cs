using System.Globalization;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GzBioPlan.Dashboard.Breakdown;

/// <summary>What the office posts for a sub-item: owner as <c>Unit:kjj</c> or <c>District:440112</c>, numbers as typed.</summary>
public sealed record SubItemForm(int Part, string? Title, string? Owner, string? Indicator, string? IndicatorTarget, string? Weight, string? Start);

public sealed record MilestoneForm(string? Title, string? Due, string? Weight);

/// <summary>
/// 任务分解: the coordination office adds, edits, retires and carries sub-items and milestones. Nothing is
/// deleted; every change writes a <see cref="BreakdownChange"/> saying who changed what, field by field.
/// </summary>
public sealed class BreakdownEditing(AppDbContext db, CompletenessQuery completeness, TimeProvider clock, ILogger<BreakdownEditing> logger)
{
    private Period? lastDone;

    /// <summary>
    /// The last quarter whose reporting is done: its laggard review and briefing stand, so no start or due quarter may
    /// be set in it or before it (a sub-item or milestone there would turn a reviewed quarter red).
    /// </summary>
    private async Task<Period> LastDoneAsync(CancellationToken ct) => lastDone ??= await completeness.LastDoneAsync(BeijingTime.Today(clock), ct);

    public static readonly IReadOnlyDictionary<string, string> Errors = new Dictionary<string, string>
    {
        ["title"] = $"请填写名称（不超过 {BreakdownLabels.TitleMax} 字）。",
        ["owner"] = "请选择责任单位或区。",
        ["part"] = "该任务没有这个分项。",
        ["indicator"] = "请选择列表中的指标，或留空。",
        ["indicator-target"] = "指标目标值应为不小于 0 的数字，或留空；填写目标值时请同时选择衡量指标。",
        ["weight"] = "权重应为大于 0、不超过 100 的数字；不设权重请留空。",
        ["start"] = "请选择 2024年第4季度 至 2027年第4季度 之间的开始季度。",
        ["start-after-due"] = "开始季度不能晚于这项分解任务已有节点的完成时限。请先调整节点，或选择更早的开始季度。",
        ["due"] = "完成时限应不晚于 2027年第4季度，且不早于分解任务的开始季度。",
        ["start-reviewed"] = "所选开始季度的报送已结束，滞后研判和情况通报已按当时的分解任务形成，不能再在该季度或更早开始。请选择正在报送的季度或之后的季度。",
        ["due-reviewed"] = "所选完成时限所在季度的报送已结束，滞后研判和情况通报已按当时的节点形成，不能再把节点设在该季度或更早。请选择正在报送的季度或之后的季度。",
        ["not-found"] = "找不到该分解任务或节点，可能已被撤销。请刷新页面。",
        ["no-file"] = "请选择要导入的任务分解表（.xlsx）。",
        ["period"] = "报告期无效，请从页面上的报告期选择后重试。",
        ["carry-last"] = "2027年第4季度 是方案的最后一个季度，不能再结转。",
        ["nothing-to-carry"] = "该季度没有到期未完成的节点需要结转。",
    };

    /// <returns>The new sub-item's id, or a key of <see cref="Errors"/>.</returns>
    public async Task<(long? Id, string? Error)> AddSubItemAsync(string workItemCode, SubItemForm form, string by, CancellationToken ct)
    {
        var (values, error) = await CheckAsync(workItemCode, form, ct);
        if (error is not null) return (null, error);
        if (values!.Start <= await LastDoneAsync(ct)) return (null, "start-reviewed");
        var order = await db.SubItems.Where(s => s.WorkItemCode == workItemCode).CountAsync(ct);
        var item = new SubItem { WorkItemCode = workItemCode, Title = values!.Title, OwnerCode = values.OwnerCode, SortOrder = order + 1 };
        values.ApplyTo(item);
        await using var tx = await OwnTransactionAsync(ct);
        db.SubItems.Add(item);
        await db.SaveChangesAsync(ct);
        await LogAsync(workItemCode, item.Id, null, BreakdownAction.AddSubItem, Join(await FieldsAsync(values, ct)), by, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return (item.Id, null);
    }

    public async Task<string?> EditSubItemAsync(long id, SubItemForm form, string by, CancellationToken ct)
    {
        var item = await db.SubItems.FirstOrDefaultAsync(s => s.Id == id && !s.Retired, ct);
        if (item is null) return "not-found";
        var (values, error) = await CheckAsync(item.WorkItemCode, form, ct);
        if (error is not null) return error;
        if (values!.Start != item.Start && values.Start <= await LastDoneAsync(ct)) return "start-reviewed";
        if (await db.Milestones.AnyAsync(m => m.SubItemId == id && !m.Retired && m.Due < values!.Start, ct)) return "start-after-due";
        var diff = Named($"「{item.Title}」", Diff(await FieldsAsync(SubItemValues.Of(item), ct), await FieldsAsync(values!, ct)));
        values!.ApplyTo(item);
        if (diff.Length == 0) return null;
        await LogAsync(item.WorkItemCode, item.Id, null, BreakdownAction.EditSubItem, diff, by, ct);
        return null;
    }

    public async Task<string?> RetireSubItemAsync(long id, string by, CancellationToken ct)
    {
        var item = await db.SubItems.FirstOrDefaultAsync(s => s.Id == id && !s.Retired, ct);
        if (item is null) return "not-found";
        item.Retired = true;
        await LogAsync(item.WorkItemCode, item.Id, null, BreakdownAction.RetireSubItem, item.Title, by, ct);
        return null;
    }

    public async Task<string?> AddMilestoneAsync(long subItemId, MilestoneForm form, string by, CancellationToken ct)
    {
        var sub = await db.SubItems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subItemId && !s.Retired, ct);
        if (sub is null) return "not-found";
        var (values, error) = CheckMilestone(form, sub.Start);
        if (error is not null) return error;
        if (values!.Due <= await LastDoneAsync(ct)) return "due-reviewed";
        var order = await db.Milestones.Where(m => m.SubItemId == subItemId).CountAsync(ct);
        var m = new Milestone { SubItemId = subItemId, Title = values!.Title, Due = values.Due, OriginalDue = values.Due, Weight = values.Weight, SortOrder = order + 1 };
        await using var tx = await OwnTransactionAsync(ct);
        db.Milestones.Add(m);
        await db.SaveChangesAsync(ct);
        await LogAsync(sub.WorkItemCode, sub.Id, m.Id, BreakdownAction.AddMilestone, $"「{sub.Title}」{Join(Fields(values))}", by, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return null;
    }

    public async Task<string?> EditMilestoneAsync(long id, MilestoneForm form, string by, CancellationToken ct)
    {
        var found = await (from m in db.Milestones join s in db.SubItems on m.SubItemId equals s.Id
                           where m.Id == id && !m.Retired && !s.Retired select new { m, s.WorkItemCode, s.Start, SubTitle = s.Title }).FirstOrDefaultAsync(ct);
        if (found is null) return "not-found";
        var (values, error) = CheckMilestone(form, found.Start);
        if (error is not null) return error;
        if (values!.Due != found.m.Due && values.Due <= await LastDoneAsync(ct)) return "due-reviewed";
        var diff = Named($"「{found.SubTitle}」节点「{found.m.Title}」", Diff(Fields(new MilestoneValues(found.m.Title, found.m.Due, found.m.Weight)), Fields(values!)));
        (found.m.Title, found.m.Due, found.m.Weight) = (values!.Title, values.Due, values.Weight);
        if (diff.Length == 0) return null;
        await LogAsync(found.WorkItemCode, found.m.SubItemId, id, BreakdownAction.EditMilestone, diff, by, ct);
        return null;
    }

    public async Task<string?> RetireMilestoneAsync(long id, string by, CancellationToken ct)
    {
        var found = await (from m in db.Milestones join s in db.SubItems on m.SubItemId equals s.Id
                           where m.Id == id && !m.Retired select new { m, s.WorkItemCode, SubTitle = s.Title }).FirstOrDefaultAsync(ct);
        if (found is null) return "not-found";
        found.m.Retired = true;
        await LogAsync(found.WorkItemCode, found.m.SubItemId, id, BreakdownAction.RetireMilestone, $"「{found.SubTitle}」{found.m.Title}", by, ct);
        return null;
    }

    /// <summary>
    /// 结转: moves every unfinished milestone due by <paramref name="closing"/> (of one work item, or all) into the
    /// next quarter, counting the carry and keeping the first due quarter.
    /// </summary>
    /// <returns>How many were carried, or an error key.</returns>
    public async Task<(int Carried, string? Error)> CarryAsync(Period closing, string? workItemCode, BreakdownQuery query, string by, CancellationToken ct)
    {
        if (closing >= Period.Last) return (0, "carry-last");
        var due = (await query.RunAsync(closing, workItemCode, ct))
            .SelectMany(s => s.Milestones.Where(m => BreakdownRule.Carryable(m, closing)).Select(m => (Sub: s, Milestone: m)))
            .ToList();
        if (due.Count == 0) return (0, "nothing-to-carry");
        var ids = due.Select(d => d.Milestone.Id).ToList();
        var rows = await db.Milestones.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        await using var tx = await OwnTransactionAsync(ct);
        foreach (var (sub, state) in due)
        {
            var m = rows[state.Id];
            var to = BreakdownRule.CarryTarget(m.Due, closing);
            db.BreakdownChanges.Add(Change(sub.WorkItemCode, sub.Id, m.Id, BreakdownAction.Carry,
                $"{m.Title}：完成时限 {m.Due.Label} → {to.Label}（完成 {state.Completion:0.#}%，原定 {m.OriginalDue.Label}）", by));
            db.MilestoneCarries.Add(new MilestoneCarry { MilestoneId = m.Id, Closing = closing, From = m.Due, To = to });
            m.Due = to;
            m.TimesCarried++;
        }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        logger.LogInformation("{Count} milestones of {WorkItem} carried from {Period} by {User}", due.Count, workItemCode ?? "all", closing.ToString(), by);
        return (due.Count, null);
    }

    private sealed record SubItemValues(int Part, string Title, PartyKind OwnerKind, string OwnerCode, string? IndicatorCode, decimal? IndicatorTarget, decimal? Weight, Period Start)
    {
        public static SubItemValues Of(SubItem s) => new(s.PartNo, s.Title, s.OwnerKind, s.OwnerCode, s.IndicatorCode, s.IndicatorTarget, s.Weight, s.Start);

        public void ApplyTo(SubItem s) =>
            (s.PartNo, s.Title, s.OwnerKind, s.OwnerCode, s.IndicatorCode, s.IndicatorTarget, s.Weight, s.Start) =
            (Part, Title, OwnerKind, OwnerCode, IndicatorCode, IndicatorTarget, Weight, Start);
    }

    private sealed record MilestoneValues(string Title, Period Due, decimal? Weight);

    private async Task<(SubItemValues? Values, string? Error)> CheckAsync(string workItemCode, SubItemForm f, CancellationToken ct)
    {
        var title = f.Title?.Trim() ?? "";
        if (title.Length is 0 or > BreakdownLabels.TitleMax) return (null, "title");
        if (!await db.WorkItemParts.AnyAsync(p => p.WorkItemCode == workItemCode && p.PartNo == f.Part, ct)) return (null, "part");
        if (ParseOwner(f.Owner) is not { } owner || !await OwnerExistsAsync(owner, ct)) return (null, "owner");
        var indicator = string.IsNullOrWhiteSpace(f.Indicator) ? null : f.Indicator.Trim();
        if (indicator is not null && !await db.Indicators.AnyAsync(i => i.Code == indicator, ct)) return (null, "indicator");
        if (!TryNumber(f.IndicatorTarget, out var target) || target < 0 || (target is not null && indicator is null)) return (null, "indicator-target");
        if (!TryWeight(f.Weight, out var weight)) return (null, "weight");
        if (!Period.TryParseCodeOrLabel(f.Start, out var start) || !start.IsInPlan) return (null, "start");
        return (new SubItemValues(f.Part, title, owner.Kind, owner.Code, indicator, target, weight, start), null);
    }

    private static (MilestoneValues? Values, string? Error) CheckMilestone(MilestoneForm f, Period start)
    {
        var title = f.Title?.Trim() ?? "";
        if (title.Length is 0 or > BreakdownLabels.TitleMax) return (null, "title");
        if (!Period.TryParseCodeOrLabel(f.Due, out var due) || !due.IsInPlan || due < start) return (null, "due");
        if (!TryWeight(f.Weight, out var weight)) return (null, "weight");
        return (new MilestoneValues(title, due, weight), null);
    }

    public static (PartyKind Kind, string Code)? ParseOwner(string? text) =>
        text?.Split(':') is [var kind, var code] && Enum.TryParse<PartyKind>(kind, out var k) && Enum.IsDefined(k) && code.Length > 0 ? (k, code) : null;

    private Task<bool> OwnerExistsAsync((PartyKind Kind, string Code) owner, CancellationToken ct) => owner.Kind == PartyKind.Unit
        ? db.Units.AnyAsync(u => u.Code == owner.Code && u.Kind == Domain.Plan.UnitKind.Municipal, ct)
        : db.Districts.AnyAsync(d => d.Code == owner.Code, ct);

    private static bool TryNumber(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var n)) return false;
        value = n;
        return true;
    }

    private static bool TryWeight(string? text, out decimal? weight) => TryNumber(text, out weight) && weight is null or (> 0 and <= 100);

    /// <summary>Each field as a reader sees it, so the history can say 「权重：30 → 40」.</summary>
    private async Task<(string Field, string Value)[]> FieldsAsync(SubItemValues v, CancellationToken ct)
    {
        var names = await Parties.NamesAsync(db, ct);
        var indicator = v.IndicatorCode is null ? null : await db.Indicators.Where(i => i.Code == v.IndicatorCode).Select(i => i.Name).FirstOrDefaultAsync(ct);
        return
        [
            ("名称", v.Title), ("分项", v.Part.ToString(CultureInfo.InvariantCulture)), ("责任单位", names.GetValueOrDefault(v.OwnerCode, v.OwnerCode)),
            ("衡量指标", indicator ?? "无"), ("指标目标值", v.IndicatorTarget?.ToString("0.##", CultureInfo.InvariantCulture) ?? "无"),
            ("权重", v.Weight?.ToString("0.##", CultureInfo.InvariantCulture) ?? "未设"), ("开始", v.Start.Label),
        ];
    }

    private static (string Field, string Value)[] Fields(MilestoneValues v) =>
        [("名称", v.Title), ("完成时限", v.Due.Label), ("权重", v.Weight?.ToString("0.##", CultureInfo.InvariantCulture) ?? "未设")];

    private static string Join((string Field, string Value)[] fields) => string.Join("；", fields.Select(f => $"{f.Field}：{f.Value}"));

    /// <summary>Says which sub-item or milestone an edit was made to.</summary>
    private static string Named(string label, string diff) => diff.Length == 0 ? diff : label + diff;

    private static string Diff((string Field, string Value)[] before, (string Field, string Value)[] after) =>
        string.Join("；", before.Zip(after).Where(x => x.First.Value != x.Second.Value).Select(x => $"{x.First.Field}：{x.First.Value} → {x.Second.Value}"));

    private BreakdownChange Change(string workItem, long? subItemId, long? milestoneId, BreakdownAction action, string summary, string by) => new()
    {
        WorkItemCode = workItem, SubItemId = subItemId, MilestoneId = milestoneId, Action = action, By = by, At = clock.GetUtcNow(),
        Summary = summary.Length > BreakdownLabels.SummaryMax ? summary[..BreakdownLabels.SummaryMax] : summary,
    };

    /// <summary>A transaction of its own, unless the caller (an import) already holds one that covers this change.</summary>
    private async Task<IDbContextTransaction?> OwnTransactionAsync(CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>Saves the pending edit together with its history entry.</summary>
    private async Task LogAsync(string workItem, long? subItemId, long? milestoneId, BreakdownAction action, string summary, string by, CancellationToken ct)
    {
        db.BreakdownChanges.Add(Change(workItem, subItemId, milestoneId, action, summary, by));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Breakdown of {WorkItem}: {Action} by {User}", workItem, action, by);
    }
}
