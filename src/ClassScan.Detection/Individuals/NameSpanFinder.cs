using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Finds the shape of a personal name at a word: a given name from the gazetteer, an optional second given name,
/// an optional particle (af, von, el) and a capitalised surname ("Anna-Karin Lindqvist-Berg", "Anna Maria
/// Svensson"); or, right after a role word or private label, any two capitalised words ("Klient: Xhevdet Krasniqi").
/// It says nothing about who the person is: that is <see cref="OfficialContext"/>'s and <see cref="SubjectContext"/>'s job.
/// Stateless apart from its lexicon; thread-safe.
/// </summary>
internal sealed class NameSpanFinder(IndividualLexicon lexicon)
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "af", "von", "van", "de", "el", "al", "bin", "ibn", "da" };

    /// <summary>Reads a name starting at word <paramref name="k"/> (words up to <paramref name="to"/>, exclusive).</summary>
    /// <param name="afterRole">The word follows a role word or private label: an unlisted capitalised pair is a name too.</param>
    public bool TryRead(IndividualSegment s, int k, int to, bool afterRole, out NameSpan span)
    {
        span = default;
        var word = s.Word(k);
        if (!WordTokenizer.IsCapitalized(word)) return false;
        // "lex Maria", "lex Sarah": a statute's name, not a person.
        if (s.LowerWord(k) is "lex" || (k > 0 && s.IsSpaceGap(k - 1) && s.LowerWord(k - 1) is "lex")) return false;
        // "Mr Virtanen", "Ms. Hassan": the word after an honorific is a surname, listed or not.
        if (k > 0 && lexicon.Honorifics.Contains(s.LowerWord(k - 1)) && s.Gap(k - 1) is " " or ". " && !lexicon.NotSurnames.Contains(s.LowerWord(k))
            && !lexicon.Names.IsGivenName(s.LowerWord(k), out _))
        {
            span = new NameSpan(k, k, HasSurname: true, KnownGivenName: false);
            return true;
        }

        var names = lexicon.Names;
        var isName = names.IsGivenName(s.LowerWord(k), out var ambiguous);
        if (!isName && afterRole && k + 1 < to && s.IsSpaceGap(k) && IsSurnameAt(s, k + 1) && !lexicon.NotSurnames.Contains(s.LowerWord(k)))
        {
            var last = k + 1;
            if (last + 1 < to && s.Gap(last) is "-" && WordTokenizer.IsCapitalized(s.Word(last + 1))) last++;
            // "Tolkcentralen Öst AB", "Socialnämnden i Norrsjö": an organisation, not a person.
            if (last + 1 < to && !s.Gap(last).Contains('\t') && !s.Gap(last).Contains('\n') && lexicon.OrganisationWords.Contains(s.LowerWord(last + 1))) return false;
            span = new NameSpan(k, last, HasSurname: true, KnownGivenName: false);
            return true;
        }
        if (!isName)
        {
            // Genitive of a first name alone: "Mohammeds anfall", "Noors astma".
            if (word.Length > 3 && word[^1] == 's' && names.IsGivenName(s.LowerWord(k)[..^1], out ambiguous) && !ambiguous
                && !(k + 1 < to && s.IsSpaceGap(k) && (IsSurnameAt(s, k + 1) || lexicon.Institutions.Contains(s.LowerWord(k + 1)))))
            {
                span = new NameSpan(k, k, HasSurname: false, KnownGivenName: true);
                return true;
            }
            return false;
        }

        var j = k;
        if (j + 1 < to && s.Gap(j) is "-" && WordTokenizer.IsCapitalized(s.Word(j + 1))) j++; // Anna-Karin
        if (j + 2 < to && s.IsSpaceGap(j) && names.IsGivenName(s.LowerWord(j + 1), out _)
            && WordTokenizer.IsCapitalized(s.Word(j + 1)) && s.IsSpaceGap(j + 1) && IsSurnameAt(s, j + 2))
            j++; // Anna Maria Svensson

        var n = j + 1;
        if (n < to && s.IsSpaceGap(j) && Particles.Contains(s.LowerWord(n).ToString()) && n + 1 < to && s.IsSpaceGap(n) && IsSurnameAt(s, n + 1))
            n++; // af, von, el
        if (n < to && s.IsSpaceGap(n - 1) && IsSurnameAt(s, n))
        {
            if (n + 1 < to && s.Gap(n) is "-" && WordTokenizer.IsCapitalized(s.Word(n + 1))) n++; // Lindqvist-Berg
            // "Elsa Beskows skola", "Gustav Adolfs torg": a place or an institution, not a person.
            if (s.Word(n)[^1] == 's' && n + 1 < to && s.IsSpaceGap(n) && lexicon.Institutions.Contains(s.LowerWord(n + 1))) return false;
            span = new NameSpan(k, n, HasSurname: true, KnownGivenName: true);
            return true;
        }
        if (ambiguous) return false;
        span = new NameSpan(k, j, HasSurname: false, KnownGivenName: true);
        return true;
    }

    private bool IsSurnameAt(IndividualSegment s, int t) =>
        WordTokenizer.IsCapitalized(s.Word(t)) && !lexicon.NotSurnames.Contains(s.LowerWord(t));
}
