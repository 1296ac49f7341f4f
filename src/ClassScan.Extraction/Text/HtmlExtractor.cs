using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Text;

/// <summary>
/// HTML files (.html/.htm): decoded (BOM, strict UTF-8, declared charset, Windows-1252), converted by
/// <see cref="HtmlText"/>; the title becomes a Metadata segment. Stateless and thread-safe.
/// </summary>
internal sealed class HtmlExtractor : ITextExtractor
{
    public static HtmlExtractor Instance { get; } = new();

    private HtmlExtractor()
    {
    }

    public string Name => "html";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        ExtractionStop.Run(() => Read(content.Stream, limits, ct));

    private static ExtractionResult Read(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        var bytes = InputGuard.ReadAll(content, limits, ct);
        var html = TextDecoding.Decode(bytes, sniffDeclaredCharset: true);
        var c = new SegmentCollector(limits, ct);
        string? title;
        string text;
        try
        {
            (title, text) = HtmlText.Convert(html, ct);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            return new ExtractionResult.Corrupt($"unreadable HTML ({ex.GetType().Name})");
        }
        if (title is not null) c.Add(SegmentKind.Metadata, "titel", title);
        PlainTextExtractor.AddChunked(c, SegmentKind.Body, "text", text);
        return c.Result();
    }
}
