using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Breakdown;

/// <summary>What the breakdown's state at any quarter up to the one it was read for is computed from.</summary>
public sealed record BreakdownData(IReadOnlyList<SubItem> SubItems, ILookup<long, Milestone> Milestones, ILookup<long, MilestoneReport> Reports,
    ILookup<long, MilestoneCarry> Carries, IReadOnlyDictionary<string, string> Names);

/// <summary>The breakdown's state at a quarter: every live sub-item with its milestones, rolled up.</summary>
public sealed class BreakdownQuery(AppDbContext db, LightThresholds thresholds)
{
    /// <param name="workItemCode">One work item's breakdown, or every work item's when null.</param>
    public async Task<IReadOnlyList<SubItemState>> RunAsync(Period at, string? workItemCode, CancellationToken ct) =>
        StateAt(await ReadAsync(at, workItemCode, ct), at);

    /// <summary>One read for every quarter up to <paramref name="upTo"/>: the milestone reports up to it and every carry.</summary>
    public async Task<BreakdownData> ReadAsync(Period upTo, string? workItemCode, CancellationToken ct)
    {
        var subItems = await db.SubItems.AsNoTracking()
            .Where(s => !s.Retired && (workItemCode == null || s.WorkItemCode == workItemCode))
            .OrderBy(s => s.WorkItemCode).ThenBy(s => s.PartNo).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .ToListAsync(ct);
        if (subItems.Count == 0) return new BreakdownData([], Empty<Milestone>(), Empty<MilestoneReport>(), Empty<MilestoneCarry>(), new Dictionary<string, string>());
        var ids = subItems.Select(s => s.Id).ToList();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => !m.Retired && ids.Contains(m.SubItemId))
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct)).ToLookup(m => m.SubItemId);
        var milestoneIds = milestones.SelectMany(g => g).Select(m => m.Id).ToList();
        var reports = (await db.MilestoneReports.AsNoTracking().Where(r => r.Period <= upTo && milestoneIds.Contains(r.MilestoneId)).ToListAsync(ct))
            .ToLookup(r => r.MilestoneId);
        var carries = (await db.MilestoneCarries.AsNoTracking().Where(c => milestoneIds.Contains(c.MilestoneId)).ToListAsync(ct))
            .ToLookup(c => c.MilestoneId);
        return new BreakdownData(subItems, milestones, reports, carries, await Parties.NamesAsync(db, ct));
    }

    public IReadOnlyList<SubItemState> StateAt(BreakdownData data, Period at) =>
        data.SubItems.Select(s =>
        {
            var states = data.Milestones[s.Id]
                .Select(m => BreakdownRule.State(m, s.Start, data.Reports[m.Id].Where(r => r.Period <= at), data.Carries[m.Id].Where(c => c.Closing >= at).ToList(), at))
                .ToList();
            // Before its start quarter a sub-item does not count: adding a breakdown today does not rewrite earlier quarters.
            var (progress, expected, light) = at < s.Start ? (null, null, Light.None) : BreakdownRule.Roll(states, thresholds);
            return new SubItemState(s.Id, s.WorkItemCode, s.PartNo, s.Title, s.OwnerKind, s.OwnerCode, data.Names.GetValueOrDefault(s.OwnerCode, s.OwnerCode),
                s.IndicatorCode, s.IndicatorTarget, s.Weight, s.Start, states, progress, expected, light);
        }).ToList();

    private static ILookup<long, T> Empty<T>() => Array.Empty<(long, T)>().ToLookup(x => x.Item1, x => x.Item2);
}
