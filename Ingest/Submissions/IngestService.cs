using System.Security.Cryptography;
using System.Text.Json;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Tracking;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Rules;
using GzBioPlan.Ingest.Parsing;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Ingest.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GzBioPlan.Ingest.Submissions;

public sealed record UploadRequest(string DistrictCode, Period Period, string FileName, byte[] Content, string UploadedBy, UploadChannel Channel);

/// <summary>What an upload came to. <see cref="Duplicate"/>: the same file was uploaded before; that version's result is returned and nothing is written.</summary>
public sealed record UploadResult(long VersionId, int No, UploadOutcome Outcome, IReadOnlyList<Problem> Problems, bool Duplicate);

/// <summary>
/// A step on a submission refused because of its state. Pages carry only the <see cref="Code"/> in the
/// URL and show the message looked up here, so no text can be injected through a link.
/// </summary>
public sealed class SubmissionStateException(string code) : Exception(Messages[code])
{
    public string Code { get; } = code;

    private static readonly Dictionary<string, string> Messages = new()
    {
        ["no-upload"] = "找不到这次上传。",
        ["no-confirmation-needed"] = "这次上传不需要确认。",
        ["superseded"] = "之后已有新的上传，请以最新上传为准。",
        ["locked"] = "本季度报送已确认锁定，如需更正请联系协调办解锁。",
        ["no-submission"] = "找不到该报送。",
        ["not-submitted"] = "只有“已提交”的报送可以确认或退回。",
        ["not-accepted"] = "只有“已确认”的报送可以解锁。",
        ["reason"] = "请填写原因（不超过 1000 字）。",
        ["not-awaiting-district"] = "只有“待区内审核”的报送可以由区内审核通过或退回。",
        ["own-upload"] = "区内审核须由本区另一个账号完成：上传人不能审核自己上传的版本。请本区审核人登录后审核。",
    };

    public static string? Describe(string? code) => code is not null && Messages.TryGetValue(code, out var m) ? m : null;
}

