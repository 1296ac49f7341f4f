using System.Text;
using System.Text.RegularExpressions;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;
using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>Scans one segment for <see cref="IndividualDetector"/>. One instance per segment per call; not shared.</summary>
internal sealed partial class IndividualScanner
{
    private enum LabelKind { None, Private, Official }

    private readonly IndividualLexicon lexicon;
    private readonly int segmentIndex;
    private readonly string text;
    private readonly string? previousSegmentLine;
    private readonly string? nextSegmentLine;
    private readonly ICollection<Finding> findings;
    private readonly ISet<string> officialNames;
    private readonly SegmentContext context;
    private readonly List<(int Start, int End)> lines = [];
    private readonly HashSet<int> linesWithPrivateName = [];
    private List<(int From, int To)> inlineOfficial = [];
    private string[]? columns;
    private bool privateList;

    /// <param name="officialNames">Receives the lower-cased full names judged to be officials, so the detector can drop
    /// other mentions of the same person in the document ("Bengt Virtanen (M)" … "Bengt Virtanen utses att justera").</param>
    /// <param name="state">Table columns and private-list state left by the previous segment of the same kind.</param>
    public IndividualScanner(IndividualLexicon lexicon, int segmentIndex, string text, string? previousSegmentLine, string? nextSegmentLine,
        ICollection<Finding> findings, ISet<string> officialNames, ScanState state)
    {
        columns = state.Columns;
        privateList = state.PrivateList;
        this.lexicon = lexicon;
        this.segmentIndex = segmentIndex;
        this.text = text;
        this.previousSegmentLine = previousSegmentLine;
        this.nextSegmentLine = nextSegmentLine;
        this.findings = findings;
        this.officialNames = officialNames;
        context = new SegmentContext(segmentIndex, text);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            lines.Add((start, i));
            start = i + 1;
        }
    }

    private List<WordToken> Tokens => context.Tokens;

    /// <summary>Scans the segment; returns the state in force after it (for the next segment of the same kind).</summary>
    public ScanState Run()
    {
        inlineOfficial = InlineOfficialRanges(0, text.Length);
        for (var l = 0; l < lines.Count; l++) ScanLine(l);
        ScanAddresses();
        ScanCaseNumbers();
        return new ScanState(columns, privateList);
    }

    private void ScanLine(int lineIndex)
    {
        var (lineStart, lineEnd) = lines[lineIndex];
        if (lineEnd <= lineStart) return;
        var from = context.FirstTokenAtOrAfter(lineStart);
        var to = context.FirstTokenAtOrAfter(lineEnd);
        if (from >= to) return;

        var trimmedLine = text.AsSpan(lineStart, lineEnd - lineStart).Trim();
        var listItem = privateList && trimmedLine.Length < 100 && trimmedLine[^1] is not ('.' or ':');
        privateList = trimmedLine[^1] == ':' ? lexicon.PrivateListWords.Any(text, context.Lower, Tokens, from, to) : listItem;

        var (label, labelEnd) = ReadLabel(lineStart, lineEnd);
        var valueEnd = CellEnd(labelEnd, lineEnd); // a private label names the person in the next cell only
        var underTitleRow = IsTitleRow(PreviousNonEmptyLine(lineIndex));
        var cellSeparator = CellSeparatorOf(lineStart, lineEnd);
        if (cellSeparator is null) columns = null;
        else if (IsHeaderRow(lineStart, lineEnd, cellSeparator.Value))
        {
            columns = text[lineStart..lineEnd].Split(cellSeparator.Value).Select(c => NormaliseLabel(c)).ToArray();
            return;
        }

        var roles = new List<TermMatch>();
        lexicon.Roles.FindAll(text, context.Lower, Tokens, from, to, roles);
        lexicon.Roles.SelectLongest(roles);
        var rolesUsed = new HashSet<int>();
        var roleByNextToken = new Dictionary<int, int>();
        for (var r = 0; r < roles.Count; r++) roleByNextToken[roles[r].FirstToken + roles[r].TokenCount] = r;

        // Right after a private label or role word, any two capitalised words are a name, listed first name or not
        // ("Klient: Xhevdet Krasniqi", "eleven Aino Heikkilä").
        var valueToken = label == LabelKind.Private ? context.FirstTokenAtOrAfter(labelEnd) : -1;

        for (var k = from; k < to; k++)
        {
            var afterRole = roleByNextToken.ContainsKey(k) || k == valueToken;
            if (!TryReadName(k, to, afterRole, out var last, out var hasSurname)) continue;
            var start = Tokens[k].Start;
            var end = Tokens[last].End;

            var column = ColumnOf(lineStart, start, cellSeparator);
            var labelledOfficial = (label == LabelKind.Official && start >= labelEnd) || underTitleRow
                || inlineOfficial.Exists(r => start > r.From && start < r.To) || column == LabelKind.Official;
            if (!labelledOfficial && (listItem || !IsOfficial(lineIndex, k, last, start, end)))
            {
                var confidence = hasSurname ? Confidence.Medium : Confidence.Low;
                if ((label == LabelKind.Private && start >= labelEnd && start < valueEnd) || column == LabelKind.Private) confidence = Confidence.High;
                if (!hasSurname && confidence == Confidence.Low && FirstNameContext().IsMatch(text.AsSpan(end, Math.Min(lineEnd - end, 20))))
                    confidence = Confidence.Medium; // "Wilma i 9A", "Ludvig, 3 år"
                var role = RoleBefore(roles, roleByNextToken, k);
                if (role >= 0) { confidence = Confidence.High; rolesUsed.Add(role); }
                if (HasPrivateParenthesis(end)) confidence = Confidence.High;
                if (confidence >= Confidence.Medium) linesWithPrivateName.Add(lineIndex);
                findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, confidence, segmentIndex, start, end - start,
                    Initials(k, last), IndividualDetails.Namn));
            }
            else
            {
                var role = RoleBefore(roles, roleByNextToken, k);
                if (role >= 0) rolesUsed.Add(role);
                if (hasSurname) officialNames.Add(context.Lower[start..end]);
            }
            k = last;
        }

        if (label == LabelKind.Official) return;
        for (var r = 0; r < roles.Count; r++)
        {
            if (rolesUsed.Contains(r)) continue;
            var m = roles[r];
            findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, Confidence.Low, segmentIndex, m.Start, m.Length,
                context.Lower.Substring(m.Start, m.Length), IndividualDetails.Roll));
        }
    }

    // ---- names ---------------------------------------------------------------------------------------------

    /// <summary>A first name from the list, an optional second given name, and a capitalised surname.</summary>
    private bool TryReadName(int k, int to, bool afterRole, out int last, out bool hasSurname)
    {
        last = k;
        hasSurname = false;
        var word = Word(k);
        if (!WordTokenizer.IsCapitalized(word)) return false;

        var isName = lexicon.FirstNames.TryGetValue(LowerWord(k), out var ambiguous);
        if (!isName && afterRole && k + 1 < to && IsSpaceGap(k) && IsSurnameAt(k + 1) && !lexicon.NotSurnames.Contains(LowerWord(k)))
        {
            last = k + 1;
            if (last + 1 < to && Gap(last) is "-" && WordTokenizer.IsCapitalized(Word(last + 1))) last++;
            // "Tolkcentralen Öst AB", "Socialnämnden i Norrsjö": an organisation, not a person.
            if (last + 1 < to && !Gap(last).Contains('\t') && !Gap(last).Contains('\n') && lexicon.OrganisationWords.Contains(LowerWord(last + 1))) return false;
            hasSurname = true;
            return true;
        }
        if (!isName)
        {
            // Genitive of a first name alone: "Mohammeds anfall", "Noors astma".
            if (word.Length > 3 && word[^1] == 's' && lexicon.FirstNames.TryGetValue(LowerWord(k)[..^1], out ambiguous) && !ambiguous
                && !(k + 1 < to && IsSpaceGap(k) && IsSurnameAt(k + 1)))
                return true;
            return false;
        }

        var j = k;
        if (j + 1 < to && Gap(j) is "-" && WordTokenizer.IsCapitalized(Word(j + 1))) j++; // Anna-Karin
        if (j + 2 < to && IsSpaceGap(j) && lexicon.FirstNames.TryGetValue(LowerWord(j + 1), out _)
            && WordTokenizer.IsCapitalized(Word(j + 1)) && IsSpaceGap(j + 1) && IsSurnameAt(j + 2))
            j++; // Anna Maria Svensson

        var s = j + 1;
        if (s < to && IsSpaceGap(j) && Particles.Contains(LowerWord(s).ToString()) && s + 1 < to && IsSpaceGap(s) && IsSurnameAt(s + 1))
            s++; // af, von, el
        if (s < to && IsSpaceGap(s - 1) && IsSurnameAt(s))
        {
            if (s + 1 < to && Gap(s) is "-" && WordTokenizer.IsCapitalized(Word(s + 1))) s++; // Lindqvist-Berg
            // "Elsa Beskows skola", "Gustav Adolfs torg": a place or an institution, not a person.
            if (Word(s)[^1] == 's' && s + 1 < to && IsSpaceGap(s) && lexicon.Institutions.Contains(LowerWord(s + 1))) return false;
            last = s;
            hasSurname = true;
            return true;
        }
        if (ambiguous) return false;
        last = j;
        return true;
    }

    private bool IsSurnameAt(int t)
    {
        var word = Word(t);
        if (!WordTokenizer.IsCapitalized(word)) return false;
        return !lexicon.NotSurnames.Contains(LowerWord(t));
    }

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal) { "af", "von", "van", "de", "el", "al", "bin", "ibn", "da" };

    // ---- officials -----------------------------------------------------------------------------------------

    private bool IsOfficial(int lineIndex, int first, int last, int start, int end)
    {
        // "enhetschef Maria Sundberg", "genom handläggare Anna Svensson", "Kontakta Filip Hassan på …"
        if (EndsAt(lexicon.Titles, first - 1, lineIndex) || EndsAt(lexicon.ContactWords, first - 1, lineIndex)) return true;

        var (lineStart, lineEnd) = lines[lineIndex];
        var p = end;
        // "Ulla Nordström (S)", "Mikael Mattsson (förvaltningschef)", "Helena Korhonen (chef)"
        if (ReadParenthesis(p, lineEnd, out var inner, out var after))
        {
            if (lexicon.Parties.Contains(inner.Trim())) return true;
            if (StartsWithTitle(inner)) return true;
            p = after;
        }
        // "Agnes Lundberg, biståndshandläggare", "Peter Hansson<TAB>Systemförvaltare", "Ali Ali – enhetschef"
        var sep = p;
        while (sep < lineEnd && text[sep] == ' ') sep++;
        var separated = sep < lineEnd && (text[sep] is ',' or ';' or '\t' or '–' or '-' or '|' || sep - p >= 2);
        if (separated)
        {
            while (sep < lineEnd && text[sep] is ',' or ';' or '\t' or '–' or '-' or '|' or ' ') sep++;
            // "Helena Bergqvist," at the end of a PDF line, "nämndsekreterare" on the next
            if (sep >= lineEnd && HasCommaAfter(p, lineEnd)
                && NextNonEmptyLine(lineIndex) is { } wrapped && StartsWithTitle(wrapped, allowGenitive: true))
                return true;
            if (sep < lineEnd && StartsWithTitle(text.AsSpan(sep, Math.Min(lineEnd - sep, 80)), allowGenitive: true)) return true;
            var wordEnd = sep;
            while (wordEnd < lineEnd && char.IsLetter(text[wordEnd])) wordEnd++;
            if (wordEnd > sep && lexicon.Parties.Contains(text[sep..wordEnd])) return true; // "Hassan Abdi   Socialdemokraterna"
        }

        // Signature block: the name alone on its line, a title on the next ("Kristina Nilsson" / "Socialsekreterare").
        var line = text.AsSpan(lineStart, lineEnd - lineStart).Trim().TrimEnd(",.".AsSpan());
        if (line.Length == end - start)
        {
            var nextLine = NextNonEmptyLine(lineIndex);
            if (nextLine is not null && StartsWithTitle(nextLine, allowGenitive: false)) return true;
        }

        // Work e-mail near the name or on the next line: "Malin Eklund, malin.eklund@lindvalla.se"; contact lists.
        var near = Math.Max(lineStart, start - NearWindow);
        var lineText = text.AsSpan(near, Math.Min(lineEnd, end + NearWindow) - near);
        if (lineText.Contains('@') && EmailNamesPerson(lineText, last)) return true;
        var following = NextNonEmptyLine(lineIndex);
        return following is not null && following.Length <= 2 * NearWindow && following.Contains('@') && EmailNamesPerson(following, last);
    }

    /// <summary>Characters either side of a name searched for an e-mail address; bounds the work on very long lines.</summary>
    private const int NearWindow = 200;

    private bool HasCommaAfter(int position, int lineEnd)
    {
        var rest = text.AsSpan(position, Math.Min(lineEnd - position, 8)).Trim();
        return rest is "," && lineEnd - position <= 8;
    }

    private bool EndsAt(TermMatcher matcher, int t, int lineIndex)
    {
        if (t < 0) return false;
        var (lineStart, _) = lines[lineIndex];
        if (Tokens[t].Start < lineStart) return false;
        var gap = text.AsSpan(Tokens[t].End, Tokens[t + 1].Start - Tokens[t].End);
        if (gap.Length is 0 or > 2 || gap.Trim().Length > 0) return false;
        var matches = new List<TermMatch>();
        var from = Math.Max(context.FirstTokenAtOrAfter(lineStart), t - 3);
        matcher.FindAll(text, context.Lower, Tokens, from, t + 1, matches);
        foreach (var m in matches)
            if (m.FirstToken + m.TokenCount - 1 == t) return true;
        return false;
    }

    /// <summary>A header row of titles ("Ordförande  Justerare  Sekreterare"): the names below it sign in their roles.</summary>
    private bool IsTitleRow(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return false;
        var cells = 0;
        foreach (var cell in CellSplit().Split(line.Trim()))
        {
            var label = NormaliseLabel(cell);
            if (label.Length == 0) continue;
            if (!IsOfficialLabel(label, allowDepartment: false)) return false;
            cells++;
        }
        return cells >= 2;
    }

    /// <summary>A title among the first words of <paramref name="span"/> ("kommunstyrelsens ordförande" with a genitive before it).</summary>
    private bool StartsWithTitle(ReadOnlySpan<char> span, bool allowGenitive = false)
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

    private bool HasPrivateParenthesis(int end)
    {
        var lineEnd = LineEndOf(end);
        if (!ReadParenthesis(end, lineEnd, out var inner, out _)) return false;
        var trimmed = inner.Trim();
        if (AgeOrClassPattern().IsMatch(trimmed)) return true;
        var firstWord = trimmed.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return firstWord is not null && lexicon.Relations.Contains(firstWord.ToLowerInvariant());
    }

    private bool ReadParenthesis(int position, int lineEnd, out string inner, out int after)
    {
        inner = "";
        after = position;
        var p = position;
        while (p < lineEnd && text[p] == ' ') p++;
        if (p >= lineEnd || text[p] != '(') return false;
        var close = text.IndexOf(')', p + 1, Math.Min(lineEnd - p - 1, 40));
        if (close < 0) return false;
        inner = text.Substring(p + 1, close - p - 1);
        after = close + 1;
        return true;
    }

    private bool EmailNamesPerson(ReadOnlySpan<char> line, int surnameToken)
    {
        var surname = Fold(LowerWord(surnameToken));
        if (surname.Length < 3) return false;
        foreach (Match m in EmailPattern().Matches(line.ToString()))
            if (Fold(m.Groups["local"].Value.ToLowerInvariant()).Contains(surname, StringComparison.Ordinal)) return true;
        return false;
    }

    private string? NextNonEmptyLine(int lineIndex)
    {
        for (var l = lineIndex + 1; l < lines.Count; l++)
        {
            var (s, e) = lines[l];
            var line = text.AsSpan(s, e - s).Trim();
            if (!line.IsEmpty) return line.ToString();
        }
        return nextSegmentLine;
    }

    private string? PreviousNonEmptyLine(int lineIndex)
    {
        for (var l = lineIndex - 1; l >= 0; l--)
        {
            var (s, e) = lines[l];
            var line = text.AsSpan(s, e - s).Trim();
            if (!line.IsEmpty) return line.ToString();
        }
        return previousSegmentLine;
    }

    private int RoleBefore(List<TermMatch> roles, Dictionary<int, int> roleByNextToken, int nameToken)
    {
        if (!roleByNextToken.TryGetValue(nameToken, out var r)) return -1;
        var m = roles[r];
        var gap = text.AsSpan(m.End, Tokens[nameToken].Start - m.End);
        return gap.Length <= 2 && gap.Trim(" :").IsEmpty ? r : -1;
    }

    // ---- tables --------------------------------------------------------------------------------------------

    /// <summary>End of the cell starting at <paramref name="start"/>: the next tab or run of two spaces.</summary>
    private int CellEnd(int start, int lineEnd)
    {
        for (var i = start; i < lineEnd; i++)
            if (text[i] == '\t' || (text[i] == ' ' && i + 1 < lineEnd && text[i + 1] == ' ')) return i;
        return lineEnd;
    }

    /// <summary>Cells of a table row are separated by tabs, or by semicolons in a CSV line.</summary>
    private char? CellSeparatorOf(int lineStart, int lineEnd)
    {
        var line = text.AsSpan(lineStart, lineEnd - lineStart);
        if (line.Contains('\t')) return '\t';
        return line.Count(';') >= 2 ? ';' : null;
    }

    /// <summary>A header row: at least one cell is a known label ("Namn", "Handläggare") and no cell holds a digit.</summary>
    private bool IsHeaderRow(int lineStart, int lineEnd, char separator)
    {
        var known = 0;
        foreach (var raw in text[lineStart..lineEnd].Split(separator))
        {
            var cell = NormaliseLabel(raw);
            if (cell.Length == 0) continue;
            if (cell.Length > 40 || cell.Any(char.IsDigit) || LooksLikeName(raw)) return false;
            if (lexicon.PrivateLabels.Contains(cell) || IsOfficialLabel(cell, allowDepartment: false) || cell == "personnummer") known++;
        }
        return known > 0;
    }

    private bool LooksLikeName(string cell)
    {
        var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && WordTokenizer.IsCapitalized(words[0]) && WordTokenizer.IsCapitalized(words[1])
            && lexicon.FirstNames.ContainsKey(words[0].ToLowerInvariant());
    }

    private LabelKind ColumnOf(int lineStart, int position, char? separator)
    {
        if (columns is null || separator is null || position - lineStart > 2000) return LabelKind.None;
        var index = text.AsSpan(lineStart, position - lineStart).Count(separator.Value);
        if (index >= columns.Length) return LabelKind.None;
        var label = columns[index];
        if (lexicon.PrivateLabels.Contains(label)) return LabelKind.Private;
        return IsOfficialLabel(label, allowDepartment: false) ? LabelKind.Official : LabelKind.None;
    }

    // ---- labels --------------------------------------------------------------------------------------------

    /// <summary>"Klient: …", "Elev&lt;TAB&gt;…", "Handläggare   …" (a PDF table): the label decides who the value is.</summary>
    private (LabelKind Kind, int End) ReadLabel(int lineStart, int lineEnd)
    {
        while (lineStart < lineEnd && char.IsWhiteSpace(text[lineStart])) lineStart++;
        var max = Math.Min(lineEnd, lineStart + 40);
        for (var i = lineStart; i < max; i++)
        {
            var c = text[i];
            var isSeparator = c is ':' or '\t' || (c == ' ' && i + 1 < lineEnd && text[i + 1] == ' ');
            if (!isSeparator) continue;
            var label = NormaliseLabel(text.AsSpan(lineStart, i - lineStart));
            if (label.Length == 0) return (LabelKind.None, lineStart);
            var end = i;
            while (end < lineEnd && text[end] is ':' or '\t' or ' ') end++;
            if (lexicon.PrivateLabels.Contains(label)) return (LabelKind.Private, end);
            if (IsOfficialLabel(label)) return (LabelKind.Official, end);
            return (LabelKind.None, lineStart);
        }
        return (LabelKind.None, lineStart);
    }

    /// <summary>An official label: "Handläggare", "Övriga närvarande", a title ("Ledamot", "2:e vice ordförande"), a department ("HR-avdelningen").</summary>
    private bool IsOfficialLabel(string label, bool allowDepartment = true)
    {
        if (lexicon.OfficialLabels.Contains(label)) return true;
        if (allowDepartment && label.EndsWith("avdelningen", StringComparison.Ordinal) || label.EndsWith("enheten", StringComparison.Ordinal)
            || label.EndsWith("förvaltningen", StringComparison.Ordinal) || label.EndsWith("kontoret", StringComparison.Ordinal))
            return true;
        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(label, tokens);
        if (tokens.Count is 0 or > 4) return false;
        var matches = new List<TermMatch>();
        lexicon.Titles.FindAll(label, label, tokens, 0, tokens.Count, matches);
        foreach (var m in matches)
            if (m.FirstToken + m.TokenCount == tokens.Count) return true;
        return false;
    }

    /// <summary>
    /// Inline official labels: "Fackliga företrädare: Sara Jakobsson, Vision, och Anna Björk" — names from the
    /// colon to the end of the sentence (across wrapped lines, not across a blank line) are officials.
    /// </summary>
    private List<(int From, int To)> InlineOfficialRanges(int start, int end)
    {
        var ranges = new List<(int, int)>();
        for (var i = start; i < end; i++)
        {
            if (text[i] != ':' || i == start) continue;
            var from = i - 1;
            while (from > start && i - from < 40 && !(text[from] == '.' && text[from + 1] == ' ') && text[from] is not ('\t' or '\n')) from--;
            var label = NormaliseLabel(text.AsSpan(from, i - from).TrimStart(". \t\n".AsSpan()));
            if (label.Length == 0 || !IsOfficialLabel(label)) continue;
            var stop = i + 1;
            var limit = Math.Min(end, i + 400);
            while (stop < limit && !(text[stop] == '.' && (stop + 1 >= end || char.IsWhiteSpace(text[stop + 1])))
                && !(text[stop] == '\n' && stop + 1 < end && text[stop + 1] == '\n')) stop++;
            ranges.Add((i, stop));
        }
        return ranges;
    }

    private static string NormaliseLabel(ReadOnlySpan<char> label)
    {
        var sb = new StringBuilder(label.Length);
        var space = false;
        foreach (var c in label.Trim())
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    // ---- addresses and case numbers ------------------------------------------------------------------------

    private void ScanAddresses()
    {
        foreach (Match m in AddressPattern().Matches(text))
        {
            var street = m.Groups["street"];
            var lineIndex = LineIndexOf(street.Index);
            if (IsOrganisationAddress(lineIndex, street.Index, m.Index + m.Length)) continue;
            var confidence = Confidence.Low;
            if (m.Groups["zip"].Success)
                confidence = linesWithPrivateName.Contains(lineIndex) || linesWithPrivateName.Contains(lineIndex - 1)
                    || linesWithPrivateName.Contains(lineIndex - 2) ? Confidence.High : Confidence.Medium;
            findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, confidence, segmentIndex, m.Index, m.Length,
                Mask.Word(street.Value, 3), IndividualDetails.Adress));
        }
    }

    private bool IsOrganisationAddress(int lineIndex, int streetStart, int end)
    {
        var from = Math.Max(lines[Math.Max(0, lineIndex - 1)].Start, streetStart - NearWindow);
        var to = Math.Min(Math.Min(text.Length, LineEndOf(Math.Max(streetStart, end - 1))), end + NearWindow);
        var window = context.Lower.AsSpan(from, to - from);
        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(window, tokens);
        foreach (var t in tokens)
            if (lexicon.OrganisationWords.Contains(window.Slice(t.Start, t.Length))) return true;
        return window.Contains("org.nr", StringComparison.Ordinal);
    }

    private void ScanCaseNumbers()
    {
        foreach (Match m in CaseNumberPattern().Matches(text))
        {
            var code = m.Groups["code"].Value;
            var social = lexicon.SocialCasePrefixes.Contains(code.ToLowerInvariant());
            findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, social ? Confidence.Medium : Confidence.Low,
                segmentIndex, m.Index, m.Length, $"{code} {m.Groups["year"].Value}/****", IndividualDetails.Arende));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ReadOnlySpan<char> Word(int t) => text.AsSpan(Tokens[t].Start, Tokens[t].Length);

    private ReadOnlySpan<char> LowerWord(int t) => context.Lower.AsSpan(Tokens[t].Start, Tokens[t].Length);

    private ReadOnlySpan<char> Gap(int t) => t + 1 < Tokens.Count
        ? text.AsSpan(Tokens[t].End, Tokens[t + 1].Start - Tokens[t].End)
        : [];

    private bool IsSpaceGap(int t) => Gap(t) is " " or "\u00a0";

    private string Initials(int first, int last)
    {
        var a = Word(first);
        var b = Word(last);
        return first == last ? Mask.Word(a, 1) : $"{Mask.Word(a, 1)} {Mask.Word(b, 1)}";
    }

    private int LineIndexOf(int position)
    {
        int lo = 0, hi = lines.Count - 1, best = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (lines[mid].Start <= position) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best;
    }

    private int LineEndOf(int position) => lines[LineIndexOf(Math.Min(position, text.Length))].End;

    private static string Fold(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            sb.Append(c switch { 'å' or 'ä' or 'á' or 'à' => 'a', 'ö' or 'ø' or 'ó' => 'o', 'é' or 'è' or 'ë' => 'e', 'ü' => 'u', 'ć' or 'č' => 'c', _ => c });
        return sb.ToString();
    }

    [GeneratedRegex(@"\t|\s{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex CellSplit();

    /// <summary>After a first name: a class ("i 9A", "i åk 3") or an age (", 3 år") marks a particular child or pupil.</summary>
    [GeneratedRegex(@"^(?:\s+i\s+(?:åk\s*)?\d{1,2}\s?[A-ZÅÄÖ]?\b|,?\s+\d{1,3}\s+år\b)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstNameContext();

    [GeneratedRegex(@"^(?:\d{1,3}\s*år|\d{1,2}\s?[A-ZÅÄÖa-zåäö]|åk\s*\d{1,2}|\d{4}-\d{2}-\d{2}|\d{6,8}[-+]?\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex AgeOrClassPattern();

    [GeneratedRegex(@"(?<local>[\p{L}\p{Nd}._%+\-]+)@[\p{L}\p{Nd}.\-]+\.[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>Street (a word ending in -gatan, -vägen, ... or "Norra allén"), number, then optionally postcode and town.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?<street>(?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre)\s+\p{L}+|\p{Lu}\p{Ll}+(?:gatan|gata|vägen|väg|stigen|stig|gränd|gränden|allén|allé|torget|torg|backen|backe|plan|leden|stråket|platsen|slingan|liden|höjden|ringen|kajen|hagen|ängen|lunden|udden)))\s(?<num>\d{1,3}(?:\s?[A-Za-z](?![\p{L}]))?)(?![\d:.,]\d)(?:(?:,\s*|\s{1,3}|[ \t]*\r?\n\s*)(?<zip>\d{3}\s\d{2})\s+(?<city>\p{Lu}[\p{L}\-]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    /// <summary>"SN 2025/0077", "ON-2025-06329", "Dnr SBN 2025/0233" (a code in capitals, a year, a serial number).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?<code>[A-ZÅÄÖ]{2,6})[ \-]?(?<year>(?:19|20)\d{2})[/\-](?<num>\d{2,6})(?![\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();
}
