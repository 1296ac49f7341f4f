using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>Reads any file as UTF-8 text (the real extractors are tested elsewhere; here content is plain text).</summary>
internal sealed class PlainTextExtractor : ITextExtractor, IExtractorSelector
{
    public string Name => "text";

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head) => this;

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        new ExtractionResult.Text(new([new TextSegment(SegmentKind.Body, "brödtext", new StreamReader(content.Stream, Encoding.UTF8).ReadToEnd())]));
}