/// <summary>
/// The one pipeline for web uploads, API uploads and the inbox: check the bytes, read and check every
/// cell, check the rules across cells and quarters, and keep the file with its hash. A rejected upload
/// writes only its own record; the coordination office's accept writes the figures in one transaction.
/// </summary>
public sealed class IngestService(AppDbContext db, TemplateQuery templates, IngestOptions options, TimeProvider clock, ILogger<IngestService> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<UploadResult> UploadAsync(UploadRequest request, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.DistrictCode == request.DistrictCode && s.Period == request.Period, ct);
        // On a locked quarter the lock is the answer, even for a file sent before.
        var same = submission?.Status == SubmissionStatus.Accepted ? null : await db.SubmissionVersions.AsNoTracking()
            .Where(v => v.DistrictCode == request.DistrictCode && v.Period == request.Period && v.Sha256 == sha)
            .OrderByDescending(v => v.No).Select(v => new { v.Id, v.No, v.Outcome, v.ProblemsJson }).FirstOrDefaultAsync(ct);
        if (same is not null)
            return new UploadResult(same.Id, same.No, same.Outcome, Problems(same.ProblemsJson), Duplicate: true);

        // A locked quarter is refused before the file is read at all.
        var (problems, parsed) = submission?.Status == SubmissionStatus.Accepted
            ? ([Problem.File("submission.locked", $"{request.Period.Label}的报送已由协调办确认并锁定，不能再上传。如需更正，请联系协调办解锁。")], null)
            : await CheckAsync(request, ct);

        var outcome = problems.Any(p => p.Severity == Severity.Error) ? UploadOutcome.Rejected
            : problems.Count > 0 ? UploadOutcome.NeedsConfirmation : UploadOutcome.Submitted;
        var now = clock.GetUtcNow();
        var payload = outcome == UploadOutcome.Rejected ? null : JsonSerializer.Serialize(parsed, Json);
        // A web entry is written afresh each time, so its bytes never repeat: the same entries as the latest version are the duplicate.
        if (request.Channel == UploadChannel.WebForm && payload is not null && await db.SubmissionVersions.AsNoTracking()
                .Where(v => v.DistrictCode == request.DistrictCode && v.Period == request.Period && v.No > 0).OrderByDescending(v => v.No)
                .Select(v => new { v.Id, v.No, v.Outcome, v.ProblemsJson, v.PayloadJson }).FirstOrDefaultAsync(ct) is { } latest && latest.PayloadJson == payload)
            return new UploadResult(latest.Id, latest.No, latest.Outcome, Problems(latest.ProblemsJson), Duplicate: true);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only uploads that pass take a number: refused attempts are listed apart and never use one up.
        var no = outcome == UploadOutcome.Rejected ? 0 : 1 + (await db.SubmissionVersions.Where(v => v.DistrictCode == request.DistrictCode && v.Period == request.Period)
            .MaxAsync(v => (int?)v.No, ct) ?? 0);
        var version = new SubmissionVersion
        {
            DistrictCode = request.DistrictCode, Period = request.Period, No = no, FileName = Path.GetFileName(request.FileName),
            Sha256 = sha, Size = request.Content.Length,
            // An oversized file (or one for a locked quarter) is recorded by its hash and size only: keeping it would let anyone fill the database.
            Content = problems.Any(p => p.Code is "file.too-large" or "submission.locked") ? [] : request.Content,
            UploadedBy = request.UploadedBy, UploadedAt = now,
            Channel = request.Channel, Outcome = outcome, ProblemsJson = JsonSerializer.Serialize(problems, Json),
            PayloadJson = payload,
        };
        db.SubmissionVersions.Add(version);
        await db.SaveChangesAsync(ct);
        if (outcome == UploadOutcome.Submitted) await SubmitAsync(submission, version, SubmissionAction.Submitted, request.UploadedBy, ct);
        await tx.CommitAsync(ct);

        logger.LogInformation("Upload {District} {Period} v{No} via {Channel} by {User}: {Outcome} with {ProblemCount} problems",
            request.DistrictCode, request.Period.ToString(), no, request.Channel, request.UploadedBy, outcome, problems.Count);
        return new UploadResult(version.Id, no, outcome, problems, Duplicate: false);
    }

    private async Task<(List<Problem> Problems, ParsedWorkbook? Parsed)> CheckAsync(UploadRequest request, CancellationToken ct)
    {
        if (WorkbookGuard.Check(request.Content, options) is { } refused) return ([refused], null);
        var context = await templates.ParseContextAsync(request.DistrictCode, request.Period, ct)
            ?? throw new ArgumentException($"unknown district {request.DistrictCode}");
        var (parsed, problems) = WorkbookParser.Parse(request.Content, context);
        if (parsed is null || problems.Count > 0) return (problems, parsed);

        var indicators = await db.Indicators.AsNoTracking().ToListAsync(ct);
        var sources = new Dictionary<string, FigureSource>();
        var current = new Dictionary<string, decimal>();
        foreach (var i in parsed.Indicators)
        {
            current[i.Code] = i.Value;
            sources[i.Code] = new FigureSource(indicators.First(x => x.Code == i.Code).Name, i.Sheet, i.Cell);
        }
        foreach (var i in indicators.Where(i => i.Aggregation == Aggregation.DistinctCount))
        {
            var rows = parsed.Rosters.Where(r => r.Kind == i.RosterKind && (i.RosterStatus == null || r.Status == i.RosterStatus)
                && (i.RosterCategory == null || r.Category == i.RosterCategory)).ToList();
            current[i.Code] = AggregationRule.DistinctCount(rows.Select(r => r.Key), true) ?? 0;
            sources[i.Code] = new FigureSource(i.Name, TemplateLayout.Rosters.First(s => s.Kind == i.RosterKind).Name, null);
        }
        var previous = (await IndicatorFigures.DistrictValuesAsync(db, indicators, request.Period.Previous, ct))
            .Where(kv => kv.Key.District == request.DistrictCode).ToDictionary(kv => kv.Key.Indicator, kv => kv.Value);
        if (previous.Count > 0)
        {
            // Roster counts of a quarter that was reported are 0 when the roster was empty.
            foreach (var i in indicators.Where(i => i.Aggregation == Aggregation.DistinctCount)) previous.TryAdd(i.Code, 0);
        }
        var rules = await db.ValidationRules.AsNoTracking().ToListAsync(ct);
        problems.AddRange(RuleEngine.Check(rules, current, previous, sources));
        problems.AddRange(RuleEngine.Outliers(parsed.Indicators.ToDictionary(i => i.Code, i => i.Value), previous, sources, options.OutlierFactor));
        return (problems, parsed);
    }

    /// <summary>The uploader confirms the warnings of their latest upload; it then becomes the submission.</summary>
    public async Task ConfirmAsync(long versionId, string districtCode, string by, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var version = await db.SubmissionVersions.FirstOrDefaultAsync(v => v.Id == versionId && v.DistrictCode == districtCode, ct)
            ?? throw new SubmissionStateException("no-upload");
        if (version.Outcome != UploadOutcome.NeedsConfirmation) throw new SubmissionStateException("no-confirmation-needed");
        var latest = await db.SubmissionVersions.Where(v => v.DistrictCode == districtCode && v.Period == version.Period).MaxAsync(v => v.No, ct);
        if (latest != version.No) throw new SubmissionStateException("superseded");
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.DistrictCode == districtCode && s.Period == version.Period, ct);
        if (submission?.Status == SubmissionStatus.Accepted) throw new SubmissionStateException("locked");
        version.Outcome = UploadOutcome.Submitted;
        await db.SaveChangesAsync(ct);
        await SubmitAsync(submission, version, SubmissionAction.Confirmed, by, ct);
        await tx.CommitAsync(ct);
    }

    private async Task SubmitAsync(Submission? submission, SubmissionVersion version, SubmissionAction action, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (submission is null)
        {
            submission = new Submission { DistrictCode = version.DistrictCode, Period = version.Period };
            db.Submissions.Add(submission);
        }
        var districtReview = await db.Districts.Where(d => d.Code == version.DistrictCode).Select(d => d.RequiresDistrictReview).SingleAsync(ct);
        submission.Status = districtReview ? SubmissionStatus.AwaitingDistrictReview : SubmissionStatus.Submitted;
        // Timeliness counts from when the city first received it: after 区内审核 where the district requires one.
        if (!districtReview) submission.FirstSubmittedAt ??= now;
        submission.CurrentVersionId = version.Id;
        submission.LastSubmittedAt = now;
        await db.SaveChangesAsync(ct);
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = submission.Id, VersionId = version.Id, Action = action, By = by, At = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>确认: the figures of the current version go into the cockpit, in one transaction, and the quarter is locked for the district.</summary>
    public async Task AcceptAsync(long submissionId, string by, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, ct) ?? throw new SubmissionStateException("no-submission");
        if (submission.Status != SubmissionStatus.Submitted) throw new SubmissionStateException("not-submitted");
        var payload = await db.SubmissionVersions.Where(v => v.Id == submission.CurrentVersionId).Select(v => v.PayloadJson).SingleAsync(ct);
        var parsed = JsonSerializer.Deserialize<ParsedWorkbook>(payload!, Json)!;
        var (district, period) = (submission.DistrictCode, submission.Period);

        var codes = parsed.Indicators.Select(i => i.Code).ToList();
        await db.IndicatorValues.Where(v => v.DistrictCode == district && v.Period == period && codes.Contains(v.IndicatorCode)).ExecuteDeleteAsync(ct);
        db.IndicatorValues.AddRange(parsed.Indicators.Select(i => new IndicatorValue { IndicatorCode = i.Code, DistrictCode = district, Period = period, Value = i.Value }));
        await db.RosterEntries.Where(r => r.DistrictCode == district && r.Period == period).ExecuteDeleteAsync(ct);
        db.RosterEntries.AddRange(parsed.Rosters.Select(r => new RosterEntry
        {
            StableId = r.StableId ?? NewStableId(r.Kind, district), Kind = r.Kind, DistrictCode = district, Period = period, Key = r.Key,
            Name = r.Name, Status = r.Status, Category = r.Category, Amount = r.Amount, StartDate = r.StartDate,
        }));
        await db.DistrictNarratives.Where(n => n.DistrictCode == district && n.Period == period).ExecuteDeleteAsync(ct);
        db.DistrictNarratives.AddRange(parsed.Narratives.Select(n => new DistrictNarrative { DistrictCode = district, Period = period, WorkItemCode = n.Key, Text = n.Value }));

        var now = clock.GetUtcNow();
        submission.Status = SubmissionStatus.Accepted;
        submission.AcceptedAt = now;
        submission.AcceptedBy = by;
        submission.ReturnReason = null;
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = submission.Id, VersionId = submission.CurrentVersionId, Action = SubmissionAction.Accepted, By = by, At = now });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Submission {District} {Period} accepted by {User}", district, period.ToString(), by);
    }

    /// <summary>区内审核通过: a second account of the district sends the upload on to the city; the uploader may not approve their own.</summary>
    public async Task DistrictApproveAsync(long submissionId, string districtCode, string by, CancellationToken ct)
    {
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId && s.DistrictCode == districtCode, ct)
            ?? throw new SubmissionStateException("no-submission");
        if (submission.Status != SubmissionStatus.AwaitingDistrictReview) throw new SubmissionStateException("not-awaiting-district");
        var uploader = await db.SubmissionVersions.Where(v => v.Id == submission.CurrentVersionId).Select(v => v.UploadedBy).SingleAsync(ct);
        if (string.Equals(uploader, by, StringComparison.OrdinalIgnoreCase)) throw new SubmissionStateException("own-upload");
        var now = clock.GetUtcNow();
        submission.Status = SubmissionStatus.Submitted;
        submission.FirstSubmittedAt ??= now;
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = submissionId, VersionId = submission.CurrentVersionId, Action = SubmissionAction.DistrictApproved, By = by, At = now });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Submission {District} {Period} approved within the district by {User}", districtCode, submission.Period.ToString(), by);
    }

    /// <summary>区内审核退回: the district's reviewer sends the upload back to the uploader with a reason; the city never saw it.</summary>
    public async Task DistrictReturnAsync(long submissionId, string districtCode, string reason, string by, CancellationToken ct)
    {
        if (!await db.Submissions.AnyAsync(s => s.Id == submissionId && s.DistrictCode == districtCode, ct)) throw new SubmissionStateException("no-submission");
        await ChangeAsync(submissionId, SubmissionStatus.AwaitingDistrictReview, SubmissionStatus.Returned, SubmissionAction.DistrictReturned, reason, by, "not-awaiting-district", ct);
    }

    /// <summary>退回 with a reason the district sees.</summary>
    public Task ReturnAsync(long submissionId, string reason, string by, CancellationToken ct) =>
        ChangeAsync(submissionId, SubmissionStatus.Submitted, SubmissionStatus.Returned, SubmissionAction.Returned, reason, by, "not-submitted", ct);

    /// <summary>Unlocking accepted data is explicit and logged with its reason; the figures stay until a new version is accepted.</summary>
    public Task UnlockAsync(long submissionId, string reason, string by, CancellationToken ct) =>
        ChangeAsync(submissionId, SubmissionStatus.Accepted, SubmissionStatus.Submitted, SubmissionAction.Unlocked, reason, by, "not-accepted", ct);

    private async Task ChangeAsync(long submissionId, SubmissionStatus from, SubmissionStatus to, SubmissionAction action, string reason, string by, string wrongState, CancellationToken ct)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > 1000) throw new SubmissionStateException("reason");
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, ct) ?? throw new SubmissionStateException("no-submission");
        if (submission.Status != from) throw new SubmissionStateException(wrongState);
        submission.Status = to;
        if (action is SubmissionAction.Returned or SubmissionAction.DistrictReturned)
            submission.ReturnReason = action == SubmissionAction.DistrictReturned ? $"区内审核退回：{reason}" : reason;
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = submissionId, VersionId = submission.CurrentVersionId, Action = action, By = by, At = clock.GetUtcNow(), Note = reason });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Submission {District} {Period} {Action} by {User}: {Reason}", submission.DistrictCode, submission.Period.ToString(), action, by, reason);
    }

    public static IReadOnlyList<Problem> Problems(string json) => JsonSerializer.Deserialize<List<Problem>>(json, Json) ?? [];

    private static string NewStableId(RosterKind kind, string district) =>
        $"{kind switch { RosterKind.LeadingFirm => "QY", RosterKind.IndustrialBase => "JD", RosterKind.Platform => "PT", _ => "XM" }}-{district}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
}
