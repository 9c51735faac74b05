using System.Net;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Cockpit;

[Collection(SharedAppCollection.Name)]
public class ExportTests(AppFactory app)
{
    [Theory]
    [InlineData("/export/targets.xlsx?period=2026Q3", "工作目标", 4)]
    [InlineData("/export/tasks.xlsx?period=2026Q3", "任务进展", 11)] // 10 items, measure 4 in two rows
    [InlineData("/export/tasks.xlsx?period=2026Q3&unit=kjj", "任务进展", 8)]
    [InlineData("/export/areas.xlsx", "重点领域", 5)]
    [InlineData("/export/districts.xlsx?period=2026Q3", "各区排名", 11)]
    public async Task Every_cockpit_table_exports_to_xlsx(string url, string sheet, int rows)
    {
        var response = await (await app.SignedIn("leader")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var table = WorkbookReader.Read(await response.Content.ReadAsByteArrayAsync())[sheet];
        Assert.Equal(rows, table.Count - 2); // title and header rows
    }

    [Fact]
    public async Task Tasks_export_carries_units_and_lights_as_the_page_shows()
    {
        var bytes = await (await app.SignedIn("leader")).GetByteArrayAsync("/export/tasks.xlsx?period=2026Q3");
        var table = WorkbookReader.Read(bytes)["任务进展"];
        var m4 = table.Where(r => r[0] as string == "四（四）").ToList();
        Assert.Equal(2, m4.Count);
        Assert.Equal("市科技局", m4[0][4]);
        Assert.Equal("市委组织部、市人力资源社会保障局、市财政局、市国资委、市工业和信息化局", m4[0][5]);
        Assert.Equal("市工业和信息化局、市发展改革委、市科技局", m4[1][4]);
        Assert.All(table.Skip(2), r => Assert.Contains(r[8] as string, new[] { "正常", "滞后", "严重滞后" }));
    }

    [Theory]
    [InlineData("/export/targets/target-1.xlsx?period=2026Q3")]
    [InlineData("/export/tasks/task-3.xlsx?period=2026Q3")]
    [InlineData("/export/units/kjj.xlsx?period=2026Q3")]
    [InlineData("/export/districts/440112.xlsx?period=2026Q3")]
    public async Task Drill_down_pages_export_too(string url)
    {
        var response = await (await app.SignedIn("office")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(WorkbookReader.Read(await response.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("/export/targets.xlsx?period=2031Q1")]
    [InlineData("/export/targets/nope.xlsx")]
    [InlineData("/export/districts/000000.xlsx")]
    [InlineData("/export/tasks.xlsx?unit=nobody")]
    public async Task Unknown_period_or_code_is_not_found_in_chinese(string url)
    {
        var response = await (await app.SignedIn("leader")).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("未找到", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Exports_follow_the_same_rights_as_pages()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/export/targets.xlsx")).StatusCode);
        var district = await app.SignedIn("huangpu");
        Assert.NotEqual(HttpStatusCode.OK, (await district.GetAsync("/export/targets.xlsx")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await district.GetAsync("/export/districts/440115.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync("/export/districts/440112.xlsx")).StatusCode);
    }
}
