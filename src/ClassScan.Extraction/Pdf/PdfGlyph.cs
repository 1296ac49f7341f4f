using UglyToad.PdfPig.Core;

namespace ClassScan.Extraction.Pdf;

/// <summary>
/// One shown glyph as text extraction needs it: its text and baseline start and end on the page (the advance
/// width, not the outline), its point size, and which text-showing operation drew it.
/// </summary>
internal readonly record struct PdfGlyph(string Value, PdfPoint Start, PdfPoint End, double PointSize, int TextSequence);
