using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Domain.Submissions;

public enum Timeliness
{
    Missing = 0,
    OnTime = 1,
    Late = 2,
    Exempt = 3,
}

public sealed record DistrictReport(string DistrictCode, string DistrictName, bool Expected, string? ExemptReason,
    long? SubmissionId, SubmissionStatus? Status, int? Version, DateTimeOffset? FirstSubmittedAt, Timeliness Timeliness, string? ReturnReason);

/// <summary>
/// Whether a quarter's figures are final: its reporting is done (deadline passed or every expected district accepted),
/// it is still being reported (<see cref="Accepted"/> of <see cref="Expected"/> districts so far), or it has not ended.
/// </summary>
public sealed record ReportingState(Period Period, bool Done, bool Ended, int Accepted, int Expected, DateOnly Deadline)
{
    public bool Provisional => !Done;

    /// <summary>What the page says of a quarter whose figures are not final; null when they are.</summary>
    public string? Note => Done ? null
        : !Ended ? $"本季度尚未结束：{Period.Label}的数字为临时数，报送截止 {Deadline:yyyy年M月d日}。"
        : $"报送中：已确认 {Accepted}/{Expected} 区，截止 {Deadline:yyyy年M月d日}；本季度数字为临时数。";
}

/// <summary>DHIS2's completeness and timeliness: exempt districts are not expected; on time is within N days of the quarter's end.</summary>
public sealed record CompletenessFigures(Period Period, DateOnly Deadline, int Expected, int Submitted, int Accepted, int OnTime, int Late, int Missing, bool Frozen)
{
    public decimal? CompletenessRate => Expected == 0 ? null : Math.Round(Submitted * 100m / Expected, 1);
    public decimal? TimelinessRate => Expected == 0 ? null : Math.Round(OnTime * 100m / Expected, 1);
}

/// <summary>One district in one quarter of the completeness matrix: where its report stands, its version, on time or how many days late.</summary>
public sealed record MatrixCell(bool Expected, SubmissionStatus? Status, int? Version, Timeliness Timeliness, int? DaysLate);

/// <summary>District × quarter: DHIS2's reporting-rate grid, quarters oldest first.</summary>
public sealed record CompletenessMatrix(IReadOnlyList<Period> Periods, IReadOnlyList<(string Code, string Name)> Districts,
    IReadOnlyDictionary<(string District, Period Period), MatrixCell> Cells, IReadOnlyDictionary<Period, DateOnly> Deadlines);

public sealed class CompletenessQuery(AppDbContext db, ReportingCalendar calendar)
{
    /// <summary>
    /// Days past the deadline: for a late report, from the deadline to the day it first came in; for one still missing,
    /// to today. Null when on time, not yet due, or not expected.
    /// </summary>
    public static int? DaysLate(DateTimeOffset? firstSubmitted, DateOnly deadline, DateOnly today, bool expected)
    {
        if (!expected) return null;
        var day = firstSubmitted is { } at ? BeijingTime.DateOf(at) : today;
        return day > deadline ? day.DayNumber - deadline.DayNumber : null;
    }

