using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Periods;
using System.Security.Claims;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Supervision;

public sealed record OpenRequest(string Title, string Requirement, PartyKind Kind, string AddresseeCode, DateOnly DueDate, string? SourceLink,
    SupervisionLevel Level = SupervisionLevel.General, IReadOnlyList<string>? CoHandlers = null);

/// <summary>A row of the ledger (台账): the item, its addressee's name, how near its due date it is, and every step.</summary>
public sealed record LedgerItem(SupervisionItem Item, string Addressee, DueState Due, IReadOnlyList<SupervisionStep> Steps)
{
    /// <summary>The 协办 units' and districts' names, in the order given.</summary>
    public IReadOnlyList<string> CoHandlers { get; init; } = [];

    /// <summary>The steps' authors by account, as people know them (协调办, 市科技局).</summary>
    public IReadOnlyDictionary<string, string> People { get; init; } = new Dictionary<string, string>();

    public string Who(string by) => People.GetValueOrDefault(by, by);
}

/// <summary>督办: opening items, taking steps (each time-stamped into the ledger), and who may see and do what.</summary>
public sealed class SupervisionService(AppDbContext db, TimeProvider clock, ILogger<SupervisionService> logger)
{
    public static bool IsAddressee(ClaimsPrincipal user, SupervisionItem item) =>
        item.AddresseeKind == PartyKind.Unit ? user.IsInRole(Roles.Unit) && user.Unit() == item.AddresseeCode
        : user.IsInRole(Roles.District) && user.District() == item.AddresseeCode;

    /// <summary>A 协办 unit or district of the item.</summary>
    public static bool IsCoHandler(ClaimsPrincipal user, SupervisionItem item) =>
        (user.IsInRole(Roles.Unit) && user.Unit() is { } u && item.CoHandlers.Contains($"{PartyKind.Unit}:{u}"))
        || (user.IsInRole(Roles.District) && user.District() is { } d && item.CoHandlers.Contains($"{PartyKind.District}:{d}"));

    /// <summary>The office, leaders and admins read every item; a unit or district reads those addressed to it or that it supports (协办).</summary>
    public static bool MaySee(ClaimsPrincipal user, SupervisionItem item) =>
        user.Reviews() || user.IsInRole(Roles.Leader) || user.IsInRole(Roles.Admin) || IsAddressee(user, item) || IsCoHandler(user, item);

    public DateOnly Today => BeijingTime.Today(clock);

