using UglyToad.PdfPig.PdfFonts;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// What a font gives for a character code (its Unicode text and advance width), remembered for one document.
/// PdfPig answers <c>TryGetUnicode</c> and <c>GetBoundingBox</c> anew on every call, and for a composite (Type 0)
/// font each answer walks the CMap's CID ranges as a list: a CJK page spent three quarters of its time there,
/// while a document draws the same few hundred codes thousands of times. Both answers depend only on the font
/// and the code, so remembering them changes no text. A font holds at most <see cref="MaxCodesPerFont"/>
/// codes here (a hostile font may use millions), and at most <see cref="MaxFonts"/> fonts are remembered: PdfPig
/// builds a new font object each time an extended graphics state sets one, and keeping every such object alive
/// would let a hostile content stream grow the document's memory. Past either bound, lookups run every time, as before.
/// </summary>
internal sealed class GlyphLookupCache
{
    internal const int MaxCodesPerFont = 65_536;
    internal const int MaxFonts = 256;

    private readonly Dictionary<IFont, Dictionary<int, Glyph>> byFont = new(ReferenceEqualityComparer.Instance);
    private IFont? lastFont;
    private Dictionary<int, Glyph>? lastCodes;

    public readonly record struct Glyph(string Unicode, double Width);

    /// <summary>Fonts remembered so far (for tests of the bound).</summary>
    internal int FontCount => byFont.Count;

    public Glyph Get(IFont font, int code)
    {
        if (!ReferenceEquals(font, lastFont))
        {
            if (!byFont.TryGetValue(font, out var codes))
            {
                if (byFont.Count >= MaxFonts) return Look(font, code);
                byFont[font] = codes = [];
            }
            lastFont = font;
            lastCodes = codes;
        }
        if (lastCodes!.TryGetValue(code, out var known)) return known;
        var glyph = Look(font, code);
        if (lastCodes.Count < MaxCodesPerFont) lastCodes[code] = glyph;
        return glyph;
    }

    private static Glyph Look(IFont font, int code)
    {
        if (!font.TryGetUnicode(code, out var unicode) || unicode is null)
            unicode = new string((char)code, 1); // as PdfPig (and PDFBox 1.8)
        return new Glyph(unicode, font.GetBoundingBox(code).Width);
    }
}
