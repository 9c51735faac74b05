using System.Net;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Hosting;

/// <summary>One log line per request, with its reference id, except for static assets (at Debug, off by default).</summary>
public class RequestLogTests(AppFactory app) : IClassFixture<AppFactory>
{
    private string Logs()
    {
        var folder = Path.Combine(app.Folder, "logs");
        if (!Directory.Exists(folder)) return "";
        return string.Concat(Directory.GetFiles(folder).Select(f =>
        {
            using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }));
    }

    [Fact]
    public async Task A_page_is_logged_with_its_reference_and_a_static_asset_is_not()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/login")).StatusCode);
        var logs = "";
        for (var i = 0; i < 100 && !logs.Contains("HTTP GET /login responded 200"); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            logs = Logs();
        }
        Assert.Matches(@"HTTP GET /login responded 200 in [\d.]+ ms \(ref [^,]+, user -\)", logs);
        Assert.DoesNotContain("HTTP GET /app.css", logs);
    }
}
