using GzBioPlan.Domain.Periods;
using GzBioPlan.Domain.Submissions;
using GzBioPlan.Ingest.Submissions;
using GzBioPlan.Ingest.Templates;
using GzBioPlan.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GzBioPlan.Tests.Ingest;

/// <summary>
/// Workbooks that declare far more than they hold: each is read within the caps (what it costs is measured in
/// tests/Bench) and either accepted for what it really holds or refused with its own code, recorded as an upload
/// with its hash and nothing else written.
/// </summary>
public class HostileWorkbookTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string District = "440105";

    public static TheoryData<string, string?> Cases => new()
    {
        { "far-cell-shared-part", null },
        { "million-shared-strings", null },
        { "million-empty-rows", null },
        { "100k-styles", "file.too-many-styles" },
        { "100k-deep-xml", "file.xml-depth" },
        { "dtd-in-sheet", "file.dtd" },
        { "dtd-in-workbook", "file.dtd" },
        { "entity-expansion", "file.dtd" },
        { "giant-attribute", "file.xml-token" },
        { "too-many-sheets", "file.too-many-sheets" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_is_read_within_the_caps_and_accepted_for_what_it_holds_or_refused_with_its_own_code(string kind, string? code)
    {
        var ct = TestContext.Current.CancellationToken;
        var period = Period.Parse("2027Q1");
        byte[] template;
        using (var scope = app.Services.CreateScope())
            template = TemplateWriter.Write((await scope.ServiceProvider.GetRequiredService<TemplateQuery>().LoadAsync(District, period, ct))!);
        var file = HostileWorkbooks.Make(kind, Workbooks.FilledWithEpplus(template));
        Assert.True(file.Length < 5 * 1024 * 1024, $"{kind} is {file.Length} bytes, over the upload cap");

        var values = app.WithDb(db => db.IndicatorValues.Count());
        UploadResult result;
        using (var scope = app.Services.CreateScope())
            result = await scope.ServiceProvider.GetRequiredService<IngestService>()
                .UploadAsync(new UploadRequest(District, period, $"{kind}.xlsx", file, "tester", UploadChannel.Web), ct);

        var version = app.WithDb(db => db.SubmissionVersions.Single(v => v.Id == result.VersionId));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)), version.Sha256);
        if (code is null)
        {
            Assert.NotEqual(UploadOutcome.Rejected, result.Outcome);
            Assert.DoesNotContain(result.Problems, p => p.Severity == GzBioPlan.Ingest.Validation.Severity.Error);
        }
        else
        {
            Assert.Equal(UploadOutcome.Rejected, result.Outcome);
            var problem = Assert.Single(result.Problems);
            Assert.Equal(code, problem.Code);
            Assert.Contains("请", problem.Message);
            Assert.Equal(values, app.WithDb(db => db.IndicatorValues.Count()));
        }
    }
}
