using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;
using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Health;

/// <summary>
/// Health data (GDPR art. 9): diagnoses, psychiatric and addiction terms, care contexts, treatments, medicines,
/// ICD-10 codes in context, disability, sick leave and rehabilitation, pregnancy, allergy. Lexicons are data
/// (halsa.txt hand-curated; halsa-swedmedner.txt derived, CC BY-SA 4.0) loaded once per process, and apply to text
/// of Swedish or unknown language; English and Finnish text get their own short lists (halsa-en.txt, halsa-fi.txt)
/// and text in other languages none (<see cref="ExtractedText.LanguageOf"/>).
/// <para>
/// Vocabulary is not yet a verdict: the detector only says how likely a passage is about a person's health.
/// Strong terms are Medium, High with a personal cue in the sentence, Low in a population sentence ("andel",
/// "procent", "bland unga ökar"); weak terms (care contexts, symptoms, treatments) are Low unless a personal
/// cue lifts them; general vocabulary (folkhälsa, hälsa och välbefinnande) is never reported. The rule engine
/// decides level 3 only with an individual in the same passage, so offsets are exact word spans.
/// </para>
/// Singleton, thread-safe, never throws on any input. MaskedSample: the first two letters of the word.
/// </summary>
internal sealed class HealthDetector : IDetector
{
    public const string DetectorId = "se.halsa";

    private static readonly LanguageLexicons Lexicons = new(["halsa.txt", "halsa-swedmedner.txt"], "halsa-en.txt", "halsa-fi.txt");

    /// <summary>Creates the detector and loads the lexicons (once per process).</summary>
    /// <exception cref="InvalidOperationException">A lexicon resource is missing (a build error).</exception>
    public HealthDetector() => Lexicons.LoadAll();

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (text is null) return;
        var codes = new List<(int Start, int Length)>();
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var raw = text.Segments[i]?.Text;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var segment = SharedSegments.For(text, i, raw);
            // Vocabulary of the segment's language only. ICD-10 codes next to "diagnos"/"ICD" are the same in any
            // language; where the language has no lexicon they are weighed with the Swedish context cues.
            var lexicon = Lexicons.For(text.LanguageOf(i));
            if (lexicon is not null) CategoryScanner.Scan(lexicon, segment, DetectorId, FindingKinds.Halsa, findings);
            lexicon ??= Lexicons.For(null)!;
            codes.Clear();
            IcdCodeMatcher.Find(segment.Text, segment.Lower, codes);
            foreach (var (start, length) in codes)
            {
                var sentence = segment.SentenceOf(start);
                var confidence = CategoryScanner.ConfidenceFor(weak: false, lexicon, segment, sentence);
                findings.Add(new Finding(DetectorId, FindingKinds.Halsa, confidence, i, start, length,
                    Mask.Word(raw.AsSpan(start, length), 2), HealthCategories.Icd10));
            }
        }
    }
}
