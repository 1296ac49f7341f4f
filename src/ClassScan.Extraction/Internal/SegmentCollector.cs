using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Internal;

/// <summary>
/// Gathers the segments of one extraction and enforces <see cref="ExtractionLimits.MaxExtractedChars"/>:
/// the file fails rather than being judged on a part of its text. Not thread-safe (one per call).
/// </summary>
internal sealed class SegmentCollector(ExtractionLimits limits, CancellationToken ct)
{
    private readonly List<TextSegment> segments = [];
    private readonly List<string> notes = [];
    private long total;

    public CancellationToken Token => ct;

    public ExtractionLimits Limits => limits;

    public long TotalChars => total;

    /// <summary>Adds a segment unless it is blank; leading blank lines and trailing whitespace are trimmed.</summary>
    public void Add(SegmentKind kind, string location, string text)
    {
        ct.ThrowIfCancellationRequested();
        text = text.TrimEnd().TrimStart('\r', '\n');
        if (text.Length == 0 || string.IsNullOrWhiteSpace(text)) return;
        Charge(text.Length);
        segments.Add(new TextSegment(kind, location, text));
    }

    /// <summary>Adds the builder's text (if any) and clears it.</summary>
    public void Flush(SegmentKind kind, string location, StringBuilder sb)
    {
        if (sb.Length == 0) return;
        var text = sb.ToString();
        sb.Clear();
        Add(kind, location, text);
    }

    /// <summary>Fails early when text still being built would exceed the budget (a single huge part).</summary>
    public void EnsureRoom(long pending)
    {
        if (total + pending > limits.MaxExtractedChars) ThrowTooMuchText();
    }

    public void Note(string note) => notes.Add(note);

    public ExtractedText Build(int pagesWithoutText = 0, int pageCount = 0) =>
        new(segments.ToArray(), notes.ToArray(), pagesWithoutText, pageCount);

    private void Charge(long chars)
    {
        total += chars;
        if (total > limits.MaxExtractedChars) ThrowTooMuchText();
    }

    private void ThrowTooMuchText() =>
        throw new ExtractionLimitException(nameof(ExtractionLimits.MaxExtractedChars),
            $"more than {limits.MaxExtractedChars:N0} characters of text (MaxExtractedChars)");
}
