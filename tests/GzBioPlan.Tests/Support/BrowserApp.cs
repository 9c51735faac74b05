using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Support;

/// <summary>The dashboard on a real port, and Debian's chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public AppFactory App { get; } = new();
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public Task<IPage> SignedInPage(string user, string password = "Demo2024!") => SignedInPage(user, new BrowserNewContextOptions(), password);

    /// <summary>A page signed in as <paramref name="user"/>, in a context with these options (a viewport, CSP bypass for axe).</summary>
    public async Task<IPage> SignedInPage(string user, BrowserNewContextOptions options, string password = "Demo2024!")
    {
        options.BaseURL = BaseUrl;
        options.AcceptDownloads = true;
        options.Locale = "zh-CN";
        var context = await _browser!.NewContextAsync(options);
        // Two cores run the HTTP tests beside these: give a page as long as a person would wait under load, not Playwright's 30 s.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        if (user.Length == 0) return page;
        await page.FillAsync("input[name='Input.UserName']", user);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