    /// <returns>The new item's id, or a Chinese message saying what to fix.</returns>
    public async Task<(long? Id, string? Error)> OpenAsync(OpenRequest r, string by, CancellationToken ct)
    {
        var title = r.Title.Trim();
        var requirement = r.Requirement.Trim();
        if (title.Length is 0 or > SupervisionRule.TitleMax) return (null, $"请填写事项名称（不超过 {SupervisionRule.TitleMax} 字）。");
        if (requirement.Length is 0 or > SupervisionRule.TextMax) return (null, $"请填写督办要求（不超过 {SupervisionRule.TextMax} 字）。");
        if (r.DueDate < Today) return (null, "办理期限不能早于今天。");
        var known = r.Kind == PartyKind.Unit
            ? await db.Units.AnyAsync(u => u.Code == r.AddresseeCode && u.Kind == Domain.Plan.UnitKind.Municipal, ct)
            : await db.Districts.AnyAsync(d => d.Code == r.AddresseeCode, ct);
        if (!known) return (null, "请选择承办单位或区。");
        var co = (r.CoHandlers ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct().ToList();
        if (co.Count > 10) return (null, "协办单位最多 10 个。");
        if (co.Contains($"{r.Kind}:{r.AddresseeCode}")) return (null, "承办单位不能同时是协办单位。");
        var parties = await Parties.NamesAsync(db, ct);
        if (co.FirstOrDefault(c => c.Split(':') is not [var k, var code] || k is not (nameof(PartyKind.Unit) or nameof(PartyKind.District)) || !parties.ContainsKey(code)) is { } unknown)
            return (null, $"协办单位“{unknown}”不存在，请从列表中选择。");
        if (!Enum.IsDefined(r.Level)) return (null, "请选择督办级别。");
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = new SupervisionItem
        {
            Title = title, Requirement = requirement, AddresseeKind = r.Kind, AddresseeCode = r.AddresseeCode, DueDate = r.DueDate,
            Status = SupervisionStatus.Opened, SourceLink = Urls.LocalPath(r.SourceLink), Level = r.Level, CoHandlers = co,
            OpenedBy = by, OpenedAt = now,
        };
        db.SupervisionItems.Add(item);
        await db.SaveChangesAsync(ct);
        db.SupervisionSteps.Add(new SupervisionStep { ItemId = item.Id, Action = SupervisionAction.Open, By = by, At = now, Note = requirement });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Supervision item {ItemId} opened by {User} for {Addressee}", item.Id, by, r.AddresseeCode);
        return (item.Id, null);
    }

    /// <summary>Why a step was refused; pages carry the code in the URL and show the message.</summary>
    public static readonly IReadOnlyDictionary<string, string> StepErrors = new Dictionary<string, string>
    {
        ["not-found"] = "找不到该督办事项。",
        ["note-too-long"] = $"说明不能超过 {SupervisionRule.TextMax} 字。",
        ["note-required"] = "请填写说明（进展、办结情况、退回理由或销号意见）。",
        ["not-allowed"] = "该事项当前的状态不允许这一步，或您不是承办方/协调办。请刷新页面查看最新状态。",
    };

    /// <returns>null when done, else a key of <see cref="StepErrors"/>.</returns>
    public async Task<string?> StepAsync(long id, SupervisionAction action, string? note, ClaimsPrincipal user, CancellationToken ct)
    {
        var item = await db.SupervisionItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return "not-found";
        note = note?.Trim();
        if (note is { Length: > SupervisionRule.TextMax }) return "note-too-long";
        // Who may act is told before what the step needs.
        if (SupervisionRule.Next(item.Status, action, user.Reviews(), IsAddressee(user, item)) is not { } next) return "not-allowed";
        if (SupervisionRule.NeedsNote(action) && string.IsNullOrWhiteSpace(note))
            return "note-required";
        item.Status = next;
        db.SupervisionSteps.Add(new SupervisionStep { ItemId = id, Action = action, By = user.Identity!.Name!, At = clock.GetUtcNow(), Note = string.IsNullOrEmpty(note) ? null : note });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Supervision item {ItemId}: {Action} by {User}", id, action, user.Identity!.Name);
        return null;
    }

    public async Task<IReadOnlyList<LedgerItem>> LedgerAsync(ClaimsPrincipal user, SupervisionStatus? status, bool openOnly, CancellationToken ct)
    {
        var items = await db.SupervisionItems.AsNoTracking()
            .Where(i => (status == null || i.Status == status) && (!openOnly || i.Status != SupervisionStatus.Closed))
            .OrderByDescending(i => i.Id).ToListAsync(ct);
        items = items.Where(i => MaySee(user, i)).ToList();
        var ids = items.Select(i => i.Id).ToList();
        var steps = (await db.SupervisionSteps.AsNoTracking().Where(s => ids.Contains(s.ItemId)).OrderBy(s => s.Id).ToListAsync(ct)).ToLookup(s => s.ItemId);
        var names = await Names(ct);
        var people = await PeopleAsync(steps.SelectMany(g => g.Select(x => x.By)), ct);
        return items.Select(i => Entry(i, steps[i.Id].ToList(), names, people)).ToList();
    }

    /// <summary>The display names of the accounts that took steps.</summary>
    public async Task<Dictionary<string, string>> PeopleAsync(IEnumerable<string> userNames, CancellationToken ct)
    {
        var wanted = userNames.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
    }

    /// <summary>An item as the ledger and its own page show it: names, its light today, its steps.</summary>
    public LedgerItem Entry(SupervisionItem item, IReadOnlyList<SupervisionStep> steps, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, string> people) =>
        new(item, names.GetValueOrDefault(item.AddresseeCode, item.AddresseeCode), SupervisionRule.Due(item.DueDate, Today, item.Status), steps)
        {
            CoHandlers = item.CoHandlers.Select(c => c.Split(':') is [_, var code] ? names.GetValueOrDefault(code, code) : c).ToList(),
            People = people,
        };

    /// <summary>Who may add or remove an item's 佐证材料: its addressee, its 协办 and the office, until 销号.</summary>
    public static bool MayAddProofs(ClaimsPrincipal user, SupervisionItem item) =>
        item.Status != SupervisionStatus.Closed && (IsAddressee(user, item) || IsCoHandler(user, item) || user.Reviews());

    public Task<Dictionary<string, string>> Names(CancellationToken ct) => Parties.NamesAsync(db, ct);
}
