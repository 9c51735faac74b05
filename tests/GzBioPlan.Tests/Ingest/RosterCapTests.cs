using GzBioPlan.Tests.Support;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Ingest;

/// <summary>The roster cap counts the rows a district filled, not the template's 200 formatted open rows.</summary>
public class RosterCapTests
{
    private static Edit[] Firms(int count) => Enumerable.Range(0, count).SelectMany(i => new[]
    {
        new Edit("创新引领型企业", $"B{3 + i}", $"广州测试生物科技有限公司{i}"), new Edit("创新引领型企业", $"C{3 + i}", Uscc(i)),
        new Edit("创新引领型企业", $"D{3 + i}", "生物材料"), new Edit("创新引领型企业", $"E{3 + i}", "培育对象"),
    }).ToArray();

    /// <summary>Valid 统一社会信用代码s that differ only in their sequence digits.</summary>
    private static string Uscc(int i) => $"91440101MA{i:D7}" + GzBioPlan.Domain.Rules.Uscc.CheckCharacter($"91440101MA{i:D7}");

    [Fact]
    public async Task A_template_filled_up_to_the_cap_is_taken_and_one_row_more_is_refused()
    {
        await using var app = new AppFactory { Settings = { ["Ingest:MaxRosterRows"] = "3" } };
        var district = await app.DistrictClient("440106");
        var template = await UploadTests.Template(district, "2026Q4");

        var (html, _) = await UploadTests.Upload(district, "2026Q4", Workbooks.Filled(template, Firms(3)));
        Assert.Contains("data-result=\"submitted\"", html);
        Assert.DoesNotContain("roster.too-many-rows", html);

        (html, _) = await UploadTests.Upload(district, "2026Q4", Workbooks.Filled(template, Firms(4)), "more.xlsx");
        Assert.Contains("超过 3 行", html);
    }
}
