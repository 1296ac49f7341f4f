using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Text;

/// <summary>
/// Plain text files (.txt .csv .tsv .md .json .log): decoded with <see cref="TextDecoding"/> and split into
/// segments of whole lines ("text", "text del N"). Stateless and thread-safe.
/// </summary>
internal sealed class PlainTextExtractor : ITextExtractor
{
    private const int ChunkChars = 1024 * 1024;

    public static PlainTextExtractor Instance { get; } = new();

    private PlainTextExtractor()
    {
    }

    public string Name => "text";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private static ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var bytes = InputGuard.ReadAll(content, limits, ct);
        var text = TextDecoding.Decode(bytes);
        var c = new SegmentCollector(limits, ct);
        AddChunked(c, SegmentKind.Body, "text", text);
        return c.Result();
    }

    /// <summary>Splits long text at line ends so no segment is huge; a short text stays one segment.</summary>
    internal static void AddChunked(SegmentCollector c, SegmentKind kind, string location, string text)
    {
        // No EnsureRoom up front: Add cuts the chunk that crosses MaxExtractedChars, so a huge file is judged on its beginning.
        if (text.Length <= ChunkChars)
        {
            c.Add(kind, location, text);
            return;
        }
        int start = 0, part = 0;
        while (start < text.Length)
        {
            int end = Math.Min(text.Length, start + ChunkChars);
            if (end < text.Length)
            {
                int nl = text.LastIndexOf('\n', end - 1, end - start);
                if (nl > start) end = nl + 1;
            }
            c.Add(kind, part == 0 ? location : $"{location} del {part + 1}", text[start..end]);
            part++;
            start = end;
        }
    }
}