    /// <summary>Every district in every quarter from <paramref name="from"/> to <paramref name="to"/>, in three queries.</summary>
    public async Task<CompletenessMatrix> MatrixAsync(Period from, Period to, DateOnly today, CancellationToken ct)
    {
        var periods = Period.Range(from, to).ToList();
        var districts = (await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).Select(d => new { d.Code, d.Name }).ToListAsync(ct))
            .Select(d => (d.Code, d.Name)).ToList();
        var exempt = (await db.DistrictExemptions.AsNoTracking().Where(e => e.Period >= from && e.Period <= to).Select(e => new { e.DistrictCode, e.Period }).ToListAsync(ct))
            .Select(e => (e.DistrictCode, e.Period)).ToHashSet();
        var submissions = (await db.Submissions.AsNoTracking().Where(s => s.Period >= from && s.Period <= to)
                .Join(db.SubmissionVersions, s => s.CurrentVersionId, v => v.Id, (s, v) => new { s.DistrictCode, s.Period, s.Status, v.No, s.FirstSubmittedAt })
                .ToListAsync(ct))
            .ToDictionary(s => (s.DistrictCode, s.Period));
        var cells = new Dictionary<(string, Period), MatrixCell>();
        foreach (var p in periods)
        foreach (var (code, _) in districts)
        {
            var expected = !exempt.Contains((code, p));
            var s = submissions.GetValueOrDefault((code, p));
            cells[(code, p)] = new MatrixCell(expected, s?.Status, s?.No, Judge(s?.FirstSubmittedAt, DeadlineEnd(p), expected),
                DaysLate(s?.FirstSubmittedAt, Deadline(p), today, expected));
        }
        return new CompletenessMatrix(periods, districts, cells, periods.ToDictionary(p => p, Deadline));
    }

    public DateOnly Deadline(Period period) => calendar.Deadline(period);

    public DateTimeOffset DeadlineEnd(Period period) => calendar.DeadlineEnd(period);

    /// <summary>The last quarter whose reporting is done on <paramref name="today"/> (<see cref="ReportingCalendar.LastDone"/>), asking whether every district expected has been accepted.</summary>
    public async Task<Period> LastDoneAsync(DateOnly today, CancellationToken ct)
    {
        var finished = Period.LastFinished(today);
        if (today > calendar.Deadline(finished)) return finished;
        var figures = await FiguresAsync(finished, ct);
        return calendar.LastDone(today, figures.Expected > 0 && figures.Accepted == figures.Expected);
    }

    /// <summary>Whether <paramref name="period"/>'s figures are final on <paramref name="today"/>, and if not how far its reporting has got.</summary>
    public async Task<ReportingState> StateAsync(Period period, DateOnly today, CancellationToken ct)
    {
        var done = period <= await LastDoneAsync(today, ct);
        var figures = done ? null : await FiguresAsync(period, ct);
        return new ReportingState(period, done, period.End < today, figures?.Accepted ?? 0, figures?.Expected ?? 0, calendar.Deadline(period));
    }

    /// <summary>The quarter now being reported: the first whose reporting is not done.</summary>
    public async Task<Period> BeingReportedAsync(DateOnly today, CancellationToken ct) => (await LastDoneAsync(today, ct)).Next;

    /// <summary>Whether the city still waits for this district: nothing sent, sent back, or held for 区内审核 (what 催报 and the reminders chase).</summary>
    public static bool Awaited(SubmissionStatus? status) => status is null or SubmissionStatus.Returned or SubmissionStatus.AwaitingDistrictReview;

    public static Timeliness Judge(DateTimeOffset? firstSubmitted, DateTimeOffset deadlineEnd, bool expected) =>
        !expected ? Timeliness.Exempt
        : firstSubmitted is not { } at ? Timeliness.Missing
        : at < deadlineEnd ? Timeliness.OnTime : Timeliness.Late;

    public async Task<IReadOnlyList<DistrictReport>> DistrictsAsync(Period period, CancellationToken ct)
    {
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ToListAsync(ct);
        var exempt = await db.DistrictExemptions.AsNoTracking().Where(e => e.Period == period).ToDictionaryAsync(e => e.DistrictCode, e => e.Reason, ct);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.Period == period)
            .Join(db.SubmissionVersions, s => s.CurrentVersionId, v => v.Id, (s, v) => new { s.Id, s.DistrictCode, s.Status, v.No, s.FirstSubmittedAt, s.ReturnReason })
            .ToDictionaryAsync(s => s.DistrictCode, ct);
        var end = DeadlineEnd(period);
        return districts.Select(d =>
        {
            var s = submissions.GetValueOrDefault(d.Code);
            var expected = !exempt.ContainsKey(d.Code);
            return new DistrictReport(d.Code, d.Name, expected, exempt.GetValueOrDefault(d.Code), s?.Id, s?.Status, s?.No, s?.FirstSubmittedAt,
                Judge(s?.FirstSubmittedAt, end, expected), s?.ReturnReason);
        }).ToList();
    }

    public async Task<CompletenessFigures> FiguresAsync(Period period, CancellationToken ct)
    {
        if (await db.CompletenessSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Period == period, ct) is { } frozen)
            return new(period, Deadline(period), frozen.Expected, frozen.Submitted, frozen.Accepted, frozen.OnTime, frozen.Late, frozen.Missing, true);
        return Count(period, await DistrictsAsync(period, ct));
    }

    /// <summary>The figures of every quarter of the plan up to <paramref name="to"/>, oldest first (the page's table and its export).</summary>
    public async Task<List<CompletenessFigures>> HistoryAsync(Period to, CancellationToken ct)
    {
        var figures = new List<CompletenessFigures>();
        foreach (var q in Period.Range(Period.First, to)) figures.Add(await FiguresAsync(q, ct));
        return figures;
    }

    public CompletenessFigures Count(Period period, IReadOnlyList<DistrictReport> rows)
    {
        var expected = rows.Where(r => r.Expected).ToList();
        return new(period, Deadline(period), expected.Count,
            expected.Count(r => r.Status is not (null or SubmissionStatus.AwaitingDistrictReview)), expected.Count(r => r.Status == SubmissionStatus.Accepted),
            expected.Count(r => r.Timeliness == Timeliness.OnTime), expected.Count(r => r.Timeliness == Timeliness.Late),
            expected.Count(r => r.Timeliness == Timeliness.Missing), false);
    }

    /// <summary>A matrix cell as the page and the export both write it.</summary>
    public static string CellLabel(MatrixCell c) =>
        !c.Expected ? "免报"
        : string.Join(" · ", new[]
        {
            Label(c.Status), c.Version is { } v ? $"第 {v} 版" : null,
            c.Timeliness == Timeliness.OnTime ? "按时" : c.DaysLate is { } d ? $"逾期 {d} 天" : null,
        }.OfType<string>());

    public static string Label(Timeliness t) => t switch
    {
        Timeliness.OnTime => "按时",
        Timeliness.Late => "逾期",
        Timeliness.Exempt => "免报",
        _ => "未报",
    };

    public static string Label(SubmissionStatus? s) => s switch
    {
        SubmissionStatus.Submitted => "已提交",
        SubmissionStatus.Returned => "已退回",
        SubmissionStatus.Accepted => "已确认",
        SubmissionStatus.AwaitingDistrictReview => "待区内审核",
        _ => "未提交",
    };
}
