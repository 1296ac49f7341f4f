using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Tells whether a name is someone acting in an official role (classification-policy.md, Hard cases: "Officials
/// named in their role are not the subject"): a title before it ("enhetschef Maria Sundberg", "hovrättsrådet
/// Lena Bång") or after it ("Agnes Lundberg, biståndshandläggare", "Kristina Nilsson" above "Socialsekreterare"),
/// a party ("Ulla Nordström (S)"), a contact phrase ("Kontakta Filip Hassan"), a work e-mail beside it, an official
/// label ("Handläggare:", "Närvarande:", "Kontakt:", "Foto:") or a row of titles above it. One instance per segment.
/// </summary>
internal sealed partial class OfficialContext(IndividualLexicon lexicon, IndividualSegment segment)
{
    /// <summary>Characters either side of a name searched for an e-mail address; bounds the work on very long lines.</summary>
    public const int NearWindow = 200;

    private readonly List<TermMatch> scratch = [];

    // Reused by IsOfficialLabel, called for many cells and labels of a segment (never re-entered).
    private readonly List<WordToken> labelTokens = [];
    private readonly List<TermMatch> labelMatches = [];

    private string Text => segment.Text;

    /// <summary>True when the name <paramref name="name"/> on line <paramref name="lineIndex"/> is an official in their role.</summary>
    public bool IsOfficial(int lineIndex, NameSpan name)
    {
        var tokens = segment.Tokens;
        var start = tokens[name.First].Start;
        var end = tokens[name.Last].End;
        // "enhetschef Maria Sundberg", "genom handläggare Anna Svensson", "Kontakta Filip Hassan på …"
        if (EndsAt(lexicon.Titles, name.First - 1, lineIndex) || EndsAt(lexicon.ContactWords, name.First - 1, lineIndex)) return true;

        var (lineStart, lineEnd) = segment.Lines[lineIndex];
        var p = end;
        // "Ulla Nordström (S)", "Mikael Mattsson (förvaltningschef)", "Helena Korhonen (chef)", "Maria Diamant (Försvarsdepartementet)"
        if (segment.ReadParenthesis(p, lineEnd, out var inner, out var after))
        {
            var trimmed = inner.Trim();
            if (lexicon.Parties.Contains(trimmed) || trimmed is "-" or "–") return true; // "(-)": a member without a party
            if (StartsWithTitle(inner) || IsOfficialLabel(NormaliseFirstWords(trimmed)) || IsOfficialLabel(FirstWord(trimmed))) return true;
            p = after;
        }
        // "Agnes Lundberg, biståndshandläggare", "Peter Hansson<TAB>Systemförvaltare", "Ali Ali – enhetschef", "Lars Werner m.fl. (V)"
        var sep = p;
        while (sep < lineEnd && Text[sep] == ' ') sep++;
        if (Text.AsSpan(sep, Math.Min(lineEnd - sep, 5)).StartsWith("m.fl.", StringComparison.Ordinal)) return true;
        var separated = sep < lineEnd && (Text[sep] is ',' or ';' or '\t' or '–' or '-' or '|' || sep - p >= 2);
        if (separated)
        {
            while (sep < lineEnd && Text[sep] is ',' or ';' or '\t' or '–' or '-' or '|' or ' ') sep++;
            // "Helena Bergqvist," at the end of a PDF line, "nämndsekreterare" on the next
            if (sep >= lineEnd && HasCommaAfter(p, lineEnd)
                && segment.NextNonEmptyLine(lineIndex) is { } wrapped && StartsWithTitle(wrapped, allowGenitive: true))
                return true;
            if (sep < lineEnd && StartsWithTitleAt(sep, lineEnd)) return true;
            var wordEnd = sep;
            while (wordEnd < lineEnd && char.IsLetter(Text[wordEnd])) wordEnd++;
            if (wordEnd > sep && lexicon.Parties.Contains(Text[sep..wordEnd])) return true; // "Hassan Abdi   Socialdemokraterna"
        }

        // Signature block: the name alone on its line, a title on the next ("Kristina Nilsson" / "Socialsekreterare").
        var line = Text.AsSpan(lineStart, lineEnd - lineStart).Trim().TrimEnd(",.".AsSpan());
        if (line.Length == end - start)
        {
            var nextLine = segment.NextNonEmptyLine(lineIndex);
            if (nextLine is not null && StartsWithTitle(nextLine, allowGenitive: false)) return true;
        }

        // Work e-mail near the name or on the next line: "Malin Eklund, malin.eklund@lindvalla.se"; contact lists.
        var near = Math.Max(lineStart, start - NearWindow);
        var lineText = Text.AsSpan(near, Math.Min(lineEnd, end + NearWindow) - near);
        if (lineText.Contains('@') && EmailNamesPerson(lineText, name.Last)) return true;
        var following = segment.NextNonEmptyLine(lineIndex);
        return following is not null && following.Length <= 2 * NearWindow && following.Contains('@') && EmailNamesPerson(following, name.Last);
    }

    /// <summary>A header row of titles ("Ordförande  Justerare  Sekreterare"): the names below it sign in their roles.</summary>
    public bool IsTitleRow(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return false;
        // One cell is never a row of titles: most lines have no cell break, and need no split.
        if (!HasCellBreak(line.AsSpan().Trim())) return false;
        var cells = 0;
        var row = line.AsSpan().Trim();
        foreach (var range in CellSplit().EnumerateSplits(row))
        {
            var label = IndividualSegment.NormaliseLabel(row[range]);
            if (label.Length == 0) continue;
            if (!IsOfficialLabel(label, allowDepartment: false)) return false;
            cells++;
        }
        return cells >= 2;
    }

    /// <summary>An official label: "Handläggare", "Övriga närvarande", a title ("Ledamot", "2:e vice ordförande"), a department ("HR-avdelningen").</summary>
    public bool IsOfficialLabel(string label, bool allowDepartment = true)
    {
        if (lexicon.OfficialLabels.Contains(label)) return true;
        // Department labels ("HR-avdelningen:") name the unit that answers; in a row of titles they are not titles.
        if (allowDepartment && (label.EndsWith("avdelningen", StringComparison.Ordinal) || label.EndsWith("enheten", StringComparison.Ordinal)
            || label.EndsWith("förvaltningen", StringComparison.Ordinal) || label.EndsWith("kontoret", StringComparison.Ordinal)
            || label.EndsWith("departementet", StringComparison.Ordinal)))
            return true;
        var tokens = labelTokens;
        tokens.Clear();
        WordTokenizer.Tokenize(label, tokens);
        if (tokens.Count is 0 or > 4) return false;
        var matches = labelMatches;
        matches.Clear();
        lexicon.Titles.FindAll(label, label, tokens, 0, tokens.Count, matches);
        foreach (var m in matches)
            if (m.FirstToken + m.TokenCount == tokens.Count) return true;
        return false;
    }

    /// <summary>Where <see cref="CellSplit"/> would split: a tab or two whitespace characters in a row.</summary>
    private static bool HasCellBreak(ReadOnlySpan<char> line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\t') return true;
            if (char.IsWhiteSpace(line[i]) && i + 1 < line.Length && char.IsWhiteSpace(line[i + 1])) return true;
        }
        return false;
    }

    /// <summary>
    /// Inline official labels: "Fackliga företrädare: Sara Jakobsson, Vision, och Anna Björk" — names from the
    /// colon to the end of the sentence (across wrapped lines, not across a blank line) are officials.
    /// </summary>
    public List<(int From, int To)> InlineOfficialRanges()
    {
        var ranges = new List<(int, int)>();
        var end = Text.Length;
        for (var i = 1; i < end; i++)
        {
            if (Text[i] != ':') continue;
            var from = i - 1;
            while (from > 0 && i - from < 40 && !(Text[from] == '.' && Text[from + 1] == ' ') && Text[from] is not ('\t' or '\n')) from--;
            var label = IndividualSegment.NormaliseLabel(Text.AsSpan(from, i - from).TrimStart(". \t\n".AsSpan()));
            if (label.Length == 0 || !IsOfficialLabel(label)) continue;
            var stop = i + 1;
            var limit = Math.Min(end, i + 400);
            while (stop < limit && !(Text[stop] == '.' && (stop + 1 >= end || char.IsWhiteSpace(Text[stop + 1])))
                && !(Text[stop] == '\n' && stop + 1 < end && Text[stop + 1] == '\n')) stop++;
            ranges.Add((i, stop));
        }
        return ranges;
    }

    /// <summary>A title among the first words of <paramref name="span"/> ("kommunstyrelsens ordförande" with a genitive before it).</summary>
    public bool StartsWithTitle(ReadOnlySpan<char> span, bool allowGenitive = false)
    {
        var s = span.ToString();
        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(s, tokens);
        if (tokens.Count == 0) return false;
        var lower = s.ToLowerInvariant();
        var limit = Math.Min(tokens.Count, 4);
        var matches = new List<TermMatch>();
        lexicon.Titles.FindAll(s, lower, tokens, 0, limit, matches);
        foreach (var m in matches)
        {
            if (m.FirstToken == 0) return true;
            // "LSS-handläggare", "it-chef": the title after a hyphenated prefix.
            if (m.FirstToken == 1 && s.AsSpan(tokens[0].End, tokens[1].Start - tokens[0].End).SequenceEqual("-")) return true;
            // "kommunstyrelsens ordförande", "socialnämndens ordförande"
            if (allowGenitive && m.FirstToken == 1 && lower[tokens[0].End - 1] == 's' && char.IsLower(s[tokens[0].Start])) return true;
        }
        return false;
    }

    /// <summary>
    /// <see cref="StartsWithTitle"/> (with genitives) for the words of this segment from <paramref name="position"/> to
    /// the end of the line, without copying them: this runs for every name followed by a comma or a table cell.
    /// </summary>
    private bool StartsWithTitleAt(int position, int lineEnd)
    {
        var context = segment.Context;
        var tokens = segment.Tokens;
        var first = context.FirstTokenAtOrAfter(position);
        if (first >= tokens.Count || tokens[first].Start >= lineEnd || tokens[first].Start - position > 80) return false;
        var limit = first;
        while (limit < tokens.Count && limit - first < 4 && tokens[limit].Start < lineEnd && tokens[limit].Start - position < 80) limit++;
        scratch.Clear();
        lexicon.Titles.FindAll(Text, segment.Lower, tokens, first, limit, scratch);
        foreach (var m in scratch)
        {
            if (m.FirstToken == first) return true;
            if (m.FirstToken != first + 1) continue;
            // "LSS-handläggare", "it-chef": the title after a hyphenated prefix.
            if (segment.Gap(first) is "-") return true;
            // "kommunstyrelsens ordförande", "socialnämndens ordförande"
            if (segment.Lower[tokens[first].End - 1] == 's' && char.IsLower(Text[tokens[first].Start])) return true;
        }
        return false;
    }

    private static string FirstWord(string s)
    {
        var cut = s.IndexOfAny([',', ';', ' ']);
        return IndividualSegment.NormaliseLabel(cut > 0 ? s.AsSpan(0, cut) : s);
    }

    private static string NormaliseFirstWords(string s)
    {
        var cut = s.IndexOfAny([',', ';']);
        return IndividualSegment.NormaliseLabel(cut > 0 ? s.AsSpan(0, cut) : s);
    }

    private bool HasCommaAfter(int position, int lineEnd)
    {
        var rest = Text.AsSpan(position, Math.Min(lineEnd - position, 8)).Trim();
        return rest is "," && lineEnd - position <= 8;
    }

    private bool EndsAt(TermMatcher matcher, int t, int lineIndex)
    {
        if (t < 0) return false;
        var tokens = segment.Tokens;
        var (lineStart, _) = segment.Lines[lineIndex];
        if (tokens[t].Start < lineStart) return false;
        var gap = Text.AsSpan(tokens[t].End, tokens[t + 1].Start - tokens[t].End);
        if (gap.Length is 0 or > 2 || gap.Trim().Length > 0) return false;
        scratch.Clear();
        var from = Math.Max(segment.Context.FirstTokenAtOrAfter(lineStart), t - 3);
        matcher.FindAll(Text, segment.Lower, tokens, from, t + 1, scratch);
        foreach (var m in scratch)
            if (m.FirstToken + m.TokenCount - 1 == t) return true;
        return false;
    }

    private bool EmailNamesPerson(ReadOnlySpan<char> line, int surnameToken)
    {
        var surname = Fold(segment.LowerWord(surnameToken));
        if (surname.Length < 3) return false;
        foreach (Match m in EmailPattern().Matches(line.ToString()))
            if (Fold(m.Groups["local"].Value.ToLowerInvariant()).Contains(surname, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Fold(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch { 'å' or 'ä' or 'á' or 'à' => 'a', 'ö' or 'ø' or 'ó' => 'o', 'é' or 'è' or 'ë' => 'e', 'ü' => 'u', 'ć' or 'č' => 'c', _ => c });
        return sb.ToString();
    }

    [GeneratedRegex(@"\t|\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"(?<local>[\p{L}\p{Nd}._%+\-]+)@[\p{L}\p{Nd}.\-]+\.[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
