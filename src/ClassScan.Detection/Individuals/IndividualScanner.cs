using ClassScan.Core.Findings;
using ClassScan.Detection.Lexicons;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Scans one segment for <see cref="IndividualDetector"/>: reads its lines as form labels, table rows and lists,
/// and asks the recognisers about each name (<see cref="NameSpanFinder"/> for the shape, <see cref="OfficialContext"/>
/// for officials, <see cref="SubjectContext"/> for private subjects), then <see cref="AddressRecogniser"/> and
/// <see cref="CaseNumberRecogniser"/>. One instance per segment per call; not shared.
/// </summary>
internal sealed class IndividualScanner
{
    // NameColumn: a table column headed only "Namn" (or "Förnamn", "Efternamn"). Staff contact lists and client
    // lists both have one, so the column says "a person" but not whose role: the row decides (a work e-mail or a
    // job title makes an official; otherwise the name is at least Medium).
    private enum LabelKind { None, Private, Official, NameColumn }

    private readonly IndividualLexicon lexicon;
    private readonly IndividualSegment segment;
    private readonly ICollection<Finding> findings;
    private readonly ISet<string> officialNames;
    private readonly NameSpanFinder nameFinder;
    private readonly OfficialContext official;
    private readonly SubjectContext subject;
    private readonly AddressRecogniser addresses;
    private readonly HashSet<int> linesWithPrivateName = [];
    private readonly HashSet<int> addressLines = [];
    private List<(int From, int To)> inlineOfficial = [];
    // Per-line scratch of ScanLine, cleared at the start of each line (a segment can have a hundred thousand rows).
    private readonly List<TermMatch> lineRoles = [];
    private readonly HashSet<int> lineRolesUsed = [];
    private readonly Dictionary<int, int> lineRoleByNextToken = [];
    private string[]? columns;
    private bool privateList;

    /// <param name="officialNames">Receives the lower-cased full names judged to be officials, so the detector can drop
    /// other mentions of the same person in the document ("Bengt Virtanen (M)" … "Bengt Virtanen utses att justera").</param>
    /// <param name="state">Table columns and private-list state left by the previous segment of the same kind.</param>
    /// <param name="anonymisedDocument">The document anonymises its parties ("A.A.", "B.B."): see <see cref="AnonymisedReferences"/>.</param>
    public IndividualScanner(IndividualLexicon lexicon, IndividualSegment segment, ICollection<Finding> findings, ISet<string> officialNames,
        ListContext state, bool anonymisedDocument)
    {
        columns = state.Columns;
        privateList = state.PrivateList;
        this.lexicon = lexicon;
        this.segment = segment;
        this.findings = findings;
        this.officialNames = officialNames;
        nameFinder = new NameSpanFinder(lexicon);
        official = new OfficialContext(lexicon, segment);
        subject = new SubjectContext(lexicon, segment, anonymisedDocument);
        addresses = new AddressRecogniser(lexicon, segment);
    }

    private string Text => segment.Text;

    private List<WordToken> Tokens => segment.Tokens;

    /// <summary>Scans the segment; returns the state in force after it (for the next segment of the same kind).</summary>
    public ListContext Run()
    {
        if (segment.Swedish) inlineOfficial = official.InlineOfficialRanges();
        var found = addresses.Find();
        foreach (var a in found)
            if (a.HasPostcode) addressLines.Add(a.Line);
        for (var l = 0; l < segment.Lines.Count; l++) ScanLine(l);
        foreach (var a in found) findings.Add(addresses.ToFinding(a, linesWithPrivateName));
        CaseNumberRecogniser.Find(lexicon, segment.Index, Text, findings);
        return new ListContext(columns, privateList);
    }

