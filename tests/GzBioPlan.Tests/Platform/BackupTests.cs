using System.Security.Cryptography;
using GzBioPlan.Domain.Persistence;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace GzBioPlan.Tests.Platform;

/// <summary>备份与恢复: a backup restored into an empty database holds every submission, every uploaded file and its hash.</summary>
[Collection(PostgresCollection.Name)]
public class BackupTests(PostgresCluster cluster)
{
    private static async Task UploadOne(AppFactory app)
    {
        var district = await app.DistrictClient("440114");
        var (html, _) = await UploadTests.Upload(district, "2026Q4", Workbooks.Filled(await UploadTests.Template(district, "2026Q4")));
        Assert.Contains("已提交", html);
        await UploadTests.Upload(district, "2026Q4", [1, 2, 3]); // a refused one is kept too
    }

    private record Version(long Id, string Sha256, string ContentHash);

    private static async Task<(int Submissions, List<Version> Versions, int Users)> Contents(AppDbContext db) =>
        (await db.Submissions.CountAsync(),
         (await db.SubmissionVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync())
            .Select(v => new Version(v.Id, v.Sha256, v.Content.Length == 0 ? "" : Convert.ToHexStringLower(SHA256.HashData(v.Content)))).ToList(),
         await db.Users.CountAsync());

    [Fact]
    public async Task A_sqlite_backup_restores_into_an_empty_database_with_every_file_and_hash()
    {
        await using var app = new AppFactory();
        await UploadOne(app);
        var source = Path.Combine(app.Folder, "test.db");
        var file = Path.Combine(app.Folder, "backup", "gzbioplan.bak");
        var (code, output) = await DashboardProcess.RunAsync("backup", file, $"--Database:SqlitePath={source}", $"--Logging:Folder={app.Folder}/logs");
        Assert.True(code == 0, output);
        Assert.Contains("已备份", output);
        Assert.Contains("已存在", (await DashboardProcess.RunAsync("backup", file, $"--Database:SqlitePath={source}", $"--Logging:Folder={app.Folder}/logs")).Output);

        var restored = Path.Combine(app.Folder, "restored", "app.db");
        (code, output) = await DashboardProcess.RunAsync("restore", file, $"--Database:SqlitePath={restored}", $"--Logging:Folder={app.Folder}/logs");
        Assert.True(code == 0, output);
        var expected = app.WithDb(db => Contents(db).GetAwaiter().GetResult());
        await using (var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={restored};Pooling=false").Options))
        {
            var actual = await Contents(db);
            Assert.Equal(expected.Submissions, actual.Submissions);
            Assert.Equal(expected.Versions, actual.Versions);
            Assert.Equal(expected.Users, actual.Users);
            Assert.All(actual.Versions.Where(v => v.ContentHash.Length > 0), v => Assert.Equal(v.Sha256, v.ContentHash));
        }
        (code, output) = await DashboardProcess.RunAsync("restore", file, $"--Database:SqlitePath={restored}", $"--Logging:Folder={app.Folder}/logs");
        Assert.Equal(1, code);
        Assert.Contains("恢复只写入空数据库", output);
    }

    [Fact]
    public async Task A_postgresql_backup_restores_into_an_empty_database_with_every_file_and_hash()
    {
        var sourceName = "backup_src_" + Guid.NewGuid().ToString("N")[..8];
        var sourceDb = cluster.ConnectionString(sourceName);
        await using var app = cluster.App(sourceName);
        await UploadOne(app);
        var file = Path.Combine(app.Folder, "pg.dump");
        var (code, output) = await DashboardProcess.RunAsync("backup", file, "--Database:Provider=PostgreSql", $"--Database:ConnectionString={sourceDb}", $"--Logging:Folder={app.Folder}/logs");
        Assert.True(code == 0, output);

        var targetDb = cluster.ConnectionString("backup_dst_" + Guid.NewGuid().ToString("N")[..8]);
        (code, output) = await DashboardProcess.RunAsync("restore", file, "--Database:Provider=PostgreSql", $"--Database:ConnectionString={targetDb}", $"--Logging:Folder={app.Folder}/logs");
        Assert.True(code == 0, output);
        var expected = app.WithDb(db => Contents(db).GetAwaiter().GetResult());
        await using (var db = new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(targetDb).Options))
        {
            var actual = await Contents(db);
            Assert.Equal(expected.Submissions, actual.Submissions);
            Assert.Equal(expected.Versions, actual.Versions);
            Assert.Equal(expected.Users, actual.Users);
        }
        (code, output) = await DashboardProcess.RunAsync("restore", file, "--Database:Provider=PostgreSql", $"--Database:ConnectionString={targetDb}", $"--Logging:Folder={app.Folder}/logs");
        Assert.Equal(1, code);
        Assert.Contains("恢复只写入空数据库", output);
    }
}
