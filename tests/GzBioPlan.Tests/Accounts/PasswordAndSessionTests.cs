using System.Net;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Accounts;

/// <summary>等保 2.0: the password rule and its history, changing one's own password, the idle timeout, Secure cookies behind a proxy.</summary>
public class PasswordAndSessionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("Ab1!", "至少需要 8 位")]
    [InlineData("abcdefgh1", "至少三种")]
    [InlineData("ABCDEFGH", "至少三种")]
    [InlineData("zhang2026!", "不能包含用户名")]
    [InlineData("Zhuren2026", null)]
    [InlineData("九个汉字的密码abc1!", null)]
    public void The_rule_wants_length_three_kinds_and_no_user_name(string password, string? problem)
    {
        var found = PasswordRule.Problem(password, "ZHANG");
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    private async Task<AppUser> NewUser(string password = "Start2026!")
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "p" + Guid.NewGuid().ToString("N")[..10];
        Assert.True((await AccountSeeder.CreateAsync(users, name, "测试用户", Roles.Leader, null, null, password, isDemo: false)).Succeeded);
        return (await users.FindByNameAsync(name))!;
    }

    private static async Task<string> Change(HttpClient client, string current, string next, string? confirm = null)
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync("/account/password"));
        var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password", ["__RequestVerificationToken"] = token,
            ["Input.Current"] = current, ["Input.New"] = next, ["Input.Confirm"] = confirm ?? next,
        }));
        return response.StatusCode == HttpStatusCode.Redirect ? response.Headers.Location!.OriginalString : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_user_changes_their_password_the_old_ones_cannot_come_back_and_other_sessions_end()
    {
        var user = await NewUser();
        var client = await app.SignedIn(user.UserName!, "Start2026!");
        var other = await app.SignedIn(user.UserName!, "Start2026!");

        Assert.Contains("密码不正确", await Change(client, "Wrong2026!", "Second2026!"));
        Assert.Contains("至少三种", await Change(client, "Start2026!", "onlylowercase"));
        Assert.Contains("两次输入的新密码不一致", await Change(client, "Start2026!", "Second2026!", "Second2026?"));
        Assert.Contains("最近 5 次", await Change(client, "Start2026!", "Start2026!"));
        Assert.EndsWith("done=true", await Change(client, "Start2026!", "Second2026!"));
        Assert.DoesNotContain("Second2026!", await client.GetStringAsync("/account/password")); // never written back
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // this session goes on
        app.Clock.Now = app.Clock.Now.AddSeconds(1);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/")).StatusCode); // the other one ended

        Assert.EndsWith("done=true", await Change(client, "Second2026!", "Third2026!"));
        Assert.Contains("最近 5 次", await Change(client, "Third2026!", "Start2026!")); // two changes ago

        var admin = await app.SignedIn("admin");
        var token = AppFactory.Antiforgery(await admin.GetStringAsync("/admin/users"));
        var reset = await admin.PostAsync($"/admin/users/{user.Id}/reset-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["password"] = "Second2026!",
        }));
        Assert.Contains("done=password-reused", reset.Headers.Location!.OriginalString);
        await app.SignedIn(user.UserName!, "Third2026!");
    }

    [Fact]
    public async Task A_session_left_idle_for_the_timeout_ends_and_one_in_use_goes_on()
    {
        await using var own = new AppFactory();
        var busy = await own.SignedIn("leader");
        var idle = await own.SignedIn("leader");
        own.Clock.Now = own.Clock.Now.AddMinutes(20);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        own.Clock.Now = own.Clock.Now.AddMinutes(20);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode); // renewed by its use 20 minutes ago
        var expired = await idle.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode); // 40 minutes without a request
        Assert.StartsWith("/login", expired.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Cookies_are_secure_when_a_trusted_proxy_says_the_client_used_https()
    {
        var plain = app.Anonymous();
        var overHttp = await plain.GetAsync("/login");
        Assert.DoesNotContain(overHttp.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // Requests arrive from 127.0.0.1 here, as from a reverse proxy on the same machine (trusted by default).
        using var behindProxy = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new FromAddress(IPAddress.Loopback))));
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/login");
        proxied.Headers.Add("X-Forwarded-Proto", "https");
        proxied.Headers.Add("X-Forwarded-For", "198.51.100.7");
        var overHttps = await behindProxy.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(proxied);
        Assert.NotEmpty(overHttps.Headers.GetValues("Set-Cookie"));
        Assert.All(overHttps.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        // From anywhere else the header is not believed.
        using var elsewhere = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter>(_ => new FromAddress(IPAddress.Parse("203.0.113.5")))));
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/login");
        forged.Headers.Add("X-Forwarded-Proto", "https");
        var answer = await elsewhere.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(forged);
        Assert.DoesNotContain(answer.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Makes the test server's requests come from an address (it gives them none).</summary>
    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(builder);
        };
    }
}
