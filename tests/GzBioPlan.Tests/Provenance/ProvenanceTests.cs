using System.Net;
using System.Text.RegularExpressions;
using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Provenance;

/// <summary>数据溯源: from a figure to the accepted version, sheet and cell, who uploaded and accepted it; rosters counted once by USCC.</summary>
public class ProvenanceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<long> UploadAndAccept(string user, string district, params Edit[] edits)
    {
        var client = await app.SignedIn(user);
        var template = await client.GetByteArrayAsync("/reporting/template?period=2026Q4");
        var form = new MultipartFormDataContent
        {
            { new StringContent(AppFactory.Antiforgery(await client.GetStringAsync("/reporting?period=2026Q4"))), "__RequestVerificationToken" },
            { new ByteArrayContent(Workbooks.Filled(template, edits)), "file", $"{district}.xlsx" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/reporting/upload?period=2026Q4", form)).StatusCode);
        var id = app.WithDb(db => db.Submissions.Single(s => s.DistrictCode == district && s.Period == Period.Parse("2026Q4")).Id);
        var office = await app.SignedIn("office");
        var accept = await office.PostAsync($"/reporting/submissions/{id}/accept", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.Antiforgery(await office.GetStringAsync($"/reporting/submissions/{id}")),
        }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        return id;
    }

    [Fact]
    public async Task A_figure_opens_the_version_cell_uploader_and_acceptor_behind_it_and_a_district_sees_only_its_own()
    {
        await UploadAndAccept("huangpu", "440112", new Edit(TemplateLayout.IndicatorsSheet, "E4", 123.4));
        var version = app.WithDb(db => db.SubmissionVersions.AsNoTracking().Single(v => v.DistrictCode == "440112" && v.Period == Period.Parse("2026Q4")));

        var leader = await app.SignedIn("leader");
        var cockpit = await leader.GetStringAsync("/?period=2026Q4");
        Assert.Contains("href=\"/provenance/output_value?period=2026Q4&amp;district=440112\"", cockpit); // the league table's cell
        var page = await leader.GetStringAsync("/provenance/output_value?period=2026Q4");
        var row = Regex.Match(page, "<tr data-district=\"440112\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("123.4", row);
        Assert.Contains($"/reporting/versions/{version.Id}", row);
        Assert.Contains("第 1 版", row);
        Assert.Contains("工作表「指标」单元格 E4", row);
        Assert.Contains(version.Sha256[..12], row);
        Assert.Contains("huangpu", row);   // uploaded by
        Assert.Contains("office", row);    // accepted by
        Assert.Equal(11, Regex.Matches(page, "<tr data-district=").Count);
        Assert.Contains("data-city-value", page);

        // A district: its own row only, no city total, and another district's cells are not reachable even by asking.
        var district = await app.SignedIn("huangpu");
        var own = await district.GetStringAsync("/provenance/output_value?period=2026Q4");
        Assert.Single(Regex.Matches(own, "<tr data-district="));
        Assert.Contains("<tr data-district=\"440112\">", own);
        Assert.DoesNotContain("data-city-value", own);
        var other = await district.GetStringAsync("/provenance/output_value?period=2026Q4&district=440115");
        Assert.DoesNotContain("data-district=\"440115\"", other);
        Assert.Contains("<tr data-district=\"440112\">", other);

        // Nobody signed out reads anything.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/provenance/output_value?period=2026Q4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/provenance/nope?period=2026Q4")).StatusCode);
    }

    [Fact]
    public async Task A_firm_two_districts_name_is_counted_once_and_both_are_named()
    {
        var leader = await app.SignedIn("leader");
        // Demo rosters for 2026Q3: the counted-once list names every district that reported each key.
        var page = await leader.GetStringAsync("/provenance/bio_firms?period=2026Q3");
        Assert.DoesNotContain("<table class=\"grid\" data-table=\"counted\">", page); // bio_firms is a sum, not a roster count
        var indicator = app.WithDb(db => db.Indicators.AsNoTracking().First(i => i.Aggregation == GzBioPlan.Domain.Rules.Aggregation.DistinctCount));
        var counted = await leader.GetStringAsync($"/provenance/{indicator.Code}?period=2026Q3");
        Assert.Contains("data-table=\"counted\"", counted);
        var keys = app.WithDb(db => db.RosterEntries.AsNoTracking().Where(r => r.Period == Period.Parse("2026Q3") && r.Kind == indicator.RosterKind
            && (indicator.RosterStatus == null || r.Status == indicator.RosterStatus) && (indicator.RosterCategory == null || r.Category == indicator.RosterCategory))
            .Select(r => new { r.Key, r.DistrictCode }).ToList());
        var distinct = keys.Select(k => k.Key.Trim().ToUpperInvariant()).Distinct().Count();
        Assert.Equal(distinct, Regex.Matches(counted, "<tr data-key=").Count);
        Assert.Contains($"计入的名录（{distinct} 个", counted);
        // Every district reported 2026Q3 (demo data), so one without such a firm counts 0, not 未报送.
        Assert.DoesNotContain("未报送", Regex.Match(counted, "<table class=\"grid\" data-table=\"sources\">.*?</table>", RegexOptions.Singleline).Value);
        var shared = keys.GroupBy(k => k.Key.Trim().ToUpperInvariant()).Where(g => g.Select(k => k.DistrictCode).Distinct().Count() > 1).ToList();
        Assert.Equal(shared.Count, Regex.Matches(counted, "<tr data-key=\"[^\"]+\" class=\"shared\">").Count);
    }
}
