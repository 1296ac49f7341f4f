using System.Globalization;
using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// Stands in for the PDF extractor's view of a scan: content "SCANNED:n" is n pages without a text layer;
/// "SCANNED:n:text" has "text" as the text layer of page 1 (and pages 2..n scanned). Any other content is one page of
/// ordinary text. Selects itself for every file name.
/// </summary>
public sealed class ScannedPagesExtractor : ITextExtractor, IExtractorSelector
{
    public string Name => "scanned";

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head) => this;

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        var text = new StreamReader(content.Stream, Encoding.UTF8).ReadToEnd();
        if (!text.StartsWith("SCANNED:", StringComparison.Ordinal))
            return new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "sida 1", text)], pageCount: 1));
        var parts = text["SCANNED:".Length..].Split(':', 2);
        var pages = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var layer = parts.Length > 1 ? parts[1] : null;
        var textless = Enumerable.Range(layer is null ? 1 : 2, layer is null ? pages : pages - 1).ToArray();
        TextSegment[] segments = layer is null ? [] : [new TextSegment(SegmentKind.Body, "sida 1", layer)];
        return new ExtractionResult.Text(new ExtractedText(segments, [$"{textless.Length} av {pages} sidor saknar textlager (skannade?)"], textless.Length, pages)
        {
            TextlessPages = textless,
        });
    }
}
