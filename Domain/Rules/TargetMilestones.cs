using GzBioPlan.Domain.Periods;

namespace GzBioPlan.Domain.Rules;

/// <summary>里程碑: the dated milestones of a qualitative target (not the breakdown's 节点, see Breakdown).</summary>
public static class TargetMilestoneRule
{
    /// <summary>
    /// A milestone is overdue at a period when its due quarter is already past and it had not been
    /// reached by the end of that period. A milestone due in the period itself is not yet overdue.
    /// </summary>
    public static bool IsOverdue(Period due, Period? completedIn, Period at) =>
        due < at && (completedIn is not { } done || done > at);

    public static bool IsReached(Period? completedIn, Period at) => completedIn is { } done && done <= at;
}
