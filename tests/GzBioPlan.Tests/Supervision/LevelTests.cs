using System.Net.Http.Json;
using System.Text.Json;
using GzBioPlan.Domain.Supervision;
using GzBioPlan.Tests.Flagship;
using GzBioPlan.Tests.Support;

namespace GzBioPlan.Tests.Supervision;

/// <summary>督办 levels and 协办 units, and the 台账's lights.</summary>
public class LevelTests
{
    private static async Task<HttpResponseMessage> Open(HttpClient office, string level, params string[] co) =>
        await FlagshipTests.Post(office, "/supervision/new",
            [new("_handler", "open-item"), new("Input.Title", "菌种库建设滞后"), new("Input.Addressee", "Unit:kjj"), new("Input.Due", "2026-11-25"),
             new("Input.Requirement", "请加快建设。"), new("Input.Level", level), .. co.Select(c => new KeyValuePair<string, string>("Input.CoHandlers", c))],
            "/supervision/new");

    [Fact]
    public async Task An_urgent_item_with_co_handlers_shows_its_level_lights_and_who_supports_it()
    {
        await using var app = new AppFactory();
        var office = await app.SignedIn("office");
        var opened = await Open(office, "Urgent", "Unit:fgw", "District:440112");
        var id = long.Parse(opened.Headers.Location!.OriginalString.Split('/').Last());
        var item = app.WithDb(db => db.SupervisionItems.Single(i => i.Id == id));
        Assert.Equal(SupervisionLevel.Urgent, item.Level);
        Assert.Equal(["Unit:fgw", "District:440112"], item.CoHandlers);

        var ledger = await office.GetStringAsync("/supervision");
        Assert.Contains("data-level=\"Urgent\"", ledger);
        Assert.Contains("协办：市发展改革委、黄埔区", ledger);
        Assert.Contains("data-due=\"NearDue\"", ledger); // due in two days
        Assert.Matches("立项 · 协调办（演示） · 2026-11-23 \\d\\d:\\d\\d", ledger); // who by name, not by account

        // A 协办 district reads the item and adds proofs; another district does not see it.
        var huangpu = await app.SignedIn("huangpu");
        Assert.Contains("菌种库建设滞后", await huangpu.GetStringAsync($"/supervision/{id}"));
        Assert.Contains("菌种库建设滞后", await huangpu.GetStringAsync("/supervision"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await (await app.DistrictClient("440106")).GetAsync($"/supervision/{id}")).StatusCode);

        var api = (await office.GetFromJsonAsync<JsonElement>("/api/v1/supervision")).EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.Equal("Urgent", api.GetProperty("level").GetString());
        var sheet = WorkbookReader.Read(await office.GetByteArrayAsync("/export/supervision.xlsx"))["督办台账"];
        var row = sheet.Skip(2).First(r => r[2] as string == "菌种库建设滞后");
        Assert.Equal(("紧急", "市发展改革委、黄埔区", "临近期限"), (row[1], row[4], row[7]));

        app.Clock.Now = app.Clock.Now.AddDays(5);
        Assert.Contains("data-due=\"Overdue\"", await (await app.SignedIn("office")).GetStringAsync("/supervision"));
    }

    [Fact]
    public async Task The_addressee_cannot_also_support_and_an_unknown_party_is_refused()
    {
        await using var app = new AppFactory();
        var office = await app.SignedIn("office");
        Assert.Contains("承办单位不能同时是协办单位", System.Net.WebUtility.HtmlDecode(await (await Open(office, "Key", "Unit:kjj")).Content.ReadAsStringAsync()));
        Assert.Contains("协办单位“Unit:nobody”不存在", System.Net.WebUtility.HtmlDecode(await (await Open(office, "Key", "Unit:nobody")).Content.ReadAsStringAsync()));
        Assert.Equal(0, app.WithDb(db => db.SupervisionItems.Count(i => i.Title == "菌种库建设滞后")));
    }
}
