using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Sensitive;

/// <summary>
/// The other special categories of personal data (GDPR art. 9: ethnic origin, religion, political opinion,
/// trade-union membership, sex life or orientation, genetic and biometric data), offences (art. 10),
/// social-services measures and protected identity, from kansliga.txt for text of Swedish or unknown language
/// (kansliga-en.txt for English, kansliga-fi.txt for Finnish, none for other languages). Confidence works as for
/// <see cref="Health.HealthDetector"/>; union and party names only count next to a membership word
/// ("medlemmar i Kommunal"), so a union at the negotiating table or a politician's party is not reported.
/// Singleton, thread-safe, never throws on any input. MaskedSample: the first two letters of the word.
/// </summary>
internal sealed class SensitiveCategoryDetector : IDetector
{
    public const string DetectorId = "se.kansliga-kategorier";

    private static readonly LanguageLexicons Lexicons = new(["kansliga.txt"], "kansliga-en.txt", "kansliga-fi.txt");

    /// <summary>Creates the detector and loads the lexicons (once per process).</summary>
    /// <exception cref="InvalidOperationException">A lexicon resource is missing (a build error).</exception>
    public SensitiveCategoryDetector() => Lexicons.LoadAll();

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (text is null) return;
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var raw = text.Segments[i]?.Text;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (Lexicons.For(text.LanguageOf(i)) is not { } lexicon) continue;
            CategoryScanner.Scan(lexicon, SharedSegments.For(text, i, raw), DetectorId, FindingKinds.KansligKategori, findings);
        }
    }
}
