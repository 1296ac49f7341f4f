using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Internal;

/// <summary>
/// Gathers the segments of one extraction and enforces <see cref="ExtractionLimits.MaxExtractedChars"/>: at the
/// limit extraction stops with <see cref="ExtractionResult.PartialText"/>: the text read so far (the
/// segment that crossed the limit cut at it), so the file is judged on that part instead of not at all.
/// Not thread-safe (one per call).
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
        var room = limits.MaxExtractedChars - total;
        if (text.Length > room)
        {
            if (room > 0) segments.Add(new TextSegment(kind, location, text[..(int)room]));
            total += Math.Max(0, room);
            StopAtLimit();
        }
        total += text.Length;
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
        if (total + pending > limits.MaxExtractedChars) StopAtLimit();
    }

    /// <summary>
    /// Like <see cref="EnsureRoom(long)"/> for text still being built in <paramref name="pending"/>: when it would pass
    /// the budget, the part of it that fits is kept (as <paramref name="kind"/> at <paramref name="location"/>) before
    /// extraction stops, so a document that is one huge part is judged on its beginning.
    /// </summary>
    public void EnsureRoom(StringBuilder pending, SegmentKind kind, string location)
    {
        if (total + pending.Length <= limits.MaxExtractedChars) return;
        Add(kind, location, pending.ToString());
        StopAtLimit();
    }

    /// <summary>Ends the extraction here: the text so far, marked truncated, is its result (see <see cref="ExtractionStop"/>).</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void StopAtLimit()
    {
        var note = $"bara de första {limits.MaxExtractedChars:N0} tecknen lästes (MaxExtractedChars)";
        var partial = new ExtractedText(segments.ToArray(), [.. notes, note]) { Truncated = true };
        throw new ExtractionStop(new ExtractionResult.PartialText(partial, limits.MaxExtractedChars));
    }

    public void Note(string note) => notes.Add(note);

    public ExtractedText Build(int pagesWithoutText = 0, int pageCount = 0, IReadOnlyList<int>? textlessPages = null) =>
        new(segments.ToArray(), notes.ToArray(), pagesWithoutText, pageCount) { TextlessPages = textlessPages ?? [] };

    /// <summary>The whole text as the extraction's result; <paramref name="textlessPages"/> are the pages OCR may read.</summary>
    public ExtractionResult Result(int pagesWithoutText = 0, int pageCount = 0, IReadOnlyList<int>? textlessPages = null) =>
        new ExtractionResult.Text(Build(pagesWithoutText, pageCount, textlessPages));
}
