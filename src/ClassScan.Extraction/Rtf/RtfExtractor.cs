using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Rtf;

/// <summary>
/// Rich Text Format (.rtf, and RTF saved under another name such as .doc, or an Outlook message body) with our
/// own reader (<see cref="RtfDocumentReader"/>): no RTF library is available, and RTF is a plain token language
/// whose text needs little more than a state stack and code pages. Stateless and thread-safe.
/// </summary>
internal sealed class RtfExtractor : ITextExtractor
{
    public static RtfExtractor Instance { get; } = new();

    private RtfExtractor()
    {
    }

    public string Name => "rtf";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    /// <summary>True when <paramref name="head"/> starts like an RTF file: <c>{\rtf</c>, after a BOM or whitespace.</summary>
    public static bool IsRtf(ReadOnlySpan<byte> head) => HeaderOffset(head) >= 0;

    private static ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var bytes = InputGuard.ReadAll(content, limits, ct);
        if (bytes.Length == 0) return new ExtractionResult.Corrupt("empty file, not RTF");
        int start = HeaderOffset(bytes);
        if (start < 0) return new ExtractionResult.Corrupt("not an RTF file (no {\\rtf header)");
        var c = new SegmentCollector(limits, ct);
        RtfDocumentReader.Read(bytes.AsSpan(start), c);
        return c.Result();
    }

    private static int HeaderOffset(ReadOnlySpan<byte> head)
    {
        int i = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (i < head.Length && i < 64 && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        // "{\rtf1", "{\rtf\ansi": the word is rtf itself, not a longer one.
        var rest = head[i..];
        return rest.StartsWith("{\\rtf"u8) && (rest.Length == 5 || !char.IsAsciiLetter((char)rest[5])) ? i : -1;
    }
}
