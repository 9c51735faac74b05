using System.Net;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Ingest.Jobs;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Platform;

/// <summary>The app on a real PostgreSQL server: migrated at start-up, seeded, the pages, an upload and the job store.</summary>
[Collection(PostgresCollection.Name)]
public class PostgreSqlTests(PostgresCluster cluster)
{
    private AppFactory OnPostgres(string database)
    {
        var app = new AppFactory();
        app.Settings["Database:Provider"] = "PostgreSql";
        app.Settings["Database:ConnectionString"] = cluster.ConnectionString(database);
        return app;
    }

    [Fact]
    public async Task The_app_migrates_seeds_serves_takes_an_upload_and_runs_its_jobs_on_postgresql()
    {
        await using var app = OnPostgres("single_" + Guid.NewGuid().ToString("N")[..8]);
        var leader = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/?period=2026Q3")).StatusCode);
        Assert.Equal(10, app.WithDb(db => db.WorkItems.Count()));

        var district = await Workbooks.DistrictClient(app, "440113");
        var (html, _) = await UploadTests.Upload(district, "2026Q4", Workbooks.Filled(await UploadTests.Template(district, "2026Q4")));
        Assert.Contains("已提交", html);
        Assert.True(app.WithDb(db => db.SubmissionVersions.Any(v => v.DistrictCode == "440113" && v.Period == Period.Parse("2026Q4"))));

        var run = await app.RunJob(QuarterCloseJob.Key);
        Assert.True(run.Succeeded, run.Summary);
    }
}
