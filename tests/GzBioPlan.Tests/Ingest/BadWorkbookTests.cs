using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Domain.Plan;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OfficeOpenXml;
using static GzBioPlan.Tests.Support.OpenXmlFiller;

namespace GzBioPlan.Tests.Ingest;

/// <summary>
/// The corpus of bad workbooks: each is a valid filled template with one thing wrong (or a hostile file),
/// with the exact problem expected, and each must leave the database as it was but for its upload record.
/// </summary>
public class BadWorkbookTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string District = "440103";

    private async Task<byte[]> Template(Period period)
    {
        using var scope = app.Services.CreateScope();
        var data = await scope.ServiceProvider.GetRequiredService<TemplateQuery>().LoadAsync(District, period, TestContext.Current.CancellationToken);
        return TemplateWriter.Write(data!);
    }

    private async Task<UploadResult> Ingest(byte[] file, Period period)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IngestService>()
            .UploadAsync(new UploadRequest(District, period, "报表.xlsx", file, "tester", UploadChannel.Web), TestContext.Current.CancellationToken);
    }

    private (int, int, int, int) Counts() => app.WithDb(db => (db.IndicatorValues.Count(), db.RosterEntries.Count(), db.Submissions.Count(), db.DistrictNarratives.Count()));

    private static Edit E(string sheet, string cell, object? value) => new(sheet, cell, value);

    private static readonly Edit[] OneFirm = [E("创新引领型企业", "B3", "广州荔湾生物科技有限公司"), E("创新引领型企业", "C3", "91350100M000100Y43"), E("创新引领型企业", "D3", "生物食品"), E("创新引领型企业", "E3", "培育对象")];
    private static readonly Edit[] OneProject = [E("重点项目", "B3", "荔湾生物食品项目"), E("重点项目", "C3", "生物食品"), E("重点项目", "D3", 12000), E("重点项目", "E3", "在建"), E("重点项目", "F3", "2026-03-01")];

    public static TheoryData<string, string, string> CellCases => new()
    {
        { "blank value", "cell.required", "指标!E3" },
        { "negative", "cell.negative", "指标!E4" },
        { "text for a number", "cell.number", "指标!E5" },
        { "fraction for a count", "cell.integer", "指标!E3" },
        { "wrong check character", "cell.uscc", "创新引领型企业!C3" },
        { "17-character code", "cell.uscc", "创新引领型企业!C3" },
        { "status not in the list", "cell.list", "创新引领型企业!E3" },
        { "the same firm twice", "roster.duplicate", "创新引领型企业!C4" },
        { "start date in 1999", "cell.date-range", "重点项目!F3" },
        { "start date as words", "cell.date", "重点项目!F3" },
        { "project without a name", "cell.required", "重点项目!B3" },
        { "narrative too long", "cell.too-long", "任务进展!C3" },
        { "header changed", "template.header", "指标!E2" },
        { "old template version", "template.version", "_meta!B1" },
        { "more candidates than firms", "rule.candidates-within-firms", "指标!E3" },
    };

    private static Edit[] Mutation(string name) => name switch
    {
        "blank value" => [E("指标", "E3", null)],
        "negative" => [E("指标", "E4", -1)],
        "text for a number" => [E("指标", "E5", "约一百")],
        "fraction for a count" => [E("指标", "E3", 10.5)],
        "wrong check character" => [.. OneFirm, E("创新引领型企业", "C3", "91350100M000100Y44")],
        "17-character code" => [.. OneFirm, E("创新引领型企业", "C3", "91350100M000100Y4")],
        "status not in the list" => [.. OneFirm, E("创新引领型企业", "E3", "认定中")],
        "the same firm twice" => [.. OneFirm, E("创新引领型企业", "B4", "同一家公司"), E("创新引领型企业", "C4", "91350100M000100Y43"), E("创新引领型企业", "D4", "生物食品"), E("创新引领型企业", "E4", "培育对象")],
        "start date in 1999" => [.. OneProject, E("重点项目", "F3", "1999-01-01")],
        "start date as words" => [.. OneProject, E("重点项目", "F3", "明年开工")],
        "project without a name" => [.. OneProject, E("重点项目", "B3", null)],
        "narrative too long" => [E("任务进展", "C3", new string('进', 2001))],
        "header changed" => [E("指标", "E2", "数值")],
        "old template version" => [E("_meta", "B1", "GZBIO-288-v0")],
        "more candidates than firms" => [.. OneFirm, E("指标", "E3", 0)],
        _ => throw new ArgumentOutOfRangeException(name),
    };

    [Theory]
    [MemberData(nameof(CellCases))]
    public async Task Each_bad_cell_is_named_and_nothing_is_written(string mutation, string code, string where)
    {
        var period = Period.Parse("2027Q2");
        var file = Workbooks.Filled(await Template(period), Mutation(mutation));
        var before = Counts();
        var result = await Ingest(file, period);
        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        var problem = Assert.Single(result.Problems, p => p.Code == code);
        Assert.Equal(where, $"{problem.Sheet}!{problem.Cell}");
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.Equal(before, Counts());
    }

    [Theory]
    [InlineData("empty", "file.empty")]
    [InlineData("pdf", "file.not-xlsx")]
    [InlineData("xls", "file.xls")]
    [InlineData("encrypted", "file.encrypted")]
    [InlineData("xlsm", "file.xlsm")]
    [InlineData("zip bomb", "file.zip-bomb")]
    [InlineData("too large", "file.too-large")]
    [InlineData("truncated", "file.corrupt")]
    [InlineData("zip of other things", "file.not-xlsx")]
    [InlineData("someone else's workbook", "template.not-ours")]
    public async Task Hostile_or_wrong_files_are_refused_with_what_to_do(string kind, string code)
    {
        var period = Period.Parse("2027Q2");
        var template = await Template(period);
        var file = kind switch
        {
            "empty" => [],
            "pdf" => "%PDF-1.7\n1 0 obj"u8.ToArray(),
            "xls" => Workbooks.CompoundFile("Workbook"),
            "encrypted" => Workbooks.CompoundFile("EncryptionInfo"),
            "xlsm" => Workbooks.MacroEnabled(Workbooks.Filled(template)),
            "zip bomb" => Workbooks.ZipBomb(),
            "too large" => [.. template, .. new byte[6 * 1024 * 1024]],
            "truncated" => template[..(template.Length / 2)],
            "zip of other things" => Workbooks.Zip(("readme.txt", "hello"u8.ToArray())),
            _ => Foreign(),
        };
        var before = Counts();
        var result = await Ingest(file, period);
        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Equal(code, Assert.Single(result.Problems).Code);
        Assert.Contains("。", result.Problems[0].Message);
        Assert.Equal(before, Counts());
    }

    private static byte[] Foreign()
    {
        using var package = new ExcelPackage();
        package.Workbook.Worksheets.Add("Sheet1").Cells["A1"].Value = "自制表格";
        return package.GetAsByteArray();
    }

    [Fact]
    public async Task Full_width_digits_stray_spaces_and_formulas_are_read_as_people_mean_them()
    {
        var period = Period.Parse("2027Q3");
        var file = Workbooks.Filled(await Template(period),
            [E("指标", "E3", "１２３"), E("指标", "E4", new Formula("100+23.5", "123.5")), .. OneFirm, E("创新引领型企业", "C3", " 9135 0100M000100Y43 ")]);
        var result = await Ingest(file, period);
        Assert.Equal(UploadOutcome.Submitted, result.Outcome);
        var payload = app.WithDb(db => db.SubmissionVersions.Single(v => v.Id == result.VersionId).PayloadJson!);
        Assert.Contains("\"code\":\"bio_firms\",\"value\":123", payload);
        Assert.Contains("\"code\":\"output_value\",\"value\":123.5", payload);
        Assert.Contains("\"key\":\"91350100M000100Y43\"", payload);
    }

    [Fact]
    public async Task A_cumulative_count_that_falls_is_an_error_against_last_quarter()
    {
        var period = Period.Parse("2026Q4"); // 2026Q3 has accepted (demo) figures for this district
        var file = Workbooks.Filled(await Template(period), E("指标", "E5", 1)); // strains, the third indicator row
        var result = await Ingest(file, period);
        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        var problem = Assert.Single(result.Problems, p => p.Code == "rule.strains-not-falling");
        Assert.Equal("指标!E5", $"{problem.Sheet}!{problem.Cell}");
        Assert.Contains("上季度确认的菌种库保藏菌种数", problem.Expected);
    }

    [Fact]
    public async Task Uploads_from_many_districts_at_once_never_see_a_locked_database()
    {
        string[] districts = ["440104", "440115", "440118", "440112"];
        var period = Period.Parse("2027Q4");
        var files = new Dictionary<string, byte[]>();
        foreach (var d in districts)
        {
            using var scope = app.Services.CreateScope();
            var data = await scope.ServiceProvider.GetRequiredService<TemplateQuery>().LoadAsync(d, period, TestContext.Current.CancellationToken);
            files[d] = Workbooks.Filled(TemplateWriter.Write(data!));
        }
        var results = await Task.WhenAll(districts.Concat(districts).Select(async d =>
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<IngestService>()
                .UploadAsync(new UploadRequest(d, period, "x.xlsx", files[d], "tester", UploadChannel.Api), TestContext.Current.CancellationToken);
        }));
        Assert.All(results, r => Assert.NotEqual(UploadOutcome.Rejected, r.Outcome));
        Assert.Equal(4, app.WithDb(db => db.Submissions.Count(s => s.Period == period)));
        Assert.Equal(4, app.WithDb(db => db.SubmissionVersions.Count(v => v.Period == period))); // the second copy of each is a duplicate
    }
}
