namespace ClassScan.Extraction.Pdf;

/// <summary>The glyphs of one page in content-stream order, made by <see cref="TextOnlyPageFactory"/>.</summary>
internal sealed class PdfTextPage(IReadOnlyList<PdfGlyph> glyphs)
{
    public static PdfTextPage Empty { get; } = new([]);

    public IReadOnlyList<PdfGlyph> Glyphs => glyphs;
}
