using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Text;

/// <summary>
/// XML files (.xml): decoded like text (honouring a declared encoding), then stripped of markup by
/// <see cref="XmlTagStripper"/>, which never parses a DTD or resolves anything. Stateless and thread-safe.
/// </summary>
internal sealed class XmlTextExtractor : ITextExtractor
{
    public static XmlTextExtractor Instance { get; } = new();

    private XmlTextExtractor()
    {
    }

    public string Name => "xml-text";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private static ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var bytes = InputGuard.ReadAll(content, limits, ct);
        var xml = TextDecoding.Decode(bytes, sniffDeclaredCharset: true);
        var c = new SegmentCollector(limits, ct);
        PlainTextExtractor.AddChunked(c, SegmentKind.Body, "text", XmlTagStripper.Strip(xml, ct));
        return c.Result();
    }
}