    private void ScanLine(int lineIndex)
    {
        var (lineStart, lineEnd) = segment.Lines[lineIndex];
        if (lineEnd <= lineStart) return;
        var context = segment.Context;
        var from = context.FirstTokenAtOrAfter(lineStart);
        var to = context.FirstTokenAtOrAfter(lineEnd);
        if (from >= to) return;
        var swedish = segment.Swedish;

        var trimmedLine = Text.AsSpan(lineStart, lineEnd - lineStart).Trim();
        var listItem = privateList && trimmedLine.Length < 100 && trimmedLine[^1] is not ('.' or ':');
        privateList = trimmedLine[^1] == ':' ? swedish && lexicon.PrivateListWords.Any(Text, segment.Lower, Tokens, from, to) : listItem;

        var (label, labelEnd) = swedish ? ReadLabel(lineStart, lineEnd) : (LabelKind.None, lineStart);
        var valueEnd = segment.CellEnd(labelEnd, lineEnd); // a private label names the person in the next cell only
        var underTitleRow = swedish && official.IsTitleRow(segment.PreviousNonEmptyLine(lineIndex));
        var cellSeparator = CellSeparatorOf(lineStart, lineEnd);
        if (cellSeparator is null) columns = null;
        else if (swedish && IsHeaderRow(lineStart, lineEnd, cellSeparator.Value))
        {
            columns = Text[lineStart..lineEnd].Split(cellSeparator.Value).Select(c => IndividualSegment.NormaliseLabel(c)).ToArray();
            return;
        }

        var roles = lineRoles;
        roles.Clear();
        if (swedish)
        {
            lexicon.Roles.FindAll(Text, segment.Lower, Tokens, from, to, roles);
            lexicon.Roles.SelectLongest(roles);
        }
        var rolesUsed = lineRolesUsed;
        rolesUsed.Clear();
        var roleByNextToken = lineRoleByNextToken;
        roleByNextToken.Clear();
        for (var r = 0; r < roles.Count; r++) roleByNextToken[roles[r].FirstToken + roles[r].TokenCount] = r;

        // Right after a private label or role word, any two capitalised words are a name, listed first name or not
        // ("Klient: Xhevdet Krasniqi", "eleven Aino Heikkilä").
        var valueToken = label == LabelKind.Private ? context.FirstTokenAtOrAfter(labelEnd) : -1;

        for (var k = from; k < to; k++)
        {
            var role = RoleBefore(roles, roleByNextToken, k);
            var ambiguousRole = swedish && k > 0 && segment.IsSpaceGap(k - 1) && lexicon.AmbiguousRoles.Contains(segment.LowerWord(k - 1));
            var afterRole = role >= 0 || ambiguousRole || k == valueToken;
            if (!nameFinder.TryRead(segment, k, to, afterRole, out var name)) continue;
            var start = Tokens[name.First].Start;
            var end = Tokens[name.Last].End;

            var column = ColumnOf(lineStart, start, cellSeparator);
            // "Medarbetare: Maria Pekkari, undersköterska": a private label names the subject of the matter even when
            // a job title follows (an employee in an HR matter).
            var inPrivateValue = (label == LabelKind.Private && start >= labelEnd && start < valueEnd) || column == LabelKind.Private;
            var privateValue = name.First == valueToken || column == LabelKind.Private || subject.IsPayRow(name, lineIndex);
            var labelledOfficial = !privateValue && ((label == LabelKind.Official && start >= labelEnd) || underTitleRow
                || InInlineOfficialRange(start) || column == LabelKind.Official);
            if (role >= 0) rolesUsed.Add(role);
            if (!labelledOfficial && (listItem || privateValue || !official.IsOfficial(lineIndex, name)))
            {
                var confidence = subject.Classify(name, lineIndex, role >= 0 || ambiguousRole, addressLines);
                if (inPrivateValue) confidence = Confidence.High;
                else if ((privateValue || column == LabelKind.NameColumn) && confidence < Confidence.Medium) confidence = Confidence.Medium;
                // A list introduced as private persons ("följande medlemmar:") names subjects of the matter.
                if (listItem && name.HasSurname && confidence < Confidence.Medium) confidence = Confidence.Medium;
                if (confidence >= Confidence.Medium) linesWithPrivateName.Add(lineIndex);
                findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, confidence, segment.Index, start, end - start,
                    segment.Initials(name.First, name.Last), IndividualDetails.Namn));
            }
            else if (name.HasSurname) officialNames.Add(segment.Lower[start..end]);
            k = name.Last;
        }

        if (label == LabelKind.Official) return;
        for (var r = 0; r < roles.Count; r++)
        {
            if (rolesUsed.Contains(r)) continue;
            var m = roles[r];
            findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, Confidence.Low, segment.Index, m.Start, m.Length,
                segment.Lower.Substring(m.Start, m.Length), IndividualDetails.Roll));
        }
    }

    private bool InInlineOfficialRange(int position)
    {
        foreach (var (from, to) in inlineOfficial)
            if (position > from && position < to) return true;
        return false;
    }

    private int RoleBefore(List<TermMatch> roles, Dictionary<int, int> roleByNextToken, int nameToken)
    {
        if (!roleByNextToken.TryGetValue(nameToken, out var r)) return -1;
        var m = roles[r];
        var gap = Text.AsSpan(m.End, Tokens[nameToken].Start - m.End);
        return gap.Length <= 2 && gap.Trim(" :").IsEmpty ? r : -1;
    }

    // ---- tables and forms ----------------------------------------------------------------------------------

    /// <summary>Cells of a table row are separated by tabs, or by semicolons in a CSV line.</summary>
    private char? CellSeparatorOf(int lineStart, int lineEnd)
    {
        var line = Text.AsSpan(lineStart, lineEnd - lineStart);
        if (line.Contains('\t')) return '\t';
        return line.Count(';') >= 2 ? ';' : null;
    }

    /// <summary>A header row: at least one cell is a known label ("Namn", "Handläggare") and no cell holds a digit.</summary>
    private bool IsHeaderRow(int lineStart, int lineEnd, char separator)
    {
        var known = 0;
        foreach (var raw in Text[lineStart..lineEnd].Split(separator))
        {
            var cell = IndividualSegment.NormaliseLabel(raw);
            if (cell.Length == 0) continue;
            if (cell.Length > 40 || cell.Any(char.IsDigit) || LooksLikeName(raw)) return false;
            if (lexicon.PrivateLabels.Contains(cell) || official.IsOfficialLabel(cell, allowDepartment: false) || cell == "personnummer") known++;
        }
        return known > 0;
    }

    private bool LooksLikeName(string cell)
    {
        var words = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && WordTokenizer.IsCapitalized(words[0]) && WordTokenizer.IsCapitalized(words[1])
            && lexicon.Names.IsGivenName(words[0].ToLowerInvariant(), out _);
    }

    private LabelKind ColumnOf(int lineStart, int position, char? separator)
    {
        if (columns is null || separator is null || position - lineStart > 2000) return LabelKind.None;
        var index = Text.AsSpan(lineStart, position - lineStart).Count(separator.Value);
        if (index >= columns.Length) return LabelKind.None;
        var label = columns[index];
        if (lexicon.NameColumns.Contains(label)) return LabelKind.NameColumn;
        if (lexicon.PrivateLabels.Contains(label)) return LabelKind.Private;
        return official.IsOfficialLabel(label, allowDepartment: false) ? LabelKind.Official : LabelKind.None;
    }

    /// <summary>"Klient: …", "Elev&lt;TAB&gt;…", "Handläggare   …" (a PDF table): the label decides who the value is.</summary>
    private (LabelKind Kind, int End) ReadLabel(int lineStart, int lineEnd)
    {
        while (lineStart < lineEnd && char.IsWhiteSpace(Text[lineStart])) lineStart++;
        var max = Math.Min(lineEnd, lineStart + 40);
        for (var i = lineStart; i < max; i++)
        {
            var c = Text[i];
            var isSeparator = c is ':' or '\t' || (c == ' ' && i + 1 < lineEnd && Text[i + 1] == ' ');
            if (!isSeparator) continue;
            var label = IndividualSegment.NormaliseLabel(Text.AsSpan(lineStart, i - lineStart));
            if (label.Length == 0) return (LabelKind.None, lineStart);
            var end = i;
            while (end < lineEnd && Text[end] is ':' or '\t' or ' ') end++;
            if (lexicon.PrivateLabels.Contains(label)) return (LabelKind.Private, end);
            if (official.IsOfficialLabel(label)) return (LabelKind.Official, end);
            return (LabelKind.None, lineStart);
        }
        return (LabelKind.None, lineStart);
    }
}
