using ClassScan.Core.Documents;

namespace ClassScan.TestSupport.Fakes;

/// <summary>Reads text like <see cref="ScriptedExtractor"/>; on text "SIGNAL" it sets the gate it is given first.</summary>
public sealed class SignallingExtractor(ManualResetEventSlim signal) : ITextExtractor, IExtractorSelector
{
    public string Name => "signalling";

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head) => this;

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        var text = new StreamReader(content.Stream).ReadToEnd();
        if (text == "SIGNAL") signal.Set();
        return new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", text)]));
    }
}
