using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GzBioPlan.Domain.Flagship;
using static GzBioPlan.Dashboard.Shared.Docx;

namespace GzBioPlan.Dashboard.Flagship;

/// <summary>
/// The 申请表 as a Word document (A4 portrait) laid out as the seed's form: cover, 填报须知, the two sections' tables,
/// 知识产权 and 标准, 声明 and 主管部门意见 with their 盖章 places. Each page's header names the application's version
/// and time; a blank form (the notice's download) has no header. Fonts are named in Chinese and English so Word and
/// WPS both find them.
/// </summary>
public static class FlagshipDocx
{
    private const string Body = "仿宋";
    private const string Heading = "黑体";
    private const string Title = "方正小标宋简体";

    public static byte[] Write(FlagshipBatch batch, ApplicationForm form, string? stampLine, string? districtOpinion, string? cityOpinion)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            Styles(main);

            body.Append(Para("", 16), Para("", 16), Para(batch.FormTitle, 22, Title, center: true), Para("", 16));
            body.Append(CoverTable(form));
            body.Append(PageBreak(), Para("填 报 须 知", 16, Heading, center: true));
            for (var i = 0; i < ApplicationLayout.Notes.Count; i++)
                body.Append(Para($"{"一二三四五"[i]}、{string.Format(ApplicationLayout.Notes[i], batch.Year)}", 14, indent: true));
            body.Append(PageBreak());
            foreach (var t in ApplicationLayout.Tables(batch, form))
            {
                body.Append(Para(t.Heading, t.Heads is null ? 16 : 14, Heading));
                body.Append(Table(t));
                if (t.Note is not null) body.Append(Para(t.Note, 12));
            }
            body.Append(PageBreak(), Para("三、申请单位声明", 16, Heading));
            body.Append(Para($"{form["orgName"] ?? "＿＿＿＿＿＿＿＿"}（申请单位）郑重声明：", 14, indent: true));
            body.Append(Para(ApplicationLayout.Declaration, 14, indent: true));
            body.Append(Para("", 14), Para("申请单位（盖章）", 14, right: true), Para("年　　月　　日", 14, right: true));
            body.Append(Para("四、工业和信息化主管部门意见", 16, Heading));
            body.Append(OpinionBox("区工业和信息化主管部门：" + districtOpinion, "（盖章）"));
            body.Append(Para("", 8));
            body.Append(OpinionBox("市工业和信息化主管部门：" + cityOpinion, "工业和信息化主管部门（盖章）"));

            var section = new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1588, Right = 1474, Header = 720, Footer = 720, Gutter = 0 });
            if (stampLine is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(Para(stampLine, 9, right: true));
                section.PrependChild(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
            }
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(PageNumber(12, JustificationValues.Center));
            section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            body.Append(section);
        }
        return stream.ToArray();
    }

    private static void Styles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(Body), new FontSize { Val = "24" }, new Languages { EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new SpacingBetweenLines { After = "0", Line = "360", LineRule = LineSpacingRuleValues.Auto })));
    }

    private static TableProperties Borders(bool visible) => new(
        new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
        new TableBorders(
            new TopBorder { Val = visible ? BorderValues.Single : BorderValues.None, Size = 4 },
            new BottomBorder { Val = visible ? BorderValues.Single : BorderValues.None, Size = 4 },
            new LeftBorder { Val = visible ? BorderValues.Single : BorderValues.None, Size = 4 },
            new RightBorder { Val = visible ? BorderValues.Single : BorderValues.None, Size = 4 },
            new InsideHorizontalBorder { Val = visible ? BorderValues.Single : BorderValues.None, Size = 4 },
            new InsideVerticalBorder { Val = visible ? BorderValues.Single : BorderValues.None, Size = 4 }),
        new TableLayout { Type = TableLayoutValues.Fixed });

    private static TableCell Cell(string text, int twips, int span = 1, bool label = false, int points = 11)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = twips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(props, new Paragraph(Run(text, points, label ? Heading : null)));
    }

    /// <summary>The text width of A4 with the margins above, in twips.</summary>
    private const int TextWidth = 11906 - 1588 - 1474;

    private static Table Table(PaperTable t)
    {
        var columns = t.Heads?.Count ?? 4;
        var widths = columns == 4 && t.Heads is null ? new[] { 2000, 2422, 2000, 2422 }
            : Enumerable.Repeat(TextWidth / columns, columns).ToArray();
        var table = new Table(Borders(true), new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        if (t.Heads is not null) table.Append(new TableRow([new TableRowProperties(new TableHeader()), .. t.Heads.Select((h, i) => Cell(h, widths[i], label: true))]));
        foreach (var row in t.Rows)
        {
            var at = 0;
            // A blank long-text row keeps room to write in by hand.
            var blankLong = row.Any(c => !c.Label && c.Span == 3 && c.Text.Length == 0);
            var tr = new TableRow(new TableRowProperties(new CantSplit(), new TableRowHeight { Val = blankLong ? 1400u : 400u, HeightType = HeightRuleValues.AtLeast }));
            foreach (var c in row)
            {
                tr.Append(Cell(c.Text, widths.Skip(at).Take(c.Span).Sum(), c.Span, c.Label));
                at += c.Span;
            }
            table.Append(tr);
        }
        return table;
    }

    private static Table CoverTable(ApplicationForm form)
    {
        var table = new Table(Borders(false), new TableGrid(new GridColumn { Width = "2600" }, new GridColumn { Width = "6244" }));
        foreach (var (label, value) in ApplicationLayout.Cover(form))
        {
            var valueCell = Cell(value + (label == "申请单位名称：" ? "\n（加盖公章）" : ""), 6244, points: 14);
            valueCell.TableCellProperties!.Append(new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 4 }));
            table.Append(new TableRow(new TableRowProperties(new TableRowHeight { Val = 620 }), Cell(label, 2600, points: 14), valueCell));
        }
        return table;
    }

    private static Table OpinionBox(string opinion, string seal)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
            Para(opinion, 12), Para("", 12), Para("", 12), Para(seal, 12, right: true), Para("年　　月　　日", 12, right: true));
        return new Table(Borders(true), new TableGrid(new GridColumn { Width = TextWidth.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            new TableRow(new TableRowProperties(new TableRowHeight { Val = 2600 }), cell));
    }
}
