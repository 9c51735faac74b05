using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Progress;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Domain.Notifications;
using GzBioPlan.Domain.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GzBioPlan.Domain.Persistence;

/// <summary>The one model; each database provider has a subclass with its own migrations.</summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<PlanDocument> PlanDocuments => Set<PlanDocument>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<District> Districts => Set<District>();

    public DbSet<Periods.CalendarDay> CalendarDays => Set<Periods.CalendarDay>();

    public DbSet<Accounts.PasswordHistory> PasswordHistories => Set<Accounts.PasswordHistory>();

    public DbSet<Accounts.AuditEntry> AuditEntries => Set<Accounts.AuditEntry>();
    public DbSet<KeyArea> KeyAreas => Set<KeyArea>();
    public DbSet<KeyAreaLead> KeyAreaLeads => Set<KeyAreaLead>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<WorkItemPart> WorkItemParts => Set<WorkItemPart>();
    public DbSet<WorkItemPartUnit> WorkItemPartUnits => Set<WorkItemPartUnit>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TrajectoryPoint> TrajectoryPoints => Set<TrajectoryPoint>();
    public DbSet<TargetMilestone> TargetMilestones => Set<TargetMilestone>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<RosterEntry> RosterEntries => Set<RosterEntry>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<SeedVersion> SeedVersions => Set<SeedVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<SubmissionVersion> SubmissionVersions => Set<SubmissionVersion>();
    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();
    public DbSet<DistrictExemption> DistrictExemptions => Set<DistrictExemption>();
    public DbSet<DistrictNarrative> DistrictNarratives => Set<DistrictNarrative>();
    public DbSet<ValidationRule> ValidationRules => Set<ValidationRule>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<CompletenessSnapshot> CompletenessSnapshots => Set<CompletenessSnapshot>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<TargetJudgement> TargetJudgements => Set<TargetJudgement>();
    public DbSet<SupervisionItem> SupervisionItems => Set<SupervisionItem>();
    public DbSet<ProgressLock> ProgressLocks => Set<ProgressLock>();
    public DbSet<SupervisionStep> SupervisionSteps => Set<SupervisionStep>();
    public DbSet<SubItem> SubItems => Set<SubItem>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<MilestoneReport> MilestoneReports => Set<MilestoneReport>();
    public DbSet<BreakdownChange> BreakdownChanges => Set<BreakdownChange>();
    public DbSet<BreakdownImport> BreakdownImports => Set<BreakdownImport>();
    public DbSet<MilestoneCarry> MilestoneCarries => Set<MilestoneCarry>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();
    public DbSet<Flagship.FlagshipBatch> FlagshipBatches => Set<Flagship.FlagshipBatch>();
    public DbSet<Flagship.Applicant> Applicants => Set<Flagship.Applicant>();
    public DbSet<Flagship.FlagshipApplication> FlagshipApplications => Set<Flagship.FlagshipApplication>();
    public DbSet<Flagship.ApplicationEvent> ApplicationEvents => Set<Flagship.ApplicationEvent>();
    public DbSet<Flagship.ExpertScore> ExpertScores => Set<Flagship.ExpertScore>();
    public DbSet<Briefing.BriefingReport> BriefingReports => Set<Briefing.BriefingReport>();

    /// <summary>
    /// Saves, and when anything versioned changed moves the data version in the same transaction (the caller's if it
    /// opened one): a reader that sees the new version also sees the data, on any node.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangesVersionedData()) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await BumpDataVersionAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return count;
    }

    /// <summary>The data protection key store saves synchronously; its keys are unversioned, but any other write is versioned here too.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangesVersionedData()) return base.SaveChanges(acceptAllChangesOnSuccess);
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
        VersionRow.ExecuteUpdate(NextVersion);
        transaction?.Commit();
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return count;
    }

    /// <summary>For writes that bypass the change tracker (ExecuteUpdate, ExecuteDelete): call it in the same transaction.</summary>
    public Task BumpDataVersionAsync(CancellationToken ct) => VersionRow.ExecuteUpdateAsync(NextVersion, ct);

    private IQueryable<DataVersion> VersionRow => DataVersions.Where(v => v.Id == DataVersion.RowId);

    private static readonly Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<DataVersion>> NextVersion = s => s.SetProperty(v => v.Value, v => v.Value + 1);

    private bool ChangesVersionedData() =>
        ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                                         && !DataVersion.Unversioned.Contains(e.Metadata.ClrType));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<Period>().HaveConversion<PeriodStringConverter>().HaveMaxLength(6);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    private sealed class PeriodStringConverter() : ValueConverter<Period, string>(p => p.ToString(), s => Period.Parse(s));
}
