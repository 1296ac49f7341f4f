using System.Globalization;
using System.Text.RegularExpressions;
using ClassScan.Core.Findings;
using ClassScan.Policy;

namespace ClassScan.Detection.Osl;

/// <summary>
/// A parsed secrecy marking: what it says, the OSL provision it cites, and the KLASSA level that the policy
/// implies for a document carrying it (classification-policy.md, "How the level of a file is decided", 1).
/// <para>
/// Levels: a citation of 25 or 26 kap., 21 kap. 1, 3 or 3 a §, 22 kap. 1 § or 23 kap. 2 § gives 3; national
/// security wording (HEMLIG, KVALIFICERAT/BEGRÄNSAT HEMLIG, STRIKT KONFIDENTIELL) without a citation gives 3;
/// "Skyddade personuppgifter" and "Sekretessmarkering" give 3 (21:3, 22:1); an uncited "SEKRETESS" naming
/// social services, health care or elevhälsa gives 3; every other marking gives 2.
/// </para>
/// <para>
/// <see cref="Detail"/> is what a finding carries: the cited provision ("26:1", "21:3a", "26") or, without a
/// citation, a keyword ("sekretess", "hemlig", "skyddade-personuppgifter", "sekretessmarkering",
/// "konfidentiell", "strikt-konfidentiell", or an area: "socialtjanst", "halso-och-sjukvard", "elevhalsa",
/// "personal"). <see cref="OslProvisions.ImpliedLevelOf"/> (the policy's table) maps a Detail back to the level, so the rule engine needs no text.
/// </para>
/// Immutable; all members are thread-safe and never throw.
/// </summary>
/// <param name="Kind">The wording of the marking.</param>
/// <param name="Chapter">The cited OSL chapter, or null when none is cited.</param>
/// <param name="Section">The cited section ("1", "3a"), or null.</param>
/// <param name="Area">An area named without a citation ("socialtjanst", "halso-och-sjukvard", "elevhalsa", "personal"), or null.</param>
/// <param name="ImpliedLevel">The KLASSA level the marking implies: 2 or 3.</param>
/// <param name="Detail">The Detail a finding carries (see above).</param>
/// <param name="UpperCase">The marking word is in capitals ("SEKRETESS"): a stamp even in running text.</param>
internal sealed partial record OslMarking(
    OslMarkingKind Kind,
    int? Chapter,
    string? Section,
    string? Area,
    int ImpliedLevel,
    string Detail,
    bool UpperCase)
{
    /// <summary>Longest line accepted as a marking; a stamp is short.</summary>
    public const int MaxLineLength = 140;

    /// <summary>Most free words a marking may carry after its citation ("– hälso- och sjukvård", ": ny elev").</summary>
    private const int MaxFreeWords = 6;

    public const string AreaSocialtjanst = MarkingDetails.AreaSocialtjanst;
    public const string AreaHalsoOchSjukvard = MarkingDetails.AreaHalsoOchSjukvard;
    public const string AreaElevhalsa = MarkingDetails.AreaElevhalsa;
    public const string AreaPersonal = MarkingDetails.AreaPersonal;

    /// <summary>True when the marking cites a provision.</summary>
    public bool HasCitation => Chapter is not null;

    /// <summary>
    /// Parses one line (a stamp, a header line, a subject) as a marking. The line must start with the marking
    /// (optionally after a short label and a dash: "Anbud – sekretess 19 kap. 3 § OSL"), and what follows may
    /// only be citations, law names, dates, reference numbers and a few words of area. Running text ("Sekretess
    /// enligt 26 kap. gäller för ...", "Sekretessen inom elevhälsan regleras ..."), quotations and headings such
    /// as "Sekretess och märkning" return null. Context (header or body, the line before) is the detector's job.
    /// </summary>
    public static OslMarking? Parse(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        while (line.Length > 0 && line[^1] is '.' or ' ') line = line[..^1];
        if (line.Length < 4 || line.Length > MaxLineLength) return null;
        if (line.IndexOfAny(Quotes) >= 0) return null;

        var text = line.ToString();
        var m = HeadPattern().Match(text);
        if (!m.Success) return null;

        var prefix = m.Groups["prefix"];
        var head = m.Groups["head"].Value;
        var tail = m.Groups["tail"].Value;

        // A stamp starts with a capital; "sekretess enligt ..." in lower case is a wrapped sentence.
        var firstLetter = prefix.Success ? prefix.Value[0] : head[0];
        if (!char.IsUpper(firstLetter)) return null;
        if (prefix.Success && ContainsAnyWord(prefix.Value, InstructionWords)) return null;

        var upper = IsUpper(head);
        var lowerHead = head.ToLowerInvariant();
        var kind = KindOf(lowerHead);
        if (kind == OslMarkingKind.Konfidentiell && !upper) return null; // "Konfidentiell" in a table is a level name, not a stamp

        var trimmedTail = tail.TrimStart();
        if (trimmedTail.Length > 0 && !StartsLikeMarkingTail(trimmedTail)) return null;

        // Citations first, then what is left must be a few area words and no running text.
        int? chapter = null;
        string? section = null;
        var bestLevel = 0;
        foreach (Match c in CitationPattern().Matches(tail))
        {
            var ch = int.Parse(c.Groups["ch"].Value, CultureInfo.InvariantCulture);
            if (ch is < 1 or > 44) continue;
            string? sec = c.Groups["sec"].Success
                ? c.Groups["sec"].Value + (c.Groups["let"].Success ? c.Groups["let"].Value.ToLowerInvariant() : "")
                : null;
            var level = OslProvisions.LevelFor(ch, sec);
            if (level > bestLevel) { bestLevel = level; chapter = ch; section = sec; }
        }

        var rest = CitationPattern().Replace(tail, " ");
        rest = NoisePattern().Replace(rest, " ");
        var words = WordPattern().Matches(rest);
        if (words.Count > MaxFreeWords) return null;
        foreach (Match w in words)
        {
            var word = w.Value.ToLowerInvariant();
            if (DiscussionWords.Contains(word)) return null;
        }
        if (kind == OslMarkingKind.SkyddadePersonuppgifter && words.Count > 0 && chapter is null && AreaOf(rest) is null)
            return null; // "Skyddade personuppgifter – så gör du" is a heading, not a stamp

        var area = AreaOf(rest) ?? (kind == OslMarkingKind.Sekretess ? AreaOf(prefix.Value) : null);
        var nationalSecurity = lowerHead.Contains("kvalificerat", StringComparison.Ordinal)
            || lowerHead.Contains("begränsat", StringComparison.Ordinal)
            || lowerHead.Contains("strikt", StringComparison.Ordinal)
            || (kind == OslMarkingKind.Konfidentiell && rest.Contains("säkerhetsskydd", StringComparison.OrdinalIgnoreCase));

        int impliedLevel;
        string detail;
        if (chapter is { } cited)
        {
            impliedLevel = bestLevel;
            detail = section is null ? cited.ToString(CultureInfo.InvariantCulture) : $"{cited}:{section}";
        }
        else
        {
            detail = kind switch
            {
                OslMarkingKind.Hemlig => MarkingDetails.Hemlig,
                OslMarkingKind.SkyddadePersonuppgifter => MarkingDetails.SkyddadePersonuppgifter,
                OslMarkingKind.Sekretessmarkering => MarkingDetails.Sekretessmarkering,
                OslMarkingKind.Konfidentiell => nationalSecurity ? MarkingDetails.StriktKonfidentiell : MarkingDetails.Konfidentiell,
                _ => area ?? MarkingDetails.Sekretess,
            };
            impliedLevel = OslProvisions.ImpliedLevelOf(detail);
        }
        return new OslMarking(kind, chapter, section, area, impliedLevel, detail, upper);
    }

    private static OslMarkingKind KindOf(string lowerHead) => lowerHead switch
    {
        _ when lowerHead.Contains("hemlig", StringComparison.Ordinal) => OslMarkingKind.Hemlig,
        _ when lowerHead.StartsWith("skyddad", StringComparison.Ordinal) => OslMarkingKind.SkyddadePersonuppgifter,
        _ when lowerHead.StartsWith("sekretessmarker", StringComparison.Ordinal) => OslMarkingKind.Sekretessmarkering,
        _ when lowerHead.Contains("konfidentiell", StringComparison.Ordinal) => OslMarkingKind.Konfidentiell,
        _ => OslMarkingKind.Sekretess,
    };

    private static string? AreaOf(string text)
    {
        var lower = text.ToLowerInvariant();
        if (lower.Contains("social", StringComparison.Ordinal) || lower.Contains("individ- och familjeomsorg", StringComparison.Ordinal)
            || lower.Contains("barnavård", StringComparison.Ordinal) || lower.Contains("lss", StringComparison.Ordinal))
            return AreaSocialtjanst;
        if (lower.Contains("elevhälsa", StringComparison.Ordinal)) return AreaElevhalsa;
        if (lower.Contains("sjukvård", StringComparison.Ordinal) || lower.Contains("patient", StringComparison.Ordinal)
            || lower.Contains("journal", StringComparison.Ordinal) || lower.Contains("hälsa", StringComparison.Ordinal))
            return AreaHalsoOchSjukvard;
        if (lower.Contains("personal", StringComparison.Ordinal)) return AreaPersonal;
        return null;
    }

    // After the marking word: nothing, a separator, "enligt"/"enl."/"jfr", a citation, a law name or "begärs".
    private static bool StartsLikeMarkingTail(string tail) =>
        tail[0] is '–' or '—' or '-' or ':' or ';' or ',' or '|' or '/' or '(' or '§' || char.IsDigit(tail[0])
        || TailStartPattern().IsMatch(tail);

    private static bool ContainsAnyWord(string text, HashSet<string> words)
    {
        foreach (Match w in WordPattern().Matches(text))
            if (words.Contains(w.Value.ToLowerInvariant())) return true;
        return false;
    }

    private static bool IsUpper(string text)
    {
        foreach (var c in text)
            if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static readonly char[] Quotes = ['"', '”', '“', '«', '»', '„', '\''];

    /// <summary>Words of running text or guidance: a line holding one is about markings, not a marking.</summary>
    private static readonly HashSet<string> DiscussionWords = new(StringComparer.Ordinal)
    {
        "ska", "skall", "får", "är", "kan", "måste", "bör", "gäller", "innebär", "betyder", "regleras", "omfattas",
        "märks", "märkas", "märka", "märkning", "hanteras", "avses", "finns", "innehåller", "lämnas", "råder",
        "prövas", "gör", "görs", "används", "skriv", "skrivs", "ange", "anges", "exempel", "hittar",
        "flytta", "när", "om", "att", "som", "inte", "ej", "vid", "redovisas", "bedöms", "tillämpas",
        "rutin", "rutiner", "riktlinje", "riktlinjer", "policy", "information", "informationsblad", "vägledning",
        "handbok", "handledning", "checklista", "utbildning", "frågor", "svar", "lathund", "mall", "instruktion",
        "hantering", "regler", "remiss", "remissvar", "till", "vi", "du", "ni", "man",
        "alla", "dig", "din", "er",
    };

    /// <summary>Words of a label before a dash that make the line an instruction or an example.</summary>
    private static readonly HashSet<string> InstructionWords = new(StringComparer.Ordinal)
    {
        "exempel", "ex", "t", "märk", "märks", "märkning", "skriv", "text", "texten", "såsom", "ange", "stämpel",
        "fråga", "frågor", "om",
    };

    [GeneratedRegex(@"^(?<prefix>\p{L}[\p{L}\-]*(?:\s+\p{L}[\p{L}\-]*){0,2}\s*[–—:|/\-]\s*)?(?<head>kvalificerat\s+hemlig|begränsat\s+hemlig|hemligt?|omfattas\s+av\s+sekretess|sekretessbelagd(?:\s+handling)?|sekretessmarkering|sekretessmarkerad|personalsekretess|sekretess|skyddade\s+personuppgifter|skyddad\s+identitet|strikt\s+konfidentiell|konfidentiell)(?![\p{L}\p{Nd}])(?<tail>.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"^(?:enligt|enl\b\.?|jfr|jämför|med\s+stöd\s+av|begärs|osl\b|offentlighets|sekretesslagen)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TailStartPattern();

    /// <summary>"26 kap. 1 §", "23 kap 2§", "21 kap. 3 a §", "26 kap.", "26:1", "21:3a" (not "2009:400").</summary>
    [GeneratedRegex(@"(?<!\d)(?<ch>\d{1,2})\s*kap\.?(?:\s*(?<sec>\d{1,2})\s*(?<let>[a-z])?\s*§)?|(?<![\d:])(?<ch>\d{1,2})\s*:\s*(?<sec>\d{1,2})(?:\s?(?<let>[a-z]))?(?![\d\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CitationPattern();

    /// <summary>Law names, connectors, paragraph references, dates and reference numbers a marking may carry.</summary>
    [GeneratedRegex(@"\b(?:offentlighets-\s*och\s+sekretesslagen|sekretesslagen|osl|sekrl|enligt|enl|jfr|jämför|med\s+stöd\s+av|begärs|och|samt|andra|första|tredje|stycket|st|p|punkt|§§?|kap|dnr|diarienummer|datum|beslutad|beslutat|av|den)\b|\(\s*\d{4}\s*:\s*\d+\s*\)|\d{4}-\d{2}-\d{2}|[A-ZÅÄÖ]{1,5}[\s-]?\d{4}[/-]\d+|\d+|§",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoisePattern();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
