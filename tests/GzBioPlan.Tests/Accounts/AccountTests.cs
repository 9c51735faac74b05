using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Dashboard.Accounts;
using GzBioPlan.Domain.Accounts;
using GzBioPlan.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Accounts;

/// <summary>Sign-in, throttling, antiforgery and the admin's account actions. Each test makes its own accounts.</summary>
[Collection(SharedAppCollection.Name)]
public class AccountTests(AppFactory app)
{
    private async Task<AppUser> NewUser(string role, string? district = null, string? unit = null, string password = "Passw0rd!")
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "t" + Guid.NewGuid().ToString("N")[..10];
        var result = await AccountSeeder.CreateAsync(users, name, "测试用户", role, district, unit, password, isDemo: false);
        Assert.True(result.Succeeded);
        return (await users.FindByNameAsync(name))!;
    }

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.Antiforgery(await client.GetStringAsync(pageUrl));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Failures_are_throttled_never_locked_and_a_stranger_cannot_hold_an_account()
    {
        var user = await NewUser(Roles.Leader);
        var client = app.Anonymous();
        for (var i = 0; i < SignInThrottle.FreeTries; i++)
            Assert.Contains("用户名或密码不正确", await (await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "wrong-password1"))).Content.ReadAsStringAsync());
        var held = await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "Passw0rd!"));
        Assert.Equal(HttpStatusCode.OK, held.StatusCode); // the form again, not a redirect into the app
        Assert.Contains("登录尝试过于频繁，请 2 秒后再试", await held.Content.ReadAsStringAsync());
        // Nothing is locked in the account: the wait belongs to this address and this name, and passes.
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Id == user.Id) is { AccessFailedCount: 0, LockoutEnd: null }));
        // An unknown name is held the same way, so the answer tells nothing.
        var nobody = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < SignInThrottle.FreeTries; i++) await client.PostAsync("/login", await AppFactory.LoginForm(client, nobody, "wrong-password1"));
        Assert.Contains("登录尝试过于频繁", await (await client.PostAsync("/login", await AppFactory.LoginForm(client, nobody, "wrong-password1"))).Content.ReadAsStringAsync());

        app.Clock.Now = app.Clock.Now.AddSeconds(3);
        await app.SignedIn(user.UserName!, "Passw0rd!");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 2)]
    [InlineData(6, 4)]
    [InlineData(10, 64)]
    [InlineData(20, 900)] // capped at 15 minutes
    public void The_wait_doubles_after_the_free_tries(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SignInThrottle.Backoff(failures));

    [Fact]
    public void One_address_failing_on_a_name_does_not_hold_up_another_address()
    {
        var clock = new FixedClock(FixedClock.Default);
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < 12; i++) throttle.Failed("203.0.113.9", "admin");
        Assert.True(throttle.WaitFor("203.0.113.9", "admin") > TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("10.1.2.3", "admin"));
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("203.0.113.9", "office"));
        clock.Now = clock.Now.Add(SignInThrottle.Forget).AddMinutes(1);
        Assert.Equal(TimeSpan.Zero, throttle.WaitFor("203.0.113.9", "admin"));
    }

    [Fact]
    public async Task A_login_post_without_antiforgery_token_is_refused()
    {
        var user = await NewUser(Roles.Leader);
        var response = await app.Anonymous().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = user.UserName!, ["Input.Password"] = "Passw0rd!",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单已过期", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logout_needs_the_token_and_ends_the_session()
    {
        var client = await app.SignedIn("leader");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/logout", new FormUrlEncodedContent([]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var response = await PostForm(client, "/", "/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_a_district_account_bound_to_its_district()
    {
        var admin = await app.SignedIn("admin");
        var name = "nansha" + Guid.NewGuid().ToString("N")[..6];
        var response = await PostForm(admin, "/admin/users", "/admin/users", new()
        {
            ["_handler"] = "create-user", ["Input.UserName"] = name, ["Input.DisplayName"] = "南沙区工信局",
            ["Input.Role"] = Roles.District, ["Input.District"] = "440115", ["Input.Unit"] = "", ["Input.Password"] = "Nansha2026!",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("已创建账号", await admin.GetStringAsync(response.Headers.Location!.PathAndQuery));

        var district = await app.SignedIn(name, "Nansha2026!");
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/districts/440115")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/districts/440112")).StatusCode);
    }

    [Theory]
    [InlineData("区工信部门", "", "Valid2026!", "区工信部门账号必须选择所属区")]
    [InlineData("市直部门", "", "Valid2026!", "市直部门账号必须选择所属单位")]
    [InlineData("市领导", "", "short1", "密码至少需要 8 位")]
    [InlineData("超级用户", "", "Valid2026!", "请选择有效的角色")]
    public async Task Admin_gets_a_clear_error_and_no_account_is_made(string role, string district, string password, string message)
    {
        var admin = await app.SignedIn("admin");
        var name = "bad" + Guid.NewGuid().ToString("N")[..6];
        var response = await PostForm(admin, "/admin/users", "/admin/users", new()
        {
            ["_handler"] = "create-user", ["Input.UserName"] = name, ["Input.DisplayName"] = "某某",
            ["Input.Role"] = role, ["Input.District"] = district, ["Input.Unit"] = "", ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        Assert.False(app.WithDb(db => db.Users.Any(u => u.UserName == name)));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_revokes_its_tokens_at_the_next_request()
    {
        var user = await NewUser(Roles.Leader);
        var session = await app.SignedIn(user.UserName!, "Passw0rd!");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        string token;
        using (var scope = app.Services.CreateScope())
            token = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "脚本", 30, TestContext.Current.CancellationToken);

        await PostForm(await app.SignedIn("admin"), "/admin/users", $"/admin/users/{user.Id}/disable", []);
        app.Clock.Now = app.Clock.Now.AddSeconds(1); // the test clock stands still; the stamp is checked once any time has passed
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode); // no minute's grace
        app.Clock.Now = FixedClock.Default;
        var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/plan")).StatusCode);
        Assert.True(app.WithDb(db => db.ApiTokens.Single(t => t.UserId == user.Id).RevokedAt is not null));
    }

    [Fact]
    public async Task A_password_reset_revokes_the_users_tokens()
    {
        var user = await NewUser(Roles.Leader);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ApiTokenService>().IssueAsync(user.Id, "脚本", 30, TestContext.Current.CancellationToken);
        var reset = await PostForm(await app.SignedIn("admin"), "/admin/users", $"/admin/users/{user.Id}/reset-password", new() { ["password"] = "NewPassw0rd!" });
        Assert.Contains("done=reset", reset.Headers.Location!.OriginalString);
        Assert.True(app.WithDb(db => db.ApiTokens.Where(t => t.UserId == user.Id).All(t => t.RevokedAt != null)));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_a_copy_of_the_cookie_too()
    {
        var user = await NewUser(Roles.Leader);
        var client = app.Anonymous();
        var signIn = await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "Passw0rd!"));
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("gzbioplan=")).Select(c => c.Split(';')[0]));
        var copy = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        var page = await client.GetStringAsync("/");
        await client.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.Antiforgery(page) }));
        app.Clock.Now = app.Clock.Now.AddSeconds(1);
        Assert.Equal(HttpStatusCode.Redirect, (await copy.GetAsync("/")).StatusCode);
        app.Clock.Now = FixedClock.Default;
    }

    [Fact]
    public async Task A_failed_sign_in_never_writes_the_typed_password_into_the_page()
    {
        var user = await NewUser(Roles.Leader);
        var client = app.Anonymous();
        var html = await (await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "Secret-typed-9"))).Content.ReadAsStringAsync();
        Assert.Contains("用户名或密码不正确", html);
        Assert.DoesNotContain("Secret-typed-9", html);
    }

    [Fact]
    public async Task An_unknown_user_name_gets_the_same_answer_as_a_wrong_password()
    {
        var user = await NewUser(Roles.Leader);
        var client = app.Anonymous();
        static string Answer(string html) => System.Text.RegularExpressions.Regex.Match(html, "role=\"alert\">([^<]*)<").Groups[1].Value;
        var known = Answer(await (await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "wrong-password1"))).Content.ReadAsStringAsync());
        var unknown = Answer(await (await client.PostAsync("/login", await AppFactory.LoginForm(client, "nobody-" + Guid.NewGuid().ToString("N")[..8], "wrong-password1"))).Content.ReadAsStringAsync());
        Assert.NotEmpty(known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task Admin_disables_an_account_and_it_can_no_longer_sign_in_then_enables_it()
    {
        var user = await NewUser(Roles.Leader);
        var admin = await app.SignedIn("admin");
        var disabled = await PostForm(admin, "/admin/users", $"/admin/users/{user.Id}/disable", []);
        Assert.Contains("done=disabled", disabled.Headers.Location!.OriginalString);
        Assert.True(app.WithDb(db => db.Users.Single(u => u.Id == user.Id).Disabled));

        var client = app.Anonymous();
        var attempt = await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "Passw0rd!"));
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("该账号已被管理员停用", await attempt.Content.ReadAsStringAsync());
        var guess = await client.PostAsync("/login", await AppFactory.LoginForm(client, user.UserName!, "wrong-password1"));
        Assert.DoesNotContain("停用", await guess.Content.ReadAsStringAsync()); // told only to whoever knows the password

        await PostForm(admin, "/admin/users", $"/admin/users/{user.Id}/enable", []);
        await app.SignedIn(user.UserName!, "Passw0rd!");
    }

    [Fact]
    public async Task Admin_resets_a_password()
    {
        var user = await NewUser(Roles.Coordination);
        var admin = await app.SignedIn("admin");
        var weak = await PostForm(admin, "/admin/users", $"/admin/users/{user.Id}/reset-password", new() { ["password"] = "abc" });
        Assert.Contains("done=password-weak", weak.Headers.Location!.OriginalString);
        var ok = await PostForm(admin, "/admin/users", $"/admin/users/{user.Id}/reset-password", new() { ["password"] = "NewPass2026!" });
        Assert.Contains("done=reset", ok.Headers.Location!.OriginalString);
        await app.SignedIn(user.UserName!, "NewPass2026!");
    }

    [Fact]
    public async Task A_tampered_admin_form_changes_nothing()
    {
        var user = await NewUser(Roles.Leader);
        var admin = await app.SignedIn("admin");
        var response = await admin.PostAsync($"/admin/users/{user.Id}/disable",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Id == user.Id).Disabled));
    }

    [Fact]
    public async Task Only_an_admin_may_act_on_accounts()
    {
        var user = await NewUser(Roles.Leader);
        var office = await app.SignedIn("office");
        var response = await PostForm(office, "/", $"/admin/users/{user.Id}/disable", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/access-denied", response.Headers.Location!.PathAndQuery);
        Assert.False(app.WithDb(db => db.Users.Single(u => u.Id == user.Id).Disabled));
    }

    [Fact]
    public async Task Admin_rebinds_a_unit_account()
    {
        var user = await NewUser(Roles.Unit, unit: "kjj");
        var admin = await app.SignedIn("admin");
        var bad = await PostForm(admin, "/admin/users", $"/admin/users/{user.Id}/binding", new() { ["unit"] = "nobody" });
        Assert.Contains("done=unit-required", bad.Headers.Location!.OriginalString);
        var ok = await PostForm(admin, "/admin/users", $"/admin/users/{user.Id}/binding", new() { ["unit"] = "fgw" });
        Assert.Contains("done=bound", ok.Headers.Location!.OriginalString);
        Assert.Equal("fgw", app.WithDb(db => db.Users.Single(u => u.Id == user.Id).UnitCode));
        Assert.Matches(new Regex("已更新“t[0-9a-f]+”的绑定"), await admin.GetStringAsync(ok.Headers.Location!.OriginalString));
    }
}
