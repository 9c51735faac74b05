using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Briefing;

[Collection(SharedAppCollection.Name)]
public class BriefingTests(AppFactory app)
{
    [Fact]
    public async Task The_meeting_workbook_has_each_sheet_with_frozen_headers_set_widths_and_A4_landscape()
    {
        var bytes = await (await app.SignedIn("office")).GetByteArrayAsync("/api/v1/briefing?period=2026Q3");
        var sheets = WorkbookReader.Read(bytes);
        Assert.Equal(["一、目标", "二、任务", "三、滞后事项", "四、督办事项", "五、报送情况", "六、标志性产品征集"], sheets.Keys);
        Assert.Equal(4, sheets["一、目标"].Count - 2);
        Assert.Equal(11, sheets["二、任务"].Count - 2);
        Assert.Contains(sheets["三、滞后事项"], r => r[1] as string == "三（三）夯实产业基础设施");
        Assert.Equal(11, sheets["五、报送情况"].Count - 2);
        Assert.Contains("完整率", sheets["五、报送情况"][0][0] as string);
        // The demo 2024 flagship batch is still open: applications per district and state, and its deadlines.
        var flagship = sheets["六、标志性产品征集"];
        Assert.Contains("申报截止 11月8日（已截止）", flagship[0][0] as string);
        Assert.Equal(["区", "草稿", "待区初审", "已退回", "待市核实", "已核实", "合计", "其中：已推荐"], flagship[1].Select(c => c as string ?? "").ToArray());
        Assert.Equal(10, flagship.Skip(2).Sum(r => Convert.ToInt32(r[6], System.Globalization.CultureInfo.InvariantCulture))); // 合计
        Assert.Equal(2, flagship.Skip(2).Sum(r => Convert.ToInt32(r[7], System.Globalization.CultureInfo.InvariantCulture))); // 其中：已推荐

        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet")))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd();
            Assert.Contains("state=\"frozen\"", xml);
            Assert.Contains("customWidth=\"1\"", xml);
            Assert.Matches("orientation=\"landscape\"", xml);
            Assert.Matches("paperSize=\"9\"", xml); // A4
        }
    }

    [Fact]
    public async Task The_print_page_shows_the_same_content()
    {
        var html = await (await app.SignedIn("leader")).GetStringAsync("/briefing?period=2026Q3");
        Assert.Equal(6, Regex.Matches(html, "data-sheet=\"").Count);
        Assert.Contains("夯实产业基础设施", html);
        Assert.Contains("data-print", html);
        // A target's sign is shown before its figure, as on the cockpit, not the cell value's type.
        Assert.Contains("<td>≥10</td>", html);
        Assert.DoesNotContain("{ Value =", html);
    }

    [Fact]
    public async Task District_offices_do_not_get_the_briefing_and_bad_periods_are_refused()
    {
        var district = await app.SignedIn("huangpu");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/briefing")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/api/v1/briefing?period=2026Q3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await app.SignedIn("office")).GetAsync("/api/v1/briefing?period=2030Q1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/briefing")).StatusCode);
    }
}
