using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Breakdown;

/// <summary>The breakdown's state at a quarter: every live sub-item with its milestones, rolled up.</summary>
public sealed class BreakdownQuery(AppDbContext db, LightThresholds thresholds)
{
    /// <param name="workItemCode">One work item's breakdown, or every work item's when null.</param>
    public async Task<IReadOnlyList<SubItemState>> RunAsync(Period at, string? workItemCode, CancellationToken ct)
    {
        var subItems = await db.SubItems.AsNoTracking()
            .Where(s => !s.Retired && (workItemCode == null || s.WorkItemCode == workItemCode))
            .OrderBy(s => s.WorkItemCode).ThenBy(s => s.PartNo).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .ToListAsync(ct);
        if (subItems.Count == 0) return [];
        var ids = subItems.Select(s => s.Id).ToList();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => !m.Retired && ids.Contains(m.SubItemId))
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Id).ToListAsync(ct)).ToLookup(m => m.SubItemId);
        var milestoneIds = milestones.SelectMany(g => g).Select(m => m.Id).ToList();
        var reports = (await db.MilestoneReports.AsNoTracking().Where(r => r.Period <= at && milestoneIds.Contains(r.MilestoneId)).ToListAsync(ct))
            .ToLookup(r => r.MilestoneId);
        var carries = (await db.MilestoneCarries.AsNoTracking().Where(c => c.Closing >= at && milestoneIds.Contains(c.MilestoneId)).ToListAsync(ct))
            .ToLookup(c => c.MilestoneId);
        var names = await Parties.NamesAsync(db, ct);

        return subItems.Select(s =>
        {
            var states = milestones[s.Id].Select(m => BreakdownRule.State(m, s.Start, reports[m.Id], carries[m.Id].ToList(), at)).ToList();
            // Before its start quarter a sub-item does not count: adding a breakdown today does not rewrite earlier quarters.
            var (progress, expected, light) = at < s.Start ? (null, null, Light.None) : BreakdownRule.Roll(states, thresholds);
            return new SubItemState(s.Id, s.WorkItemCode, s.PartNo, s.Title, s.OwnerKind, s.OwnerCode, names.GetValueOrDefault(s.OwnerCode, s.OwnerCode),
                s.IndicatorCode, s.IndicatorTarget, s.Weight, s.Start, states, progress, expected, light);
        }).ToList();
    }

}
