using System.Text.Json;
using Microsoft.Playwright;

namespace GzBioPlan.Tests.Support;

/// <summary>
/// axe-core (npm, fetched by tests/run.sh into tests/.axe) run in the page: the critical and serious violations,
/// each as "rule: selector". The page's context must bypass the CSP, which (rightly) refuses an injected script.
/// </summary>
public static class Axe
{
    public static string ScriptPath
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GzBioPlan.sln"))) dir = dir.Parent;
            var path = Environment.GetEnvironmentVariable("AXE_CORE_PATH")
                ?? Path.Combine(dir?.FullName ?? ".", "tests", ".axe", "node_modules", "axe-core", "axe.min.js");
            if (!File.Exists(path))
                throw new InvalidOperationException($"axe-core is missing at {path}: run `npm install --prefix tests/.axe axe-core@4.14.1` (tests/run.sh does it when npm is installed; Debian: apt-get install npm).");
            return path;
        }
    }

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var json = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'critical' || v.impact === 'serious')
                .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))
            """);
        return json.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
