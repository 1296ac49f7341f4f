using ClassScan.Core.Language;

namespace ClassScan.Core.Documents;

/// <summary>
/// The text of one document as a list of located segments, plus notes about what could not be read
/// (e.g. pages without a text layer). Immutable once built; safe to share between detectors.
/// </summary>
public sealed class ExtractedText
{
    public ExtractedText(IReadOnlyList<TextSegment> segments, IReadOnlyList<string>? notes = null, int pagesWithoutText = 0, int pageCount = 0)
    {
        Segments = segments;
        Notes = notes ?? [];
        PagesWithoutText = pagesWithoutText;
        PageCount = pageCount;
        long chars = 0;
        foreach (var s in segments) chars += s.Text.Length;
        TotalChars = chars;
    }

    public IReadOnlyList<TextSegment> Segments { get; }

    /// <summary>Remarks for the report about parts that were not read (no document content).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Pages (PDF) that had no text layer; a scanned page hides its content from every detector.</summary>
    public int PagesWithoutText { get; }

    /// <summary>
    /// Which pages (1-based) had no text layer, in page order, when the extractor knows (PDF, an image as page 1): the
    /// pages the OCR stage reads. Its count is at most <see cref="PagesWithoutText"/>; empty when none or not known.
    /// </summary>
    public IReadOnlyList<int> TextlessPages { get; init; } = [];

    /// <summary>Pages in a paged format (PDF); 0 when the format has no pages.</summary>
    public int PageCount { get; }

    public long TotalChars { get; }

    /// <summary>
    /// The document has more text than <see cref="ExtractionLimits.MaxExtractedChars"/>; these segments are the part
    /// read up to the limit. A verdict on it is a lower bound.
    /// </summary>
    public bool Truncated { get; init; }

    /// <summary>
    /// The languages of the document and its segments, set by the judge stage before detection
    /// (<see cref="ILanguageIdentifier"/>); <see cref="LanguageProfile.Unknown"/> until then, which detectors read as
    /// Swedish.
    /// </summary>
    public LanguageProfile Languages { get; private init; } = LanguageProfile.Unknown;

    /// <summary>The language of one segment (its own, else the document's); null when unknown.</summary>
    public string? LanguageOf(int segmentIndex) => Languages.Of(segmentIndex);

    /// <summary>The same text with its languages identified. Segments are shared, not copied.</summary>
    public ExtractedText WithLanguages(LanguageProfile languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        return new ExtractedText(Segments, Notes, PagesWithoutText, PageCount) { Truncated = Truncated, Languages = languages, TextlessPages = TextlessPages };
    }

    /// <summary>True when there is no non-whitespace text at all.</summary>
    public bool IsBlank
    {
        get
        {
            foreach (var s in Segments)
                if (!string.IsNullOrWhiteSpace(s.Text)) return false;
            return true;
        }
    }

    public static ExtractedText Empty { get; } = new([]);
}
