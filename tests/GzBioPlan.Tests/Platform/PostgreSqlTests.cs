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
    [Fact]
    public async Task The_app_migrates_seeds_serves_takes_an_upload_and_runs_its_jobs_on_postgresql()
    {
        await using var app = cluster.App("single_" + Guid.NewGuid().ToString("N")[..8]);
        var leader = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/?period=2026Q3")).StatusCode);
        Assert.Equal(10, app.WithDb(db => db.WorkItems.Count()));

        var district = await app.DistrictClient("440113");
        var (html, _) = await UploadTests.Upload(district, "2026Q4", Workbooks.Filled(await UploadTests.Template(district, "2026Q4")));
        Assert.Contains("已提交", html);
        Assert.True(app.WithDb(db => db.SubmissionVersions.Any(v => v.DistrictCode == "440113" && v.Period == Period.Parse("2026Q4"))));

        var run = await app.RunJob(QuarterCloseJob.Key);
        Assert.True(run.Succeeded, run.Summary);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_at_start_up_stops_it_with_one_line_naming_host_and_database()
    {
        var port = PostgresCluster.FreePort(); // nobody listens there
        var folder = Path.Combine(Path.GetTempPath(), $"gzbioplan-pgdown-{Guid.NewGuid():N}");
        var (code, output) = await DashboardProcess.RunAsync("--Database:Provider=PostgreSql",
            $"--Database:ConnectionString=Host=127.0.0.1;Port={port};Username=gz;Database=gz_down;Timeout=3", $"--Logging:Folder={folder}");
        Assert.Equal(1, code);
        Assert.Contains($"无法连接 PostgreSQL 数据库（127.0.0.1:{port}/gz_down）", output);
        Assert.DoesNotContain("   at ", output); // no stack trace
    }

    [Fact]
    public async Task A_server_that_refuses_the_account_stops_start_up_with_the_same_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"gzbioplan-pgrole-{Guid.NewGuid():N}");
        var (code, output) = await DashboardProcess.RunAsync("--Database:Provider=PostgreSql",
            $"--Database:ConnectionString=Host=127.0.0.1;Port={cluster.Port};Username=nobody;Password=wrong;Database=gz_refused;Timeout=5", $"--Logging:Folder={folder}");
        Assert.Equal(1, code);
        Assert.Contains($"无法连接 PostgreSQL 数据库（127.0.0.1:{cluster.Port}/gz_refused）", output);
        Assert.Contains("账号权限", output);
        Assert.DoesNotContain("wrong", output); // never the password
    }

    [Fact]
    public async Task Losing_the_database_mid_use_shows_the_error_page_with_a_reference_and_the_app_recovers_when_it_returns()
    {
        await using var app = cluster.App("outage_" + Guid.NewGuid().ToString("N")[..8]);
        var office = await app.SignedIn("office");
        var exemptions = app.WithDb(db => db.DistrictExemptions.Count());
        var token = AppFactory.Antiforgery(await office.GetStringAsync("/reporting/completeness?period=2027Q3"));
        await cluster.StopAsync();
        try
        {
            var down = await office.GetAsync("/reporting/review?period=2026Q4");
            Assert.Equal(HttpStatusCode.InternalServerError, down.StatusCode);
            Assert.Matches("错误编号：<strong data-ref>[^<]{6,}</strong>", await down.Content.ReadAsStringAsync());
            var write = await office.PostAsync("/reporting/exemptions", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["district"] = "440118", ["period"] = "2027Q3", ["reason"] = "停库期间",
            }));
            Assert.NotEqual(HttpStatusCode.Redirect, write.StatusCode);
        }
        finally
        {
            await cluster.StartAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/reporting/review?period=2026Q4")).StatusCode);
        Assert.Equal(exemptions, app.WithDb(db => db.DistrictExemptions.Count())); // nothing half-written
    }
}
