using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Pipeline.Tests.Fakes;

/// <summary>
/// Reads the document as UTF-8 text; content starting with a command word misbehaves on purpose:
/// THROW:encrypted|unsupported|limit|corrupt|crash, HANG (ignores cancellation), BLANK, TRUNCATE:text (the text
/// limit was reached after "text").
/// </summary>
internal sealed class ScriptedExtractor : ITextExtractor, IExtractorSelector
{
    public string Name => "scripted";

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head) => fileName.EndsWith(".bin", StringComparison.Ordinal) ? null : this;

    public ExtractedText Extract(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var text = new StreamReader(content, Encoding.UTF8).ReadToEnd();
        if (text.StartsWith("TRUNCATE:", StringComparison.Ordinal))
            throw new TextLimitReachedException(new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", text["TRUNCATE:".Length..])],
                ["bara de första tecknen lästes (MaxExtractedChars)"]) { Truncated = true }, 100);
        switch (text)
        {
            case "THROW:encrypted": throw new EncryptedDocumentException("lösenordsskyddad");
            case "THROW:unsupported": throw new UnsupportedFormatException("legacy");
            case "THROW:limit": throw new ExtractionLimitException("MaxUncompressedBytes", "zip bomb");
            case "THROW:corrupt": throw new CorruptDocumentException("truncated");
            case "THROW:crash": throw new InvalidOperationException("parser bug near 19121212-1212");
            case "HANG": Thread.Sleep(Timeout.Infinite); break;
            case "BLANK": return new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", "   ")]);
        }
        return new ExtractedText([new TextSegment(SegmentKind.Body, "brödtext", text)]);
    }
}
