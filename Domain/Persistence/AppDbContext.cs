using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Reporting;
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

        b.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.DistrictCode).HasMaxLength(6);
            e.Property(u => u.UnitCode).HasMaxLength(32);
        });

        b.Entity<PlanDocument>(e =>
        {
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.DocumentNumber).HasMaxLength(64);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Issuer).HasMaxLength(100);
        });
        b.Entity<Unit>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        b.Entity<District>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6);
            e.Property(x => x.Name).HasMaxLength(50);
        });
        b.Entity<KeyArea>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.HasMany(x => x.Leads).WithOne().HasForeignKey(x => x.KeyAreaCode);
        });
        b.Entity<KeyAreaLead>(e =>
        {
            e.HasKey(x => new { x.KeyAreaCode, x.UnitCode });
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitCode);
        });
        b.Entity<WorkItem>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Ignore(x => x.Numbering);
            e.HasMany(x => x.Parts).WithOne().HasForeignKey(x => x.WorkItemCode);
        });
        b.Entity<WorkItemPart>(e =>
        {
            e.Property(x => x.Summary).HasMaxLength(200);
            e.HasIndex(x => new { x.WorkItemCode, x.PartNo }).IsUnique();
            e.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.WorkItemPartId);
        });
        b.Entity<WorkItemPartUnit>(e =>
        {
            e.HasKey(x => new { x.WorkItemPartId, x.UnitCode, x.Role });
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitCode);
        });
        b.Entity<Target>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.IndicatorCode).HasMaxLength(64);
            e.Property(x => x.Comparison).HasMaxLength(8);
            e.Property(x => x.DeliveredByCode).HasMaxLength(32);
            e.HasMany(x => x.TrajectoryPoints).WithOne().HasForeignKey(x => x.TargetCode);
            e.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.TargetCode);
        });
        b.Entity<TrajectoryPoint>(e => e.HasIndex(x => new { x.TargetCode, x.Period }).IsUnique());
        b.Entity<TargetMilestone>(e => e.Property(x => x.Title).HasMaxLength(200));
        b.Entity<Indicator>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.UnitOfMeasure).HasMaxLength(16);
            e.Property(x => x.RosterStatus).HasMaxLength(32);
            e.Property(x => x.RosterCategory).HasMaxLength(32);
        });
        b.Entity<IndicatorValue>(e =>
        {
            e.Property(x => x.IndicatorCode).HasMaxLength(64);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.HasIndex(x => new { x.Period, x.IndicatorCode, x.DistrictCode }).IsUnique();
        });
        b.Entity<RosterEntry>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Status).HasMaxLength(32);
            e.Property(x => x.Category).HasMaxLength(64);
            e.Property(x => x.StableId).HasMaxLength(40);
            e.HasIndex(x => new { x.Period, x.Kind, x.DistrictCode });
        });
        b.Entity<ProgressReport>(e =>
        {
            e.Property(x => x.WorkItemCode).HasMaxLength(32);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Narrative).HasMaxLength(4000);
            e.Property(x => x.NextSteps).HasMaxLength(2000);
            e.Property(x => x.Blockers).HasMaxLength(2000);
            e.Property(x => x.ReportedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Period, x.WorkItemCode });
        });
        b.Entity<SeedVersion>(e =>
        {
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
        });
        b.Entity<DataProtectionKey>(e =>
        {
            e.Property(x => x.FriendlyName).HasMaxLength(200);
        });
        b.Entity<Submission>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.ReturnReason).HasMaxLength(1000);
            e.Property(x => x.AcceptedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Period, x.DistrictCode }).IsUnique();
        });
        b.Entity<SubmissionVersion>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Period, x.DistrictCode, x.No }).IsUnique();
            e.HasIndex(x => x.Sha256);
        });
        b.Entity<SubmissionEvent>(e =>
        {
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => x.SubmissionId);
        });
        b.Entity<DistrictExemption>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.HasIndex(x => new { x.Period, x.DistrictCode }).IsUnique();
        });
        b.Entity<DistrictNarrative>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.WorkItemCode).HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.HasIndex(x => new { x.Period, x.DistrictCode, x.WorkItemCode }).IsUnique();
        });
        b.Entity<ValidationRule>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Left).HasMaxLength(100);
            e.Property(x => x.Right).HasMaxLength(100);
            e.Property(x => x.Message).HasMaxLength(500);
        });
        b.Entity<Notification>(e =>
        {
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.UnitCode).HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(1000);
            e.HasIndex(x => new { x.Kind, x.Period, x.DistrictCode });
        });
        b.Entity<CompletenessSnapshot>(e => e.HasKey(x => x.Period));
        b.Entity<ProgressLock>(e =>
        {
            e.HasKey(x => x.Period);
            e.Property(x => x.LockedBy).HasMaxLength(256);
        });
        b.Entity<SupervisionItem>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(SupervisionRule.TitleMax);
            e.Property(x => x.Requirement).HasMaxLength(SupervisionRule.TextMax);
            e.Property(x => x.AddresseeCode).HasMaxLength(32);
            e.Property(x => x.SourceLink).HasMaxLength(300);
            e.Property(x => x.OpenedBy).HasMaxLength(256);
            e.HasIndex(x => new { x.Status, x.AddresseeCode });
        });
        b.Entity<SupervisionStep>(e =>
        {
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(SupervisionRule.TextMax);
            e.HasIndex(x => x.ItemId);
        });
        b.Entity<TargetJudgement>(e =>
        {
            e.Property(x => x.TargetCode).HasMaxLength(32);
            e.Property(x => x.Rationale).HasMaxLength(Judgements.MaxTextLength);
            e.Property(x => x.AgreedActions).HasMaxLength(Judgements.MaxTextLength);
            e.Property(x => x.By).HasMaxLength(256);
            e.HasIndex(x => new { x.TargetCode, x.Period });
        });
        b.Entity<SubItem>(e =>
        {
            e.Property(x => x.WorkItemCode).HasMaxLength(32);
            e.Property(x => x.Title).HasMaxLength(BreakdownLabels.TitleMax);
            e.Property(x => x.OwnerCode).HasMaxLength(32);
            e.Property(x => x.IndicatorCode).HasMaxLength(64);
            e.HasOne<WorkItem>().WithMany().HasForeignKey(x => x.WorkItemCode);
            e.HasIndex(x => new { x.WorkItemCode, x.Retired });
        });
        b.Entity<Milestone>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(BreakdownLabels.TitleMax);
            e.HasOne<SubItem>().WithMany().HasForeignKey(x => x.SubItemId);
            e.HasIndex(x => x.SubItemId);
        });
        b.Entity<MilestoneReport>(e =>
        {
            e.Property(x => x.ReporterCode).HasMaxLength(32);
            e.Property(x => x.ReportedBy).HasMaxLength(256);
            e.HasOne<Milestone>().WithMany().HasForeignKey(x => x.MilestoneId);
            e.HasIndex(x => new { x.MilestoneId, x.Period });
        });
        b.Entity<BreakdownChange>(e =>
        {
            e.Property(x => x.WorkItemCode).HasMaxLength(32);
            e.Property(x => x.Summary).HasMaxLength(BreakdownLabels.SummaryMax);
            e.Property(x => x.By).HasMaxLength(256);
            e.HasIndex(x => x.WorkItemCode);
        });
        b.Entity<MilestoneCarry>(e =>
        {
            e.HasOne<Milestone>().WithMany().HasForeignKey(x => x.MilestoneId);
            e.HasIndex(x => new { x.MilestoneId, x.Closing });
        });
        b.Entity<BreakdownImport>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(BreakdownLabels.OutcomeMax);
            e.Property(x => x.By).HasMaxLength(256);
        });
        b.Entity<JobRun>(e =>
        {
            e.Property(x => x.Job).HasMaxLength(64);
            e.Property(x => x.Summary).HasMaxLength(2000);
            e.HasIndex(x => new { x.Job, x.Id });
        });
        b.Entity<ApiToken>(e =>
        {
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.HasIndex(x => x.Hash).IsUnique();
        });
    }

    private sealed class PeriodStringConverter() : ValueConverter<Period, string>(p => p.ToString(), s => Period.Parse(s));
}
