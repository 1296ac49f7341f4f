using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Lexicons;

/// <summary>
/// Shared scanning of one segment for a category detector: finds lexicon terms, drops general vocabulary,
/// applies cue-list requirements, and sets confidence from the sentence: a strong term is Medium, High with a
/// personal cue (han, hon, jag, "har diagnosen"), Low in a population sentence (andel, procent, %, bland, ökar);
/// a weak term is Low, Medium with a personal cue. Stateless; the per-call buffers live in <see cref="SegmentContext"/>.
/// </summary>
internal static class CategoryScanner
{
    public static void Scan(CategoryLexicon lexicon, SegmentContext segment, string detectorId, string kind, ICollection<Finding> findings)
    {
        var matches = new List<TermMatch>();
        lexicon.Terms.FindAll(segment.Text, segment.Lower, segment.Tokens, 0, segment.Tokens.Count, matches);
        if (matches.Count == 0) return;
        lexicon.Terms.SelectLongest(matches);

        foreach (var match in matches)
        {
            var term = lexicon.Terms[match.TermIndex];
            if (term.Category == CategoryLexicon.StopCategory) continue;
            var sentence = segment.SentenceOf(match.Start);
            if (term.Requires is { } list && !segment.SentenceHas(sentence, lexicon.CueLists[list])) continue;

            var confidence = ConfidenceFor(term.Weak, lexicon, segment, sentence);
            var firstWord = segment.Tokens[match.FirstToken];
            findings.Add(new Finding(
                detectorId, kind, confidence, segment.Index, match.Start, match.Length,
                Mask.Word(segment.Text.AsSpan(firstWord.Start, firstWord.Length), 2), term.Category));
        }
    }

    public static Confidence ConfidenceFor(bool weak, CategoryLexicon lexicon, SegmentContext segment, int sentence)
    {
        if (segment.SentenceHas(sentence, lexicon.Personal))
            return weak ? Confidence.Medium : Confidence.High;
        if (weak || segment.SentenceHasPopulationCue(sentence, lexicon.Population))
            return Confidence.Low;
        return Confidence.Medium;
    }
}
