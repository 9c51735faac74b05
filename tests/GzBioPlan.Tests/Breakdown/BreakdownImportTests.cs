using System.Net;
using System.Net.Http.Headers;
using GzBioPlan.Tests.Support;
using OfficeOpenXml;

namespace GzBioPlan.Tests.Breakdown;

/// <summary>The 任务分解表 round trip: export, edit in a spreadsheet, import all or nothing, every change in the history.</summary>
public class BreakdownImportTests(AppFactory fixture) : IClassFixture<AppFactory>
{
    private readonly AppFactory app = fixture.UsedOn(FixedClock.While2026Q1IsReported);

    private const int FirstRow = 3;

    public static async Task<(HttpStatusCode Status, string? Location)> Import(HttpClient client, byte[] bytes, string name = "任务分解表.xlsx")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(AppFactory.Antiforgery(await client.GetStringAsync("/breakdown"))), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", name);
        var response = await client.PostAsync("/breakdown/import", form);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>The exported workbook of one item, changed by <paramref name="edit"/> as a person would in Excel.</summary>
    private static async Task<byte[]> Edited(HttpClient client, string item, Action<ExcelWorksheet> edit)
    {
        using var package = new ExcelPackage(new MemoryStream(await client.GetByteArrayAsync($"/export/breakdown.xlsx?period=2026Q3&item={item}")));
        edit(package.Workbook.Worksheets["任务分解"]);
        return package.GetAsByteArray();
    }

    private static int RowOf(ExcelWorksheet ws, string milestone) =>
        Enumerable.Range(FirstRow, ws.Dimension.End.Row).First(r => ws.Cells[r, 12].Text == milestone);

    private (int SubItems, int Milestones, int Changes) Counts() =>
        app.WithDb(db => (db.SubItems.Count(), db.Milestones.Count(), db.BreakdownChanges.Count()));

    [Fact]
    public async Task An_edited_export_imports_as_updates_and_additions_and_the_same_file_is_not_imported_twice()
    {
        var office = await app.SignedIn("office");
        var bytes = await Edited(office, "task-4", ws =>
        {
            var park = RowOf(ws, "园区规划获批");
            foreach (var r in new[] { park, RowOf(ws, "首批项目入园"), RowOf(ws, "园区建成") }) ws.Cells[r, 9].Value = 70; // weight of 黄埔区's park, on each of its rows
            ws.Cells[RowOf(ws, "园区建成"), 13].Value = "2027年第3季度";
            var last = ws.Dimension.End.Row;
            // A new milestone for the park: the sub-item's columns copied, the milestone's 编号 left blank.
            ws.Cells[park, 1, park, 10].Copy(ws.Cells[last + 1, 1]);
            ws.Cells[last + 1, 9].Value = 70;
            ws.Cells[last + 1, 12].Value = "园区二期开工";
            ws.Cells[last + 1, 13].Value = "2027Q4";
            // A new sub-item with one milestone.
            ws.Cells[last + 2, 1].Value = "task-4";
            ws.Cells[last + 2, 4].Value = "增城区生物制造载体培育";
            ws.Cells[last + 2, 6].Value = "增城区";
            ws.Cells[last + 2, 10].Value = "2026年第4季度";
            ws.Cells[last + 2, 12].Value = "载体认定";
            ws.Cells[last + 2, 13].Value = "2027年第2季度";
        });

        var (status, location) = await Import(office, bytes);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var result = await office.GetStringAsync(location);
        Assert.Contains("data-outcome=\"applied\"", result);
        Assert.Contains("修改分解任务 1 处", result);
        Assert.Contains("新增节点 2 处", result);

        var park = app.WithDb(db => db.SubItems.Single(s => s.Title == "黄埔区生物制造产业园区规划建设"));
        Assert.Equal(70m, park.Weight);
        Assert.Equal(4, app.WithDb(db => db.Milestones.Count(m => m.SubItemId == park.Id)));
        Assert.Equal(GzBioPlan.Domain.Periods.Period.Parse("2027Q3"), app.WithDb(db => db.Milestones.Single(m => m.Title == "园区建成").Due));
        var added = app.WithDb(db => db.SubItems.Single(s => s.Title == "增城区生物制造载体培育"));
        Assert.Equal(("440118", GzBioPlan.Domain.Plan.PartyKind.District), (added.OwnerCode, added.OwnerKind));
        var page = await office.GetStringAsync("/breakdown/task-4?period=2026Q3");
        Assert.Contains("权重：未设 → 70", page);
        Assert.Contains("完成时限：2027年第2季度 → 2027年第3季度", page);
        Assert.Contains("园区二期开工", page);

        // The same file again would add its new rows twice: refused, nothing changes; the upload is still kept.
        var before = Counts();
        var again = await office.GetStringAsync((await Import(office, bytes)).Location);
        Assert.Contains("data-outcome=\"refused\"", again);
        Assert.Contains("导入过", again);
        Assert.Equal(before, Counts());
        Assert.Equal(2, app.WithDb(db => db.BreakdownImports.AsEnumerable().Count(i => i.Content.SequenceEqual(bytes))));
        Assert.Equal(bytes, await office.GetByteArrayAsync(location + "/file"));
    }

