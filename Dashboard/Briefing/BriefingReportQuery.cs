using System.Security.Claims;
using GzBioPlan.Dashboard.Laggards;
using GzBioPlan.Dashboard.Shared;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Dashboard.Supervision;
using GzBioPlan.Domain.Briefing;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Tracking;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Dashboard.Briefing;

public sealed record ReportVersion(int VersionNo, string SavedBy, DateTimeOffset SavedAt, DateOnly MeetingDate);

/// <summary>情况通报: the quarter's facts for the draft, the saved versions, and saving a new one.</summary>
public sealed class BriefingReportQuery(PlanProgressQuery progress, LaggardQuery laggards, SupervisionService supervision, CompletenessQuery completeness,
    AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string DefaultAddressee = "市生物制造产业发展协调机制各成员单位，各区工业和信息化主管部门：";
    public const string DefaultIssuer = "广州市生物制造产业发展协调机制办公室";

    public static string DefaultTitle(Period p) => $"关于{p.Label}生物制造产业工作方案推进情况的通报";

    public async Task<BriefingFacts> FactsAsync(Period period, ClaimsPrincipal reader, CancellationToken ct)
    {
        var plan = await progress.RunAsync(period, ct);
        var review = await laggards.RunAsync(period, ct);
        var open = await supervision.LedgerAsync(reader, null, openOnly: true, ct);
        var districts = await completeness.DistrictsAsync(period, ct);
        var figures = completeness.Count(period, districts);
        // A target is delivered by a work item (Target.DeliveredByCode): its milestones are answered for by that item's lead units, as in 每季度调度.
        var deliveredBy = await db.Targets.AsNoTracking().Where(t => t.DeliveredByCode != null).ToDictionaryAsync(t => t.Code, t => t.DeliveredByCode!, ct);
        var leads = LaggardQuery.LeadNames(plan.WorkItems);
        var items = plan.WorkItems;
        var reported = items.Where(w => w.Progress is not null).ToList();
        var soon = period.Next.Next;
        return new BriefingFacts(period,
            plan.Targets.Select(t => new TargetFact(t.Name, t.Light, t.Kind == TargetKind.Numeric, t.Actual, t.IndicatorName, t.TargetValue, t.Comparison, t.UnitOfMeasure,
                t.PointsBehind, t.MilestonesReached, t.Milestones.Count, t.Milestones.Where(m => m.Overdue).Select(m => m.Title).ToList(), t.Judgement?.Rating.Label())).ToList(),
            new TaskFacts(items.Count(w => w.Light == Light.Green), items.Count(w => w.Light == Light.Yellow), items.Count(w => w.Light == Light.Red),
                items.Count(w => w.Light == Light.None), reported.Count, reported.Count == 0 ? null : reported.Average(w => w.Progress!.Value),
                items.Count == 0 ? 0 : items.Average(w => w.Expected)),
            // Targets behind are told with their figures under 目标进度; the yellow rows add the rest.
            Laggards(review.Rows.Where(r => r.Light == Light.Red)), Laggards(review.Rows.Where(r => r.Light == Light.Yellow && r.Kind != LaggardKind.Target)),
            open.Select(l => new OpenItemFact(l.Item.Id, l.Item.Title, l.Addressee, l.Item.DueDate, l.Item.Level.Label(), l.Due == DueState.Overdue)).ToList(),
            plan.Targets.SelectMany(t => t.Milestones.Where(m => !m.Reached && m.Due > period && m.Due <= soon)
                .Select(m => new MilestoneFact(t.Name, m.Title, m.Due, LaggardQuery.TargetResponsible(deliveredBy.GetValueOrDefault(t.Code), leads)))).OrderBy(m => m.Due).ToList(),
            new ReportingFacts(figures.Expected, figures.Submitted, figures.Accepted, figures.CompletenessRate, figures.TimelinessRate));
    }

    private static List<LaggardFact> Laggards(IEnumerable<LaggardRow> rows) => rows.Select(r => new LaggardFact(r.KindLabel, r.Item, r.Responsible, r.Gap)).ToList();

    /// <summary>A fresh draft: the latest version's heading lines (or the defaults) with the narrative written from today's data.</summary>
    public async Task<BriefingReport> DraftAsync(Period period, ClaimsPrincipal reader, CancellationToken ct)
    {
        var text = BriefingDraft.Write(await FactsAsync(period, reader, ct));
        var latest = await VersionAsync(period, null, ct);
        return new BriefingReport
        {
            Period = period, Title = latest?.Title ?? DefaultTitle(period), Addressee = latest?.Addressee ?? DefaultAddressee,
            Issuer = latest?.Issuer ?? DefaultIssuer, MeetingDate = latest?.MeetingDate ?? BeijingTime.Today(clock),
            Overview = text.Overview, Progress = text.Progress, Problems = text.Problems, NextSteps = text.NextSteps, SavedBy = "", SavedAt = default,
        };
    }

    /// <summary>A saved version, or the latest when <paramref name="no"/> is null; null when there is none.</summary>
    public Task<BriefingReport?> VersionAsync(Period period, int? no, CancellationToken ct) =>
        db.BriefingReports.AsNoTracking().Where(r => r.Period == period && (no == null || r.VersionNo == no))
            .OrderByDescending(r => r.VersionNo).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<ReportVersion>> VersionsAsync(Period period, CancellationToken ct) =>
        await db.BriefingReports.AsNoTracking().Where(r => r.Period == period).OrderByDescending(r => r.VersionNo)
            .Select(r => new ReportVersion(r.VersionNo, r.SavedBy, r.SavedAt, r.MeetingDate)).ToListAsync(ct);

    /// <summary>Saves the office's text as the quarter's next version, audited.</summary>
    public async Task<int> SaveAsync(BriefingReport report, string by, CancellationToken ct)
    {
        report.VersionNo = (await db.BriefingReports.Where(r => r.Period == report.Period).MaxAsync(r => (int?)r.VersionNo, ct) ?? 0) + 1;
        report.SavedBy = by;
        report.SavedAt = clock.GetUtcNow();
        db.BriefingReports.Add(report);
        await audit.RecordAsync("保存情况通报", $"{report.Period.Label}情况通报", $"第 {report.VersionNo} 版，会议日期 {report.MeetingDate:yyyy-MM-dd}", ct);
        return report.VersionNo;
    }
}
