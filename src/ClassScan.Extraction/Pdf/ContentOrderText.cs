using System.Text;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// A page's text from its glyphs in content-stream order: PdfPig 0.1.16's ContentOrderTextExtractor.GetText
/// (default options) rewritten over <see cref="PdfGlyph"/>, so the text, its spaces and its line breaks stay
/// what PdfPig's full page gave. A space is inserted where the gap between one glyph's baseline end and the
/// next one's start exceeds 0.22 of the point size (table cells placed by separate text operations stay
/// separate words), a line break where the baseline moves by more than 0.9 of the smaller point size.
/// </summary>
internal static class ContentOrderText
{
    public static string GetText(List<PdfGlyph> glyphs)
    {
        var sb = new StringBuilder();
        PdfGlyph? previous = null;
        PdfGlyph? nonWhitespacePrevious = null;
        bool hasJustAddedWhitespace = false;
        foreach (var letter in glyphs)
        {
            if (string.IsNullOrEmpty(letter.Value)) continue;

            var lastNonWhitespace = nonWhitespacePrevious;
            if (!string.IsNullOrWhiteSpace(letter.Value)) nonWhitespacePrevious = letter;

            if (letter.Value == " " && !hasJustAddedWhitespace)
            {
                if (previous is { } p && IsNewline(p, letter)) continue;
                sb.Append(' ');
                previous = letter;
                hasJustAddedWhitespace = true;
                continue;
            }

            hasJustAddedWhitespace = false;
            if (previous is { } prev && letter.Value != " ")
            {
                if (lastNonWhitespace is { } nw && IsNewline(nw, letter))
                {
                    if (prev.Value == " ") sb.Remove(sb.Length - 1, 1);
                    sb.AppendLine();
                    hasJustAddedWhitespace = true;
                }
                else if (prev.Value != " ")
                {
                    var gap = letter.Start.X - prev.End.X;
                    if (IsProbablyWhitespace(gap, prev))
                    {
                        sb.Append(' ');
                        hasJustAddedWhitespace = true;
                    }
                }
            }

            sb.Append(letter.Value);
            previous = letter;
        }
        return sb.ToString();
    }

    private static bool IsProbablyWhitespace(double gap, PdfGlyph letter) =>
        gap > (letter.PointSize * 0.27) - (letter.PointSize * 0.05);

    private static bool IsNewline(PdfGlyph previous, PdfGlyph letter)
    {
        var ptSizePrevious = (int)Math.Round(previous.PointSize);
        var ptSize = (int)Math.Round(letter.PointSize);
        var minPtSize = ptSize < ptSizePrevious ? ptSize : ptSizePrevious;
        var gap = Math.Abs(previous.Start.Y - letter.Start.Y);
        return gap > minPtSize * 0.9;
    }
}
