using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Pipeline.Tests.Fakes;

/// <summary>
/// A detector with a scripted delay: on text "WAIT" it blocks until <see cref="Release"/> is set (or forever
/// on "HANG-DETECT"), so tests can see which stage works while another one waits.
/// </summary>
internal sealed class GateDetector : IDetector
{
    public ManualResetEventSlim Release { get; } = new();
    public string Id => "test.gate";

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        switch (text.Segments[0].Text)
        {
            case "WAIT": Release.Wait(TimeSpan.FromSeconds(20)); break;
            case "HANG-DETECT": Thread.Sleep(Timeout.Infinite); break;
        }
    }
}

/// <summary>Reads text like <see cref="ScriptedExtractor"/>; on text "SIGNAL" it sets the gate it is given first.</summary>
internal sealed class SignallingExtractor(ManualResetEventSlim signal) : ITextExtractor, IExtractorSelector
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
