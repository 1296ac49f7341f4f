namespace ClassScan.Extraction.Pdf;

/// <summary>One page's text as <see cref="TextOnlyPageFactory"/> reads it (see <see cref="ContentOrderText"/>).</summary>
internal sealed class PdfTextPage(string text)
{
    public static PdfTextPage Empty { get; } = new("");

    public string Text => text;
}
