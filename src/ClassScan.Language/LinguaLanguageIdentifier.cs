using ClassScan.Core.Documents;
using ClassScan.Core.Language;
using Lingua;
using LinguaLanguage = Lingua.Language;

namespace ClassScan.Language;

/// <summary>
/// Identifies the language of a document and of its longer segments with Lingua (n-gram models, Apache-2.0), so that
/// vocabulary detectors match words of the language the text is in (classification-policy.md, Hard cases: "Any
/// language"). The document's language comes from a bounded sample spread over the text; a segment gets its own
/// language only when it has enough letters to tell (<see cref="MinSegmentLetters"/>), else it inherits.
/// <para>
/// Errs towards Swedish: a wrong "not Swedish" silences the Swedish lexicons on a Swedish document, a wrong
/// "Swedish" only lets them run where they would have run anyway. So Swedish wins whenever Lingua gives it a
/// fair share of the confidence (<see cref="SwedishShare"/>), and text too short to tell is unknown (null), which
/// detectors read as Swedish.
/// </para>
/// Build once and share: thread-safe (Lingua's models are loaded lazily, once per process, into shared maps),
/// CPU-bound and synchronous; never throws on any text.
/// </summary>
public sealed class LinguaLanguageIdentifier : ILanguageIdentifier
{
    /// <summary>Fewer letters than this in the whole document: unknown.</summary>
    public const int MinDocumentLetters = 20;

    /// <summary>A segment with fewer letters inherits the document's language (a cell, a heading, a subject line).</summary>
    public const int MinSegmentLetters = 200;

    /// <summary>Swedish wins over the top language when its confidence is at least this (Swedish, Norwegian and
    /// Danish share much of their n-grams; a Swedish text with English terms must stay Swedish).</summary>
    public const double SwedishShare = 0.2;

    // Bounds on the work per document: the document sample (windows × chars), and the segments looked at on their
    // own, each through its first SegmentSampleChars. Long segments beyond MaxSegments inherit the document's.
    // Lingua's cost grows with the trigrams of a sample times the candidate languages: about 1.5-2 ms of CPU per
    // 1,000 characters (measured, warm), so the worst case here is some 8 ms; the function-word shortcut answers
    // running Swedish and English prose in well under 0.1 ms.
    private const int DocumentWindows = 3;
    private const int DocumentWindowChars = 500;
    private const int SegmentSampleChars = 500;
    private const int MaxSegments = 6;

    /// <summary>
    /// The languages the scanner can tell apart: Swedish and its neighbours (which must not pass as Swedish), the
    /// languages of the municipalities' residents and of the documents found on their drives. A short list is
    /// faster and more accurate than all of Lingua's 79.
    /// </summary>
    /// <remarks>Each Latin-script candidate costs a model lookup per trigram of every sample, so the Latin list is
    /// kept to languages that tell something: a Romance or Slavic language not listed is still "not Swedish" as
    /// its nearest listed relative. Other scripts cost nothing on Latin text (Lingua filters by alphabet first).</remarks>
    private static readonly LinguaLanguage[] Candidates =
    [
        LinguaLanguage.Swedish, LinguaLanguage.English, LinguaLanguage.Finnish, LinguaLanguage.Bokmal,
        LinguaLanguage.Danish, LinguaLanguage.German, LinguaLanguage.French, LinguaLanguage.Spanish,
        LinguaLanguage.Polish, LinguaLanguage.Welsh, LinguaLanguage.Somali,
        LinguaLanguage.Serbian, LinguaLanguage.Russian, LinguaLanguage.Arabic, LinguaLanguage.Persian,
        LinguaLanguage.Tigrinya, LinguaLanguage.Greek, LinguaLanguage.Chinese, LinguaLanguage.Thai,
    ];

    private readonly LanguageDetector detector;
    private readonly bool shortcut;

    /// <summary>Builds the detector (the models load on first use). Low-accuracy mode: trigrams only, which Lingua
    /// uses anyway for text of 120 characters or more, and every sample here has at least 20 letters.</summary>
    /// <param name="functionWordShortcut">Answer unmistakable Swedish and English prose from its function words
    /// without Lingua (the default); false asks Lingua for every sample (to measure the shortcut against it).</param>
    public LinguaLanguageIdentifier(bool functionWordShortcut = true)
    {
        detector = LanguageDetectorBuilder.FromLanguages(Candidates).WithLowAccuracyMode().Build();
        shortcut = functionWordShortcut;
    }

