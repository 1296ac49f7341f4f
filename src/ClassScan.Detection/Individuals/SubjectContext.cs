using System.Text.RegularExpressions;
using ClassScan.Core.Findings;
using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Decides how sure we are that a name (not an official's) is a private person who is the subject of the text
/// (classification-policy.md rule 2: "a named private person (client, patient, pupil, applicant, employee as a
/// subject of the matter)"). Capitalisation and a listed given name only make a name; being a subject takes context:
/// <list type="bullet">
/// <item>High: a role word right before it ("eleven Elsa Berg", English "client John Smith", Finnish "asiakas Matti
/// Virtanen"), or a parenthesis with an age, class or relation ("Lucas Nguyen (13 år)", "Johanna Lind (mamma)").</item>
/// <item>Medium: a case cue right before it ("Ringde Aune Salonen", "Rehabmöte Maria Pekkari", "angående Omar
/// Lundin"); a full name as the subject of a statement about the person ("Erik Mattsson är sjukskriven", "X har
/// astma"), except in a document that anonymises its parties; a first name with a class or age ("Wilma i 9A"); a home
/// address on the next lines (a private sender); in English or Finnish text, a client/patient/pupil cue in the same
/// sentence.</item>
/// <item>Low otherwise: a name in an English novel, a citation, a list of authors.</item>
/// </list>
/// Swedish cues apply only to segments where Swedish vocabulary applies. One instance per segment.
/// </summary>
internal sealed partial class SubjectContext(IndividualLexicon lexicon, IndividualSegment segment, bool anonymisedDocument)
{
    private readonly List<TermMatch> scratch = [];

    /// <param name="name">The name.</param>
    /// <param name="lineIndex">Its line.</param>
    /// <param name="roleBefore">A Swedish role word stands right before it (found by the scanner's line pass).</param>
    /// <param name="addressLines">Lines holding a home address with postcode.</param>
    public Confidence Classify(NameSpan name, int lineIndex, bool roleBefore, IReadOnlySet<int> addressLines)
    {
        var tokens = segment.Tokens;
        var end = tokens[name.Last].End;
        var lineEnd = segment.Lines[lineIndex].End;
        if (!segment.Swedish) return ForeignCue(name);

        if (roleBefore || HasPrivateParenthesis(end, lineEnd)) return Confidence.High;
        // "Elsa Lindbäck, 19361203-9077", "Dennis Kallström, född 2008", "Nora Bergkvist 6A": an identity number, a
        // birth year or a school class names a private person.
        if (BirthAfter().IsMatch(segment.Text.AsSpan(end, Math.Min(lineEnd - end, 24)))) return Confidence.High;
        // A form label without a separator, as PDF tables come out ("Elev Elias Norberg", "Brukare Egon Blomqvist"),
        // or a plural noun for private persons ("Våra boende Ronja Eklund").
        if (name.First > 0 && segment.IsSpaceGap(name.First - 1))
        {
            var before = segment.LowerWord(name.First - 1);
            if ((char.IsUpper(segment.Word(name.First - 1)[0]) && lexicon.PrivateLabels.GetAlternateLookup<ReadOnlySpan<char>>().Contains(before))
                || lexicon.PrivateListWords.Any(segment.Text, segment.Lower, segment.Tokens, name.First - 1, name.First)) return Confidence.High;
        }
        if (EndsAt(lexicon.SubjectCues, name.First - 1, lineIndex)) return Confidence.Medium;
        if (!name.HasSurname)
            return FirstNameContext().IsMatch(segment.Text.AsSpan(end, Math.Min(lineEnd - end, 20))) ? Confidence.Medium : Confidence.Low;
        if (!anonymisedDocument && IsStatementAbout(name, lineEnd)) return Confidence.Medium;
        // A parenthesis that is no party, title or department ("Therese Hedlund (cerebral pares)") describes the person.
        if (segment.ReadParenthesis(end, lineEnd, out var inner, out _) && inner.TrimStart() is { Length: >= 3 } described
            && char.IsLower(described[0]) && !described.Any(char.IsDigit)) return Confidence.Medium;
        for (var l = lineIndex; l <= Math.Min(lineIndex + 2, segment.Lines.Count - 1); l++)
            if (addressLines.Contains(l)) return Confidence.Medium;
        // A description after a dash ("Mohammed Ali – epilepsi, akutmedicin i medicinskåpet"); titles were
        // ruled out before ("Ali Ali – enhetschef").
        if (DescriptionAfter().IsMatch(segment.Text.AsSpan(end, Math.Min(lineEnd - end, 40)))) return Confidence.Medium;
        // A street address right after the name ("Britt Nyberg Backvägen 15"): a person list with home addresses.
        if (StreetAfter().IsMatch(segment.Text.AsSpan(end, Math.Min(lineEnd - end, 40)))) return Confidence.Medium;
        return Confidence.Low;
    }

    /// <summary>
    /// A pay row: the name, perhaps a job title, then two salary amounts ("Camilla Kaya IT-tekniker 48200 50600 5,0").
    /// The employee is the subject of a salary review (classification-policy.md: salary of a named person is a
    /// private circumstance), even though the title would otherwise make the name an official's.
    /// </summary>
    public bool IsPayRow(NameSpan name, int lineIndex)
    {
        var end = segment.Tokens[name.Last].End;
        var lineEnd = segment.Lines[lineIndex].End;
        return segment.Swedish && PayAfter().IsMatch(segment.Text.AsSpan(end, Math.Min(lineEnd - end, 80)));
    }

    /// <summary>"(13 år)", "(1A)", "(mamma)", "(systerdotter)", "(19861117-2381)": a particular private person.</summary>
    public bool HasPrivateParenthesis(int end, int lineEnd)
    {
        if (!segment.ReadParenthesis(end, lineEnd, out var inner, out _)) return false;
        var trimmed = inner.Trim();
        if (AgeOrClassPattern().IsMatch(trimmed)) return true;
        var firstWord = trimmed.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return firstWord is not null && lexicon.Relations.Contains(firstWord.ToLowerInvariant());
    }

    /// <summary>
    /// The name is the subject of a statement about the person: "Erik Mattsson är sjukskriven", "X har astma",
    /// "Anders Söderberg (HR) har lämnat läkarintyg". Official acts ("har yrkat", "är ordförande", "utses") do not count.
    /// </summary>
    private bool IsStatementAbout(NameSpan name, int lineEnd)
    {
        var tokens = segment.Tokens;
        var p = tokens[name.Last].End;
        if (segment.ReadParenthesis(p, lineEnd, out _, out var after)) p = after;
        var verb = segment.Context.FirstTokenAtOrAfter(p);
        if (verb >= tokens.Count || tokens[verb].Start >= lineEnd) return false;
        var gap = segment.Text.AsSpan(p, tokens[verb].Start - p);
        // "Fatima Hansson, som har en lindrig intellektuell funktionsnedsättning"
        if (gap is ", " && segment.LowerWord(verb) is "som" && verb + 1 < tokens.Count && segment.IsSpaceGap(verb))
        {
            verb++;
            gap = " ";
        }
        if (gap.Length is 0 or > 2 || !gap.Trim().IsEmpty) return false;
        if (!lexicon.PersonVerbs.Contains(segment.LowerWord(verb))) return false;
        var next = verb + 1;
        return next >= tokens.Count || !lexicon.OfficialActs.Contains(segment.LowerWord(next));
    }

    /// <summary>English and Finnish text: only a client/patient/pupil cue makes a name a subject ("our client Matti Virtanen").</summary>
    private Confidence ForeignCue(NameSpan name)
    {
        var tokens = segment.Tokens;
        if (name.First > 0 && lexicon.ForeignCues.Contains(segment.LowerWord(name.First - 1))
            && segment.Gap(name.First - 1).Trim(" :").IsEmpty) return Confidence.High;
        // "Mr Virtanen" alone is only a name; with a cue in the sentence it is a subject.
        var sentence = segment.Context.SentenceOf(tokens[name.First].Start);
        var (from, to) = segment.Context.TokenRange(sentence);
        for (var t = from; t < to; t++)
            if (lexicon.ForeignCues.Contains(segment.LowerWord(t))) return Confidence.Medium;
        return Confidence.Low;
    }

    private bool EndsAt(TermMatcher matcher, int t, int lineIndex)
    {
        if (t < 0) return false;
        var tokens = segment.Tokens;
        if (tokens[t].Start < segment.Lines[lineIndex].Start) return false;
        // "Rehabmöte Maria Pekkari", "Genomförandeplan – Elsa Lindbäck", "Angående: Omar Lundin"
        var gap = segment.Gap(t);
        if (gap.Length is 0 or > 3 || !gap.Trim(" :–-").IsEmpty) return false;
        scratch.Clear();
        var from = Math.Max(segment.Context.FirstTokenAtOrAfter(segment.Lines[lineIndex].Start), t - 3);
        matcher.FindAll(segment.Text, segment.Lower, tokens, from, t + 1, scratch);
        foreach (var m in scratch)
            if (m.FirstToken + m.TokenCount - 1 == t) return true;
        return false;
    }

    /// <summary>After a first name: a class ("i 9A", "i åk 3") or an age (", 3 år") marks a particular child or pupil.</summary>
    [GeneratedRegex(@"^(?:\s+i\s+(?:åk\s*)?\d{1,2}\s?[A-ZÅÄÖ]?\b|,?\s+\d{1,3}\s+år\b)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNameContext();

    [GeneratedRegex(@"^[\s,;|]+(?:[\p{L}\-–]+[\s,;|]+){0,4}?(?:[1-9]\d{4}|1\d\s\d{3}|[2-9]\d\s\d{3})(?:\s?kr)?[\s;|]+(?:[1-9]\d{4}|[1-9]\d\s\d{3})(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex PayAfter();

    [GeneratedRegex(@"^\s*[–-]\s+\p{Ll}{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex DescriptionAfter();

    [GeneratedRegex(@"^(?:,|\s+på)?\s+\p{Lu}\p{Ll}+(?:gatan|vägen|gränd|stigen|allén|backen|torget|plan|leden|slingan)\s\d{1,3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex StreetAfter();

    [GeneratedRegex(@"^(?:,?\s+\d{1,2}[A-ZÅÄÖ](?![\p{L}\p{Nd}])|,?\s*(?:född\s+(?:19|20)\d{2}\b|(?:19|20)?\d{6}[-+]\d{4}(?!\d)))", RegexOptions.CultureInvariant)]
    private static partial Regex BirthAfter();

    [GeneratedRegex(@"^(?:\d{1,3}\s*år|\d{1,2}\s?[A-ZÅÄÖa-zåäö]|åk\s*\d{1,2}|\d{4}-\d{2}-\d{2}|\d{6,8}[-+]?\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex AgeOrClassPattern();
}
