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
