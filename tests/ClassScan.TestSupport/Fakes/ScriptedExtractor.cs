using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.TestSupport.Fakes;

/// <summary>
/// Reads the document as UTF-8 text; content starting with a command word gives that outcome on purpose:
/// RESULT:encrypted|unsupported|limit|corrupt, THROW:crash (a bug), HANG (ignores cancellation), BLANK, TRUNCATE:text
/// (the text limit was reached after "text").
/// </summary>
public sealed class ScriptedExtractor : ITextExtractor, IExtractorSelector
{
    public string Name => "scripted";

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head) => fileName.EndsWith(".bin", StringComparison.Ordinal) ? null : this;

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        var text = new StreamReader(content.Stream, Encoding.UTF8).ReadToEnd();
        if (text.StartsWith("TRUNCATE:", StringComparison.Ordinal))
            return new ExtractionResult.PartialText(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", text["TRUNCATE:".Length..])],
                ["bara de första tecknen lästes (MaxExtractedChars)"]) { Truncated = true }, 100);
        switch (text)
        {
            case "RESULT:encrypted": return new ExtractionResult.Encrypted("lösenordsskyddad");
            case "RESULT:unsupported": return new ExtractionResult.Unsupported("legacy");
            case "RESULT:limit": return new ExtractionResult.LimitReached("MaxUncompressedBytes", "zip bomb");
            case "RESULT:corrupt": return new ExtractionResult.Corrupt("truncated");
            case "THROW:crash": throw new InvalidOperationException("parser bug near 19121212-1212");
            case "HANG": Thread.Sleep(Timeout.Infinite); break;
            case "BLANK": return new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", "   ")]));
        }
        return new ExtractionResult.Text(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", text)]));
    }
}
