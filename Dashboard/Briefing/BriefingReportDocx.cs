using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GzBioPlan.Domain.Briefing;
using static GzBioPlan.Dashboard.Shared.Docx;

namespace GzBioPlan.Dashboard.Briefing;

/// <summary>
/// The 情况通报 as a Word document laid out by GB/T 9704-2012 (党政机关公文格式): A4, margins 37/35/28/26 mm, 22 lines of
/// 28 characters (a line grid and tightened character spacing), the title in 2号 (22 pt) 方正小标宋简体, the text in 3号 (16 pt) 仿宋_GB2312 with a two-character indent,
/// 「一、」 headings in 黑体 and 「（一）」 in 楷体_GB2312, 主送 before the text, 落款 and date after it, and page numbers
/// 「— 1 —」 in 4号 (14 pt) 宋体, right on odd pages and left on even. The font table names each font's common
/// alternative (仿宋, 楷体, 宋体) so WPS and Word substitute it where the GB2312 font is not installed.
/// </summary>
public static class BriefingReportDocx
{
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体_GB2312";
    public const string PageNumberFont = "宋体";

    public static readonly string[] Sections = ["一、总体情况", "二、主要进展", "三、存在问题", "四、下步工作"];

    private static readonly (string Name, string Alt)[] FontNames =
        [(TitleFont, "华文中宋"), (BodyFont, "仿宋"), (HeadingFont, "SimHei"), (SubheadingFont, "楷体"), (PageNumberFont, "SimSun")];

    /// <summary>A4 with the standard's margins in twips (1 mm = 56.7 twips).</summary>
    public const int PageWidth = 11906, PageHeight = 16838, Top = 2098, Bottom = 1984, Left = 1588, Right = 1474;

    /// <summary>22 lines in the 225 mm text height.</summary>
    public const int LinePitch = 579;

    /// <summary>Character spacing in twentieths of a point: 16 pt less 0.25 pt puts 28 characters (8,820 twips) in the 156 mm (8,844 twips) line, not 29.</summary>
    public const int CharacterSpacing = -5;

    public static byte[] Write(BriefingReport r)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            Styles(main);
            FontTable(main);
            // Odd and even pages carry their page numbers on different sides.
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new EvenAndOddHeaders());

            body.Append(Para("", 16), Para(r.Title, 22, TitleFont, center: true), Para("", 16));
            body.Append(Para(r.Addressee, 16));
            var texts = BriefingReports.Sections(r);
            Paragraph? last = null;
            for (var i = 0; i < Sections.Length; i++)
            {
                body.Append(KeepWithNext(Para(Sections[i], 16, HeadingFont, indent: true)));
                foreach (var line in BriefingReports.Paragraphs(texts[i]))
                    body.Append(last = line.StartsWith('（') && line.IndexOf('）') is > 0 and < 5 ? Subheading(line) : Para(line, 16, indent: true));
            }
            // The 落款 and date never stand alone on a last page: the text's end goes over with them.
            if (last is not null) KeepWithNext(last);
            body.Append(KeepWithNext(Para("", 16)), KeepWithNext(Para("", 16)));
            body.Append(KeepWithNext(Signed(r.Issuer)), Signed($"{r.MeetingDate.Year}年{r.MeetingDate.Month}月{r.MeetingDate.Day}日"));

            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = new Footer(PageNumber(14, JustificationValues.Right, PageNumberFont, indentChars: 1));
            var even = main.AddNewPart<FooterPart>();
            even.Footer = new Footer(PageNumber(14, JustificationValues.Left, PageNumberFont, indentChars: 1));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Top, Bottom = Bottom, Left = Left, Right = Right, Header = 851, Footer = 992, Gutter = 0 },
                // A line grid only: a character grid is spread differently by LibreOffice and Word, the tightened spacing gives 28 characters in both.
                new DocGrid { Type = DocGridValues.Lines, LinePitch = LinePitch }));
        }
        return stream.ToArray();
    }

    /// <summary>「（一）标题。正文」: the heading part in 楷体, the rest of the paragraph in the body font.</summary>
    private static Paragraph Subheading(string line)
    {
        var stop = line.IndexOf('。');
        var head = stop > 0 ? line[..(stop + 1)] : line;
        var p = Para(head, 16, SubheadingFont, indent: true);
        if (stop > 0 && stop + 1 < line.Length) p.Append(Run(line[(stop + 1)..], 16));
        // A heading alone on its line (a list follows) stays with what follows.
        else KeepWithNext(p);
        return p;
    }

    /// <summary>落款 and date: right-aligned, four characters in from the margin as the standard's example shows.</summary>
    private static Paragraph Signed(string text) =>
        new(new ParagraphProperties(new Indentation { RightChars = 400 }, new Justification { Val = JustificationValues.Right }), Run(text, 16));

    private static void Styles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts(BodyFont), new Spacing { Val = CharacterSpacing }, new FontSize { Val = "32" }, new Languages { EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new SpacingBetweenLines { Before = "0", After = "0", Line = LinePitch.ToString(System.Globalization.CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact })));
    }

    private static void FontTable(MainDocumentPart main)
    {
        var part = main.AddNewPart<FontTablePart>();
        part.Fonts = new Fonts(FontNames.Select(f => new Font(new AltName { Val = f.Alt }, new FontCharSet { Val = "86" },
            new FontFamily { Val = FontFamilyValues.Auto }) { Name = f.Name }));
    }
}