    [Fact]
    public async Task A_table_with_problems_imports_nothing_and_names_every_row_and_what_to_fix()
    {
        var office = await app.SignedIn("office");
        var bytes = await Edited(office, "task-3", ws =>
        {
            ws.Cells[RowOf(ws, "建设方案确定，承建单位落实"), 9].Value = 50;                      // edits the first row of 菌种库建设 …
            ws.Cells[RowOf(ws, "库房及信息系统建成，对外提供保藏服务"), 9].Value = 45;          // … and its next row disagrees
            ws.Cells[RowOf(ws, "承建单位落实"), 6].Value = "市不存在局";                            // unknown owner
            ws.Cells[RowOf(ws, "攻关项目立项"), 13].Value = "2025年第1季度";                         // before the sub-item starts (2025Q3)
            ws.Cells[RowOf(ws, "取得阶段性成果"), 11].Value = 999999;                               // no such milestone
            var last = ws.Dimension.End.Row;
            ws.Cells[last + 1, 1].Value = "task-99";                                               // no such task
            ws.Cells[last + 1, 4].Value = "多余";
        });
        var before = Counts();
        var result = await office.GetStringAsync((await Import(office, bytes)).Location);
        Assert.Contains("data-outcome=\"refused\"", result);
        Assert.Contains("与同一分解任务的前面几行不一致", result);
        Assert.Contains("“责任单位 / 区”列的“市不存在局”不是市直部门或区的名称", result);
        Assert.Contains(BreakdownEditingError("due"), result);
        Assert.Contains("节点编号“999999”不存在", result);
        Assert.Contains("任务编号“task-99”不存在", result);
        Assert.Matches("第 \\d+ 行", result);
        Assert.Equal(before, Counts());
        Assert.Null(app.WithDb(db => db.SubItems.Single(s => s.Title == "菌种库建设").Weight == 50 ? "changed" : null));
    }

    private static string BreakdownEditingError(string key) => System.Net.WebUtility.HtmlEncode(GzBioPlan.Dashboard.Breakdown.BreakdownEditing.Errors[key]);

    [Fact]
    public async Task Text_the_export_guards_against_formulas_comes_back_unchanged()
    {
        var office = await app.SignedIn("office");
        var token = AppFactory.Antiforgery(await office.GetStringAsync("/breakdown/measure-1"));
        await office.PostAsync("/breakdown/measure-1/subitems", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["period"] = "2026Q3", ["part"] = "1", ["title"] = "=1+1", ["owner"] = "Unit:fgw", ["start"] = "2026Q1",
        }));
        var bytes = await Edited(office, "measure-1", _ => { });
        Assert.Contains("没有需要修改的内容", await office.GetStringAsync((await Import(office, bytes)).Location));
        Assert.True(app.WithDb(db => db.SubItems.Any(s => s.Title == "=1+1")));
    }

    [Fact]
    public async Task The_office_carries_every_task_at_once_from_the_breakdown_page()
    {
        var office = await app.SignedIn("office");
        var page = await office.GetStringAsync("/breakdown?period=2026Q3");
        var form = System.Text.RegularExpressions.Regex.Match(page, "<form[^>]*data-carry.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Matches("name=\"item\" value=\"\"|name=\"item\"(?! value)", form);
        var response = await office.PostAsync("/breakdown/carry", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(page), ["period"] = "2026Q3", ["item"] = "",
        }));
        Assert.StartsWith("/breakdown?period=2026Q3&done=carried-", response.Headers.Location!.OriginalString);
        Assert.Equal(GzBioPlan.Domain.Periods.Period.Parse("2026Q4"), app.WithDb(db => db.Milestones.Single(m => m.Title == "库房及信息系统建成，对外提供保藏服务").Due));
        // The reviewed quarter's workbook holds the due quarter in force now, so importing it back changes nothing.
        var bytes = await Edited(office, "task-3", _ => { });
        Assert.Contains("没有需要修改的内容", await office.GetStringAsync((await Import(office, bytes)).Location));
    }

    [Theory]
    [InlineData("not-xlsx")]
    [InlineData("other-sheet")]
    [InlineData("headers-changed")]
    [InlineData("empty")]
    public async Task Files_that_are_not_a_breakdown_table_are_refused_and_kept(string kind)
    {
        var office = await app.SignedIn("office");
        byte[] bytes = kind switch
        {
            "not-xlsx" => "任务编号,分解任务\ntask-3,x"u8.ToArray(),
            "empty" => [],
            _ => await Edited(office, "task-3", ws =>
            {
                if (kind == "other-sheet") ws.Name = "Sheet1";
                else ws.Cells[2, 3].Value = "编号";
            }),
        };
        var before = Counts();
        var imports = app.WithDb(db => db.BreakdownImports.Count());
        var result = await office.GetStringAsync((await Import(office, bytes, "x.xlsx")).Location);
        Assert.Contains("data-outcome=\"refused\"", result);
        Assert.Contains(kind is "other-sheet" or "headers-changed" ? "这不是任务分解表" : "上传", result);
        Assert.Equal(before, Counts());
        Assert.Equal(imports + 1, app.WithDb(db => db.BreakdownImports.Count()));
    }

    [Fact]
    public async Task Only_the_office_imports_and_reads_imports()
    {
        var office = await app.SignedIn("office");
        // Each test imports a different item's workbook: two unchanged exports of one item can be the same bytes, refused the second time.
        var bytes = await Edited(office, "task-4", _ => { });
        var (_, location) = await Import(office, bytes);
        Assert.Contains("没有需要修改的内容", await office.GetStringAsync(location));
        foreach (var user in new[] { "leader", "kjj", "huangpu" })
        {
            var client = await app.SignedIn(user);
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(AppFactory.Antiforgery(await client.GetStringAsync("/account/tokens"))), "__RequestVerificationToken");
            form.Add(new ByteArrayContent(bytes), "file", "x.xlsx");
            var post = await client.PostAsync("/breakdown/import", form);
            Assert.StartsWith("/access-denied", post.Headers.Location!.PathAndQuery);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(location)).StatusCode);
            Assert.StartsWith("/access-denied", (await client.GetAsync(location + "/file")).Headers.Location!.PathAndQuery);
        }
    }
}
