using GzBioPlan.Ingest.Validation;
using OfficeOpenXml;

namespace GzBioPlan.Tests.Ingest;

/// <summary>The marked workbook as the district opens it: on 问题清单, with the wrong value as it was typed.</summary>
public class ProblemMarkerTests
{
    private static byte[] Uploaded()
    {
        using var package = new ExcelPackage();
        package.Workbook.Worksheets.Add("说明");
        var sheet = package.Workbook.Worksheets.Add("指标");
        sheet.Cells["E4"].Value = 16.5;
        sheet.Cells["E4"].Style.Numberformat.Format = "#,##0";
        // Saved with the second tab active, as a district's suite leaves it.
        package.Workbook.View.ActiveTab = 1;
        sheet.View.TabSelected = true;
        return package.GetAsByteArray();
    }

    [Fact]
    public void It_opens_on_the_problem_list_and_shows_the_value_as_typed()
    {
        var marked = ProblemMarker.Mark(Uploaded(), [new Problem(Severity.Error, "integer", "指标", "E4", "16.5", "整数", "创新引领型企业数应为整数。")])!;
        using var package = new ExcelPackage(new MemoryStream(marked));
        var book = package.Workbook;
        Assert.Equal("问题清单", book.Worksheets.First().Name);
        Assert.Equal(0, book.View.ActiveTab);
        Assert.Equal(["问题清单"], book.Worksheets.Where(w => w.View.TabSelected).Select(w => w.Name));
        var cell = book.Worksheets["指标"].Cells["E4"];
        Assert.Equal("16.5", cell.Text);
        Assert.Contains("应为整数", cell.Comment.Text);
    }
}
