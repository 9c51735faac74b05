using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GzBioPlan.Dashboard.Shared;

/// <summary>The pieces every Word document the app writes is made of: runs with named fonts, paragraphs, page breaks, 「— 1 —」 page numbers.</summary>
public static class Docx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static RunFonts Fonts(string name) => new() { Ascii = name, HighAnsi = name, EastAsia = name, ComplexScript = name };

    public static Run Run(string text, int points, string? font = null, bool bold = false)
    {
        var props = new RunProperties();
        if (font is not null) props.Append(Fonts(font));
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var run = new Run(props);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    public static Paragraph Para(string text, int points, string? font = null, bool center = false, bool right = false, bool indent = false)
    {
        var props = new ParagraphProperties();
        if (center || right) props.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Right });
        // Two characters: in characters for Word and WPS, and in twips for LibreOffice, which ignores the former without a character grid.
        if (indent) props.Append(new Indentation { FirstLine = (points * 40).ToString(System.Globalization.CultureInfo.InvariantCulture), FirstLineChars = 200 });
        return new Paragraph(props, Run(text, points, font));
    }

    /// <summary>Keeps the paragraph on the page of the next one (a heading with its text, the text's end with the 落款).</summary>
    public static Paragraph KeepWithNext(Paragraph p)
    {
        (p.ParagraphProperties ??= new ParagraphProperties()).KeepNext ??= new KeepNext();
        return p;
    }

    public static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>「— N —」 with the page number as a field, so Word and WPS number every page.</summary>
    public static Paragraph PageNumber(int points, JustificationValues align, string? font = null, int indentChars = 0)
    {
        var props = new ParagraphProperties(new Justification { Val = align });
        if (indentChars > 0) props.Append(align == JustificationValues.Right ? new Indentation { RightChars = indentChars * 100 } : new Indentation { LeftChars = indentChars * 100 });
        var size = (points * 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Run Field(OpenXmlElement part) => new(new RunProperties(new FontSize { Val = size }), part);
        return new Paragraph(props, Run("— ", points, font), Field(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            Field(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }), Field(new FieldChar { FieldCharType = FieldCharValues.End }), Run(" —", points, font));
    }
}
