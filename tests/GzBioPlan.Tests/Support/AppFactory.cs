using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Support;

/// <summary>A clock fixed on the day the tests were written, so demo data and "now" are the same on every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// A day in April 2026, while 2026Q1 is being reported: tests that break tasks down with sub-items starting in
    /// 2026Q1 run on it (demo data is seeded on <see cref="Default"/> first), since a quarter whose reporting is done
    /// takes no new start or due quarter.
    /// </summary>
    public static readonly DateTimeOffset While2026Q1IsReported = new(2026, 4, 10, 10, 0, 0, TimeSpan.FromHours(8));

    /// <summary>10:00 Beijing time on the day written <c>2026-10-15</c>.</summary>
    public static DateTimeOffset On(string date) => new(DateTime.Parse(date, global::System.Globalization.CultureInfo.InvariantCulture).AddHours(10), TimeSpan.FromHours(8));

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
}

/// <summary>The dashboard on its own SQLite file in a temp folder, with demo data and demo accounts.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    /// <summary>Where the database, logs and files live. Two factories given the same folder share one database: a restart.</summary>
    public string Folder { get; init; } = Path.Combine(Path.GetTempPath(), "gzbioplan-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra settings for one test's app (an inbox folder, a webhook).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Keep the folder on dispose, for a second factory to reopen.</summary>
    public bool KeepFolder { get; set; }

    protected virtual bool Demo => true;

    public FixedClock Clock { get; } = new(FixedClock.Default);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(Folder);
        builder.UseEnvironment("Testing");
        // Package assets (Radzen's script and styles) are served from the NuGet cache only when asked outside Development.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:SqlitePath", Path.Combine(Folder, "test.db"));
        builder.UseSetting("Demo:Enabled", Demo ? "true" : "false");
        builder.UseSetting("Logging:Folder", Path.Combine(Folder, "logs"));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Starts the app (seeding demo data on the default day) and then sets the clock to <paramref name="day"/>.</summary>
    public AppFactory UsedOn(DateTimeOffset day)
    {
        _ = Services;
        Clock.Now = day;
        return this;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client signed in through the real login form.</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = "Demo2024!")
    {
        var client = Anonymous();
        var response = await client.PostAsync("/login", await LoginForm(client, userName, password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A district office account for any district, created on first use (a second one of the same district by <paramref name="name"/>).</summary>
    public async Task<HttpClient> DistrictClient(string district, string? name = null) =>
        await SignedIn(await DistrictAccount(district, name), DistrictPassword);

    public const string DistrictPassword = "District2026!";

    /// <summary>Creates a district office account on first use and gives its user name (password <see cref="DistrictPassword"/>).</summary>
    public async Task<string> DistrictAccount(string district, string? name = null)
    {
        name ??= "district" + district;
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(name) is null)
            await AccountSeeder.CreateAsync(users, name, $"{district}工信部门", Roles.District, district, null, DistrictPassword, isDemo: false);
        return name;
    }

    public static async Task<FormUrlEncodedContent> LoginForm(HttpClient client, string userName, string password)
    {
        var token = Antiforgery(await client.GetStringAsync("/login"));
        return new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = password,
        });
    }

    public static string Antiforgery(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);

    /// <summary>Runs a scheduled job now, through the scheduler, and waits for its recorded run.</summary>
    public async Task<GzBioPlan.Domain.Jobs.JobRun> RunJob(Quartz.JobKey key)
    {
        var before = WithDb(db => db.JobRuns.Count(r => r.Job == key.Name));
        var scheduler = await Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(key);
        for (var i = 0; i < 200; i++)
        {
            var runs = WithDb(db => db.JobRuns.Where(r => r.Job == key.Name).OrderBy(r => r.Id).ToList());
            if (runs.Count > before) return runs[^1];
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {key.Name} did not run");
    }

    public T WithDb<T>(Func<AppDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (KeepFolder) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}

/// <summary>One shared app for tests that only read.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<AppFactory>
{
    public const string Name = "shared app";
}

public static class Repo
{
    /// <summary>The repository root (where GzBioPlan.sln is).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared beside the repository: the seeds and product docs.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GzBioPlan.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
