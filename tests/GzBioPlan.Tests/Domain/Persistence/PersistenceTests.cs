using GzBioPlan.Domain.Breakdown;
using GzBioPlan.Domain.Demo;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Domain.Submissions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GzBioPlan.Tests.Domain.Persistence;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"gzbioplan-{Guid.NewGuid():N}.db");

    private SqliteAppDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={_file}").Options);

    private async Task<SqliteAppDbContext> Migrated()
    {
        var db = Open();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = Open();
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServer_migrations_match_the_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void PostgreSql_migrations_match_the_model()
    {
        using var db = new PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges());
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServer_idempotent_script_is_produced_offline()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF NOT EXISTS", script);
        Assert.Contains("CREATE TABLE [WorkItemPartUnits]", script);
        Assert.Contains("CREATE TABLE [AspNetUsers]", script);
    }

    [Fact]
    public async Task Seeding_twice_never_duplicates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Migrated();
        Assert.True(await PlanSeeder.SeedAsync(db, ct));
        Assert.False(await PlanSeeder.SeedAsync(db, ct));
        // Even when the version record is lost, a re-run only fills in what is missing.
        await db.SeedVersions.ExecuteDeleteAsync(ct);
        Assert.True(await PlanSeeder.SeedAsync(db, ct));
        Assert.Equal(13, await db.Units.CountAsync(ct));
        Assert.Equal(11, await db.Districts.CountAsync(ct));
        Assert.Equal(10, await db.WorkItems.CountAsync(ct));
        Assert.Equal(11, await db.WorkItemParts.CountAsync(ct));
        Assert.Equal(4, await db.Targets.CountAsync(ct));
        Assert.Equal(7, await db.TargetMilestones.CountAsync(ct));
        Assert.Equal(1, await db.PlanDocuments.CountAsync(ct));
    }

    [Fact]
    public async Task An_edit_made_in_the_app_survives_reseeding()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Migrated();
        await PlanSeeder.SeedAsync(db, ct);
        await db.TargetMilestones.Where(m => m.TargetCode == "target-3" && m.SortOrder == 2)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Title, "菌种库建成开放（协调办调整）"), ct);
        await db.SeedVersions.ExecuteDeleteAsync(ct);
        await PlanSeeder.SeedAsync(db, ct);
        Assert.Equal("菌种库建成开放（协调办调整）", await db.TargetMilestones.Where(m => m.TargetCode == "target-3" && m.SortOrder == 2).Select(m => m.Title).SingleAsync(ct));
    }

    [Fact]
    public async Task Demo_data_fills_every_district_and_quarter_up_to_the_last_finished_one_and_is_removed_cleanly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await Migrated();
        await PlanSeeder.SeedAsync(db, ct);
        db.IndicatorValues.Add(new IndicatorValue { IndicatorCode = "bio_firms", DistrictCode = "440103", Period = Period.Parse("2024Q4"), Value = 3 });
        await db.SaveChangesAsync(ct);

        await DemoData.ApplyAsync(db, new DemoOptions { Enabled = true }, new DateOnly(2026, 11, 23), ct);
        var periods = await db.IndicatorValues.Where(v => v.IsDemo).Select(v => v.Period).Distinct().ToListAsync(ct);
        Assert.Equal(Period.Range(Period.First, Period.Parse("2026Q3")), periods.Order());
        Assert.Equal(11, await db.IndicatorValues.Where(v => v.IsDemo).Select(v => v.DistrictCode).Distinct().CountAsync(ct));
        Assert.True(await db.TargetMilestones.AnyAsync(m => m.CompletedByDemo, ct));

        Assert.Equal(5, await db.SubItems.CountAsync(s => s.IsDemo, ct)); // the demo 任务分解 of 三(三) and 三(四)
        var demoMilestone = await db.Milestones.Select(m => m.Id).FirstAsync(ct);
        db.SubItems.Add(new SubItem { WorkItemCode = "task-6", Title = "协调办的分解任务", OwnerCode = "gxj", Start = Period.Parse("2026Q1") });
        db.MilestoneReports.Add(new MilestoneReport { MilestoneId = demoMilestone, Period = Period.Parse("2026Q3"), Percent = 80, ReporterCode = "kjj", ReportedBy = "kjj" });
        await db.SaveChangesAsync(ct);

        await DemoData.ApplyAsync(db, new DemoOptions { Enabled = true }, new DateOnly(2026, 11, 23), ct);
        Assert.Equal(periods.Count * 11 * 6 - 1, await db.IndicatorValues.CountAsync(v => v.IsDemo, ct)); // not added twice, and not over the real value
        Assert.Equal(5, await db.SubItems.CountAsync(s => s.IsDemo, ct));

        await DemoData.ApplyAsync(db, new DemoOptions { Enabled = false }, new DateOnly(2026, 11, 23), ct);
        Assert.False(await DemoData.IsPresentAsync(db, ct));
        Assert.False(await db.RosterEntries.AnyAsync(ct));
        Assert.False(await db.TargetMilestones.AnyAsync(m => m.CompletedIn != null, ct));
        Assert.Equal(1, await db.IndicatorValues.CountAsync(ct)); // what a person entered stays
        // The demo breakdown goes with its milestones and every report on them; the office's own sub-item stays.
        Assert.Equal(["协调办的分解任务"], await db.SubItems.Select(s => s.Title).ToListAsync(ct));
        Assert.False(await db.Milestones.AnyAsync(ct));
        Assert.False(await db.MilestoneReports.AnyAsync(ct));
    }
}
