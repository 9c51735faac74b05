using System.Text.RegularExpressions;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Tests.Ingest;
using GzBioPlan.Tests.Support;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Submissions;

/// <summary>The reviewer sees each figure beside the last accepted quarter and the rosters as differences.</summary>
public class ComparisonTests
{
    private static RosterFields Firm(string key, string name, string status = "培育对象", string? category = "生物医药") =>
        new(RosterKind.LeadingFirm, key, name, status, category, null, null);

    [Fact]
    public void Rosters_are_compared_row_by_row_by_key()
    {
        var before = new[] { Firm("A", "甲公司"), Firm("B", "乙公司"), Firm("C", "丙公司") };
        var after = new[] { Firm("A", "甲公司"), Firm("B", "乙股份公司", "已认定"), Firm("D", "丁公司") };
        var changes = RosterDiff.Compare(before, after);
        Assert.Equal([("D", RosterChangeKind.Added), ("C", RosterChangeKind.Removed), ("B", RosterChangeKind.Changed)],
            changes.Select(c => (c.Key, c.Change)).OrderBy(c => c.Change == RosterChangeKind.Changed).ThenBy(c => c.Key == "C"));
        Assert.Equal(["名称：乙公司 → 乙股份公司", "状态：培育对象 → 已认定"], changes.Single(c => c.Key == "B").Fields);
        Assert.Empty(RosterDiff.Compare(before, before));
        Assert.Equal(["类别：（空） → 生物材料"], RosterDiff.Compare([Firm("A", "甲", category: null)], [Firm("A", "甲", category: "生物材料")]).Single().Fields);
    }

    [Theory]
    [InlineData(120, 100, 20, 20.0)]
    [InlineData(80, 100, -20, -20.0)]
    [InlineData(5, 0, 5, null)] // no percentage from zero
    public void Change_and_percent(decimal now, decimal before, decimal change, double? percent)
    {
        var f = new FigureChange("x", "x", now, before, false);
        Assert.Equal(change, f.Change);
        Assert.Equal(percent is null ? null : (decimal)percent.Value, f.Percent);
    }

    [Fact]
    public async Task The_review_page_puts_last_accepted_quarter_beside_and_lists_roster_changes()
    {
        await using var app = new AppFactory();
        var huangpu = await app.SignedIn("huangpu");
        var template = await UploadTests.Template(huangpu, "2026Q4");
        var firms = WorkbookReader.Read(template)["创新引领型企业"];
        var firstKey = (string)firms[2][2]!;
        var newKey = "91440112MA5CT0RN0" + GzBioPlan.Domain.Rules.Uscc.CheckCharacter("91440112MA5CT0RN0");
        var filled = Workbooks.Filled(template,
            new Edit("创新引领型企业", "D3", (string)firms[2][3]! == "生物材料" ? "生物医药" : "生物材料"),
            new Edit("创新引领型企业", "B7", "广州比较测试生物科技有限公司"), new Edit("创新引领型企业", "C7", newKey),
            new Edit("创新引领型企业", "D7", "生物材料"), new Edit("创新引领型企业", "E7", "培育对象"));
        var (html, url) = await UploadTests.Upload(huangpu, "2026Q4", filled);
        Assert.DoesNotContain("data-result=\"rejected\"", html);
        if (html.Contains("data-result=\"needs-confirmation\""))
            await Confirm(huangpu, url);
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == "440112" && s.Period == GzBioPlan.Domain.Periods.Period.Parse("2026Q4")).Id);

        var page = await (await app.SignedIn("office")).GetStringAsync($"/reporting/submissions/{id}");
        Assert.Contains("与上次确认的2026年第3季度比较", page);
        Assert.Matches(new Regex("data-indicator=\"bio_firms\"[^>]*>\\s*<td>[^<]+</td><td class=\"num\">[\\d,.]+</td><td class=\"num\">97</td>"), page);
        Assert.Matches(new Regex($"data-change=\"Added\" data-key=\"{newKey}\""), page);
        Assert.Matches(new Regex($"data-change=\"Changed\" data-key=\"{firstKey}\">[\\s\\S]*?类别："), page);
    }

    private static async Task Confirm(HttpClient client, string versionUrl)
    {
        var token = AppFactory.Antiforgery(await client.GetStringAsync(versionUrl));
        await client.PostAsync($"{versionUrl}/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }
}