    /// <summary>
    /// Loads the models of the Latin-script candidates now (trigrams, and the bigrams and unigrams Lingua falls back to
    /// for an unknown trigram), so that the first documents judged do not wait for them: loading them costs about a
    /// third of a second of one core, and the judge lanes all wait on it together. Meant for a pool thread while a
    /// scan sets up; safe to call more than once and beside <see cref="Identify"/>. Other scripts' models still load
    /// when text in them first appears: rare here, and Lingua never reads them for Latin text.
    /// </summary>
    public void Warm()
    {
        try
        {
            // Plain ASCII words of no particular language: Lingua's rules (letters unique to one language) cannot
            // decide, so every Latin candidate is scored; "qxzvj" holds trigrams and bigrams no model has.
            detector.ComputeLanguageConfidenceValues("qxzvj kommun rapport bilaga plan budget status");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only an early load: a model that cannot be read fails the same way on first use, where Identify handles it.
        }
    }

    public LanguageProfile Identify(ExtractedText text)
    {
        if (text is null || text.Segments.Count == 0) return LanguageProfile.Unknown;
        try
        {
            var document = IdentifySample(TextSample.Spread(text.Segments, DocumentWindows, DocumentWindowChars), MinDocumentLetters);
            return new LanguageProfile(document, IdentifySegments(text.Segments));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lingua is a third-party parser of arbitrary text; unknown language is the safe answer (Swedish vocabulary).
            return LanguageProfile.Unknown;
        }
    }

    /// <summary>The language of one piece of text, or null when it has too few letters or Lingua cannot tell.</summary>
    public string? IdentifyText(string text, int minLetters = MinDocumentLetters)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            return IdentifySample(TextSample.Head(text, DocumentWindows * DocumentWindowChars), minLetters);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private string?[] IdentifySegments(IReadOnlyList<TextSegment> segments)
    {
        var languages = new string?[segments.Count];
        // One segment is the document: it inherits what the document sample said.
        if (segments.Count == 1) return languages;
        var longSegments = new List<int>();
        for (var i = 0; i < segments.Count; i++)
            if (segments[i] is { } segment && IsRunningText(segment.Kind) && segment.Text.Length >= MinSegmentLetters
                && TextSample.Letters(segment.Text, MinSegmentLetters) >= MinSegmentLetters)
                longSegments.Add(i);
        // More long segments than the budget: take every k-th, so an appendix in another language is still seen.
        var stride = Math.Max(1.0, longSegments.Count / (double)MaxSegments);
        for (var k = 0.0; k < longSegments.Count; k += stride)
        {
            var i = longSegments[(int)k];
            languages[i] = IdentifySample(TextSample.Head(segments[i].Text, SegmentSampleChars), MinSegmentLetters);
        }
        return languages;
    }

    /// <summary>
    /// Segments that can be in a language of their own: running text, a note, an attachment. Tables, cells,
    /// headers and footers hold names, numbers and labels: they read as the document does, and asking Lingua about
    /// each would be most of the cost of a spreadsheet.
    /// </summary>
    private static bool IsRunningText(SegmentKind kind) => kind is SegmentKind.Body or SegmentKind.Attachment
        or SegmentKind.Footnote or SegmentKind.Endnote or SegmentKind.Comment or SegmentKind.TextBox or SegmentKind.Notes;

    private string? IdentifySample(string sample, int minLetters)
    {
        if (TextSample.Letters(sample, minLetters) < minLetters) return null;
        if (shortcut && FunctionWords.Obvious(sample) is { } obvious) return obvious;
        var confidence = detector.ComputeLanguageConfidenceValues(sample);
        LinguaLanguage top = LinguaLanguage.Unknown;
        double best = 0, swedish = 0;
        foreach (var (language, value) in confidence)
        {
            if (language == LinguaLanguage.Swedish) swedish = value;
            if (value > best) { best = value; top = language; }
        }
        if (top == LinguaLanguage.Unknown || best <= 0) return null;
        if (top != LinguaLanguage.Swedish && swedish >= SwedishShare) return LanguageCodes.Swedish;
        return Code(top);
    }

    private static string Code(LinguaLanguage language) => language.IsoCode6391().ToString().ToLowerInvariant();
}
