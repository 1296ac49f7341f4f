using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Signs that a passage is about an identifiable private person when there is no personnummer: role words
/// (klienten, eleven, vårdnadshavaren), personal names with or without a role ("Klient: Ahmed Yusuf", "eleven
/// Elsa Berg", "Lucas Nguyen (13 år)"), home addresses, and case numbers of individual matters.
/// <para>
/// A name is Medium or High only when the person is plausibly a private subject of the text (see
/// <see cref="SubjectContext"/>): a capitalised full name with no case context (a judge in a published ruling, an
/// author, a novel's character) is Low. Anonymised references ("A.A.", "NN") are never names. Swedish role words,
/// labels and cues apply to segments whose language allows Swedish vocabulary
/// (<see cref="LanguageCodes.AllowsSwedishVocabulary"/>); English and Finnish text has a small cue list of its own.
/// </para>
/// <para>
/// Officials named in their role are not private individuals and are not reported: a name after an official
/// label ("Handläggare:", "Närvarande:", "Beslutande:"), next to a title ("enhetschef Maria Sundberg", "Agnes
/// Lundberg, biståndshandläggare", "Kristina Nilsson" above "Socialsekreterare"), with a party ("Ulla Nordström
/// (S)"), or with a work e-mail address in the same line. A person who is the subject of a matter ("Medarbetare:
/// Therese Hassan") is private even when employed by the municipality.
/// </para>
/// <para>
/// Kind <see cref="FindingKinds.Individ"/>; Detail and confidence as in <see cref="IndividualDetails"/>. Offsets are
/// exact so the rule engine can test proximity to health and other sensitive findings. MaskedSample never holds a
/// name or an address: initials ("E*** B***"), the role word, a masked street or "SN 2025/****".
/// </para>
/// Singleton, thread-safe, never throws on any input.
/// </summary>
internal sealed class IndividualDetector : IDetector
{
    public const string DetectorId = "se.individ";

    private static readonly Lazy<IndividualLexicon> Lexicon = new(IndividualLexicon.Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates the detector and loads its vocabulary (once per process).</summary>
    /// <exception cref="InvalidOperationException">A lexicon resource is missing (a build error).</exception>
    public IndividualDetector() => _ = Lexicon.Value;

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (text is null) return;
        var lexicon = Lexicon.Value;
        var found = new List<Finding>();
        var officialNames = new HashSet<string>(StringComparer.Ordinal);
        // A table header row or a list introduction in one segment applies to the segments of the same kind after it.
        var state = new ListContext(null, false);
        var stateKind = SegmentKind.Body;
        var anonymised = IsAnonymised(text);
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var raw = text.Segments[i]?.Text;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            if (text.Segments[i].Kind != stateKind) state = new ListContext(null, false);
            stateKind = text.Segments[i].Kind;
            var segment = new IndividualSegment(i, raw, LanguageCodes.AllowsSwedishVocabulary(text.LanguageOf(i)),
                LastLineOfPreviousSegment(text, i), FirstLineOfNextSegment(text, i), SharedSegments.For(text, i, raw));
            state = new IndividualScanner(lexicon, segment, found, officialNames, state, anonymised).Run();
        }

        // A person named once in an official role is an official throughout the document; a first name alone
        // ("Omar har svårt …") is the same identifiable person as a private full name elsewhere ("Elev: Omar Lundin").
        var privateFirstNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in found)
        {
            if (finding.Detail != IndividualDetails.Namn || finding.Confidence < Confidence.Medium) continue;
            var name = NameText(text, finding);
            var space = name.IndexOf(' ');
            if (space > 0 && (finding.Confidence == Confidence.High || !officialNames.Contains(name))) privateFirstNames.Add(name[..space]);
        }
        foreach (var finding in found)
        {
            if (finding.Detail == IndividualDetails.Namn)
            {
                var name = NameText(text, finding);
                // High needs a private label, role word or age beside the name: that outweighs the same person being
                // listed among those present ("Medarbetare: Maria Pekkari" … "Närvarande: Maria Pekkari; …").
                if (officialNames.Contains(name) && finding.Confidence < Confidence.High) continue;
                if (finding.Confidence == Confidence.Low && !name.Contains(' '))
                {
                    if (privateFirstNames.Contains(name) || (name.EndsWith('s') && privateFirstNames.Contains(name[..^1])))
                    {
                        findings.Add(finding with { Confidence = Confidence.Medium });
                        continue;
                    }
                    // A lone given name known only from the large generated lists ("Will", "Grant" in English text) is
                    // too uncertain to report; the curated Swedish list keeps its Low hits as before.
                    if (!lexicon.Names.IsCurated(name) && !(name.EndsWith('s') && lexicon.Names.IsCurated(name[..^1]))) continue;
                }
            }
            findings.Add(finding);
        }
    }

    private static bool IsAnonymised(ExtractedText text)
    {
        var count = 0;
        foreach (var segment in text.Segments)
        {
            if (segment?.Text is not { Length: > 0 } raw) continue;
            count += AnonymisedReferences.Count(raw, AnonymisedReferences.DocumentThreshold - count);
            if (count >= AnonymisedReferences.DocumentThreshold) return true;
        }
        return false;
    }

    private static string NameText(ExtractedText text, Finding finding) =>
        text.Segments[finding.SegmentIndex].Text.Substring(finding.Start, finding.Length).ToLowerInvariant();

    // Table rows arrive one segment each: "Ordförande<TAB>Justerare" in one, the names in the next.
    private static string? LastLineOfPreviousSegment(ExtractedText text, int index)
    {
        var kind = text.Segments[index].Kind;
        for (var j = index - 1; j >= 0; j--)
        {
            var segment = text.Segments[j];
            if (segment is null || segment.Kind != kind) continue;
            // Walks the lines from the end without splitting the whole segment (a sheet row can be megabytes).
            var rest = segment.Text.AsSpan();
            while (true)
            {
                var nl = rest.LastIndexOf('\n');
                var line = rest[(nl + 1)..];
                if (!line.IsWhiteSpace()) return line.Trim().ToString();
                if (nl < 0) return null;
                rest = rest[..nl];
            }
        }
        return null;
    }

    // A signature often spans two paragraphs ("Kristina Nilsson" / "Socialsekreterare"): the scanner needs the
    // first line of the next segment of the same kind.
    private static string? FirstLineOfNextSegment(ExtractedText text, int index)
    {
        var kind = text.Segments[index].Kind;
        for (var j = index + 1; j < text.Segments.Count; j++)
        {
            var segment = text.Segments[j];
            if (segment is null || segment.Kind != kind) continue;
            var rest = segment.Text.AsSpan();
            while (true)
            {
                var nl = rest.IndexOf('\n');
                var line = nl < 0 ? rest : rest[..nl];
                if (!line.IsWhiteSpace()) return line.Trim().ToString();
                if (nl < 0) break;
                rest = rest[(nl + 1)..];
            }
        }
        return null;
    }
}
