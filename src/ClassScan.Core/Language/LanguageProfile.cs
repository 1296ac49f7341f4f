namespace ClassScan.Core.Language;

/// <summary>
/// The languages seen in one document: the document's main language and, where a segment is long enough to tell,
/// the segment's own (an English summary in a Swedish decision, a Finnish letter quoted in a Swedish e-mail).
/// Codes are ISO 639-1 ("sv", "en", "fi"); null means not identified. Immutable.
/// </summary>
/// <param name="Document">The main language of the document, or null when unknown.</param>
/// <param name="Segments">One entry per segment of the extracted text: its own language, or null to inherit
/// <paramref name="Document"/>. May be shorter than the segment list (missing entries inherit).</param>
public sealed record LanguageProfile(string? Document, IReadOnlyList<string?> Segments)
{
    /// <summary>A profile that says nothing: every segment is of unknown language.</summary>
    public static LanguageProfile Unknown { get; } = new(null, []);

    /// <summary>The language of a segment: its own if identified, else the document's, else null.</summary>
    public string? Of(int segmentIndex) =>
        segmentIndex >= 0 && segmentIndex < Segments.Count && Segments[segmentIndex] is { } own ? own : Document;
}
