using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Osl;

/// <summary>
/// Explicit secrecy markings of the document itself (classification-policy.md, evidence 1), told apart from
/// text that discusses OSL or quotes a marking as an example.
/// <para>
/// A marking is a line (or table cell) that <see cref="OslMarking.Parse"/> accepts, in a position where documents
/// carry stamps. In a header, footer, metadata segment (title, e-mail subject; "Sv:"/"VB:" prefixes are skipped)
/// or a comment it is a stamp, High; so are the first and last two lines of a PDF page or a slide (their header
/// and footer, which the extractors give as body text) and the first cell of a sheet's top three rows, when they
/// cite a provision, are in capitals or name an area. In a stamp position a marking may carry a department or an
/// instruction after it ("SEKRETESS enligt 18 kap. 8 § OSL · IT-avdelningen · Får inte spridas"; "OBS! Omfattas av
/// sekretess enligt 26 kap. 1 § OSL (…). Ska inte …"). Elsewhere in body text, notes and tables it must be its own
/// line: not a list bullet, not introduced by an instruction ("Märk handlingen så här:", "till exempel:"), and not
/// the start of a sentence that wraps onto the next line. There a citation or capitals ("SEKRETESS") give High, an
/// uncited area marking ("Sekretess – socialtjänst") Medium, and a bare title-case heading ("Sekretess") is none.
/// </para>
/// <para>
/// References are not markings (classification-policy.md, Hard cases, agendas, minutes and registers): a table
/// row of several cells (an agenda item, a diarium row "…\tSekretess 23:2 OSL\t…") outside a sheet's top, and an
/// agenda line naming a matter ("§ 7 Individärende – sekretess enligt 26 kap. 1 § OSL") give a mention only.
/// </para>
/// <para>
/// Kind <see cref="FindingKinds.OslMarkering"/>, Detail as <see cref="OslMarking.Detail"/>; the policy's
/// <c>OslProvisions.ImpliedLevelOf</c> gives the level. Lines that cite an OSL chapter in running text give
/// <see cref="FindingKinds.OslOmnamnande"/> at Low with the citation as Detail: never a floor, only a feature.
/// MaskedSample: a canonical form of the marking ("SEKRETESS 26:1"); markings are not sensitive.
/// </para>
/// Singleton, thread-safe, never throws on any input.
/// </summary>
internal sealed partial class OslMarkingDetector : IDetector
{
    public const string DetectorId = "se.osl-markering";

    public string Id => DetectorId;

    /// <summary>Lines at the top and bottom of a page or slide that are read as its header and footer.</summary>
    private const int EdgeLines = 2;

    /// <summary>Rows at the top of a sheet that are read as its cover (a stamp in A1, A2 or A3).</summary>
    private const int TopRows = 3;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (text is null) return;

        // The line before the current one, per flow (body paragraphs arrive one segment each).
        var previousLine = new Dictionary<SegmentKind, string>();
        var sheetsSeen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var segment = text.Segments[i];
            if (segment is null || string.IsNullOrEmpty(segment.Text)) continue;
            var position = PositionOf(segment, sheetsSeen);
            previousLine.TryGetValue(segment.Kind, out var before);
            before = ScanSegment(segment, i, position, before, findings);
            if (before is not null) previousLine[segment.Kind] = before;
        }
    }

    /// <summary>
    /// Where a segment's lines can be a stamp (classification-policy.md, evidence 1: "a header/stamp/footer or cover line").
    /// The extractors give no header kind for PDF pages and slides (PdfPig and the slide shapes yield one text per
    /// page or slide, header and footer lines included) nor for a sheet's first rows, so position stands in for it.
    /// </summary>
    private static Position PositionOf(TextSegment segment, HashSet<string> sheetsSeen) => segment.Kind switch
    {
        SegmentKind.Header or SegmentKind.Footer or SegmentKind.Metadata or SegmentKind.Comment => Position.Stamp,
        SegmentKind.Body when IsPageOrSlide(segment.Location) => Position.PageOrSlide,
        SegmentKind.Cell => sheetsSeen.Add(segment.Location) ? Position.SheetTop : Position.Register,
        SegmentKind.Table => Position.Register,
        _ => Position.Flow,
    };

    // PdfExtractor names pages "sida N", PowerPointExtractor slides "bild N" (notes and comments have their own kinds).
    private static bool IsPageOrSlide(string location) =>
        (location.StartsWith("sida ", StringComparison.Ordinal) || location.StartsWith("bild ", StringComparison.Ordinal))
        && location.Length > 5 && char.IsAsciiDigit(location[5]);

    private static string? ScanSegment(TextSegment segment, int index, Position position, string? before, ICollection<Finding> findings)
    {
        var text = segment.Text;
        var lines = new List<Line>();
        SplitLines(text, lines);
        var lastRow = lines.Count > 0 ? lines[^1].Row : 0;
        // The previous line as a slice, made a string only when a marking needs it or at the end: a string per
        // line of a large sheet was most of this detector's allocations.
        var hasPrevious = before is not null;
        ReadOnlySpan<char> previous = before;
        for (var l = 0; l < lines.Count; l++)
        {
            var (start, end, row, cell, cells) = lines[l];
            var line = text.AsSpan(start, end - start);
            var trimmed = line.Trim();
            if (trimmed.IsEmpty) continue;
            var offset = start + (line.Length - line.TrimStart().Length);

            if (segment.Kind == SegmentKind.Metadata)
            {
                var stripped = StripReplyPrefixes(trimmed);
                offset += trimmed.Length - stripped.Length;
                trimmed = stripped;
            }

            var stampLike = position switch
            {
                Position.Stamp => true,
                Position.PageOrSlide => row < EdgeLines || row > lastRow - EdgeLines,
                Position.SheetTop => row < TopRows && cell == 0,
                _ => false,
            };

            // A register or agenda row that cites secrecy refers to another document ("§ 7 Individärende – sekretess
            // enligt 26 kap. 1 § OSL", a diarium row "…\tSekretess 23:2 OSL\t…"): a mention, never a marking.
            var registerRow = !stampLike && (position is Position.Register or Position.SheetTop) && cells > 1;
            var agendaItem = !stampLike && AgendaItemPattern().IsMatch(trimmed);

            (int Start, int Length) cut = (0, trimmed.Length);
            var marking = registerRow || agendaItem ? null : stampLike ? ParseStamp(trimmed, out cut) : OslMarking.Parse(trimmed);
            var next = l + 1 < lines.Count ? text.AsSpan(lines[l + 1].Start, lines[l + 1].End - lines[l + 1].Start).Trim() : default;
            if (marking is not null && (stampLike ? AcceptStamp(marking, position) : IsStandalone(marking, trimmed, hasPrevious ? previous.ToString() : null, next, out _)))
            {
                var confidence = stampLike ? Confidence.High : StandaloneConfidence(marking);
                findings.Add(new Finding(DetectorId, FindingKinds.OslMarkering, confidence, index, offset + cut.Start, cut.Length,
                    Sample(marking), marking.Detail));
            }
            else
            {
                AddMentions(text, start, end, index, findings);
            }
            previous = trimmed;
            hasPrevious = true;
        }
        return hasPrevious ? previous.ToString() : null;
    }

    // In a stamp zone the whole line is tried first, then its first part before a separator or sentence end
    // ("SEKRETESS enligt 18 kap. 8 § OSL · IT-avdelningen · Får inte spridas", "OBS! Omfattas av sekretess enligt
    // 26 kap. 1 § OSL (…). Ska inte ligga i Teams"): a stamp often carries a department or an instruction after it.
    private static OslMarking? ParseStamp(ReadOnlySpan<char> line, out (int Start, int Length) cut)
    {
        var lead = StampLeadPattern().Match(line.ToString());
        var from = lead.Success ? lead.Length : 0;
        var body = line[from..];
        cut = (from, body.Length);
        var whole = OslMarking.Parse(body);
        foreach (Match sep in StampSeparatorPattern().Matches(body.ToString()))
        {
            if (sep.Index < 4) continue;
            var part = body[..sep.Index];
            // The whole line decides what the marking says ("SEKRETESS – elevhälsa (23 kap. 2 § OSL)" is 23:2);
            // a shorter part only narrows where it stands, or finds it when the whole line carries an instruction.
            if (OslMarking.Parse(part) is { } marking && (marking.HasCitation || marking.UpperCase)
                && (whole is null || whole.Detail == marking.Detail))
            {
                cut = (from, part.TrimEnd().Length);
                return whole ?? marking;
            }
        }
        if (whole is not null) return whole;
        return null;
    }

    // A stamp in a header, footer, subject, comment or at a page edge: any marking the parser accepts, except
    // a bare title-case word at a page edge or in a sheet's top rows (a column or chapter heading "Sekretess").
    private static bool AcceptStamp(OslMarking marking, Position position) =>
        position == Position.Stamp || marking.HasCitation || marking.UpperCase || marking.Area is not null;

    private static Confidence StandaloneConfidence(OslMarking marking) =>
        marking.HasCitation || marking.UpperCase ? Confidence.High : Confidence.Medium;

    private static bool IsStandalone(OslMarking marking, ReadOnlySpan<char> line, string? before, ReadOnlySpan<char> next, out Confidence confidence)
    {
        confidence = Confidence.High;

        // Running text and lists: a bullet is an example in a routine, and a line that continues into a
        // lower-case next line is a sentence that happens to start with the words.
        if (line[0] is '•' or '·' or '▪' or '-' or '*' or '–') return false;
        if (!next.IsEmpty && char.IsLower(next[0]) && line[^1] is not ('.' or ':' or ')')) return false;
        if (before is not null && IsInstruction(before)) return false;

        if (marking.HasCitation || marking.UpperCase) return true;
        if (marking.Area is not null) { confidence = Confidence.Medium; return true; }
        return false;
    }

    // "Märk handlingen med följande text:", "Exempel:" — the line after is a quoted example, not a stamp.
    private static bool IsInstruction(string line)
    {
        var trimmed = line.TrimEnd();
        if (trimmed.Length == 0 || trimmed[^1] != ':') return false;
        return InstructionPattern().IsMatch(trimmed);
    }

    private static readonly System.Buffers.SearchValues<string> ChapterWords = System.Buffers.SearchValues.Create(["kap"], StringComparison.OrdinalIgnoreCase);
    private static readonly System.Buffers.SearchValues<string> MentionWords = System.Buffers.SearchValues.Create(["sekretess", "osl"], StringComparison.OrdinalIgnoreCase);

    private static void AddMentions(string text, int start, int end, int index, ICollection<Finding> findings)
    {
        // Every mention holds "kap" and, in the same line, "sekretess" before it or "OSL"/"…sekretesslagen" after it:
        // a line without both words is not searched (most lines with a colon are "Datum: …", "Tel: …").
        var span = text.AsSpan(start, end - start);
        if (!CueSearch.MayHold(span, ChapterWords) || !CueSearch.MayHold(span, MentionWords)) return;
        var line = span.ToString();
        foreach (Match m in MentionPattern().Matches(line))
        {
            var chapter = m.Groups["ch"].Value;
            var section = m.Groups["sec"].Success ? m.Groups["sec"].Value + m.Groups["let"].Value.ToLowerInvariant() : null;
            var detail = section is null ? chapter : $"{chapter}:{section}";
            findings.Add(new Finding(DetectorId, FindingKinds.OslOmnamnande, Confidence.Low, index, start + m.Index, m.Length,
                $"OSL {detail}", detail));
        }
    }

    private static string Sample(OslMarking marking)
    {
        var word = marking.Kind switch
        {
            OslMarkingKind.Hemlig => "HEMLIG",
            OslMarkingKind.SkyddadePersonuppgifter => "SKYDDADE PERSONUPPGIFTER",
            OslMarkingKind.Sekretessmarkering => "SEKRETESSMARKERING",
            OslMarkingKind.Konfidentiell => "KONFIDENTIELL",
            _ => "SEKRETESS",
        };
        return marking.HasCitation ? $"{word} {marking.Detail}" : word;
    }

    private static ReadOnlySpan<char> StripReplyPrefixes(ReadOnlySpan<char> subject)
    {
        while (true)
        {
            var m = ReplyPrefixPattern().Match(subject.ToString());
            if (!m.Success || m.Length == 0) return subject;
            subject = subject[m.Length..].TrimStart();
        }
    }

    // Lines, and table cells: a tab separates cells, so "SEKRETESS" in a cell of its own is a line of its own.
    // Each cell knows its row, its place in the row and how many non-empty cells the row has.
    private static void SplitLines(string text, List<Line> lines)
    {
        var start = 0;
        var row = 0;
        var rowFirst = 0;
        var cell = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r' or '\t')) continue;
            if (!text.AsSpan(start, i - start).IsWhiteSpace()) lines.Add(new Line(start, i, row, cell++, 0));
            start = i + 1;
            if (i == text.Length || text[i] is '\n' or '\r')
            {
                for (var k = rowFirst; k < lines.Count; k++) lines[k] = lines[k] with { Cells = cell };
                rowFirst = lines.Count;
                if (cell > 0) row++;
                cell = 0;
            }
        }
    }

    private readonly record struct Line(int Start, int End, int Row, int Cell, int Cells);

    private enum Position
    {
        /// <summary>Running text: a marking must stand on its own line.</summary>
        Flow,
        /// <summary>Header, footer, metadata (title, e-mail subject) or a comment: a stamp.</summary>
        Stamp,
        /// <summary>A PDF page or a slide: its first and last lines are its header and footer.</summary>
        PageOrSlide,
        /// <summary>The first part of a sheet: its top rows' first cells are its cover.</summary>
        SheetTop,
        /// <summary>Table rows: a row of several cells is a register or agenda entry.</summary>
        Register,
    }

    /// <summary>"OBS!", "Obs:", "Observera:" before a stamp.</summary>
    [GeneratedRegex(@"^(?:obs|observera|notera|viktigt)\s*[!:.]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StampLeadPattern();

    /// <summary>Where a stamp ends and a department or an instruction begins.</summary>
    [GeneratedRegex(@"\s[·•|–—]\s|\.\s+(?=\p{Lu})|\s\(|;\s|,\s|\s-\s", RegexOptions.CultureInvariant)]
    private static partial Regex StampSeparatorPattern();

    /// <summary>An agenda or register item that refers to a secret matter: "§ 7 Individärende – …", "Personalärende: …", "Bilaga 3 – …".</summary>
    [GeneratedRegex(@"^(?:§\s*\d+\s*)?(?:\d+[.)]?\s+)?(?:\p{L}*ärende[nt]?|ärenden|\p{L}*bilaga|punkt|delegationsbeslut|anmälan|information)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgendaItemPattern();

    [GeneratedRegex(@"^(?:(?:ämne|subject|sv|re|vb|fw|fwd|vs|ang)\s*:\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefixPattern();

    [GeneratedRegex(@"\b(?:märk\w*|skriv\w*|exempel|t\.\s?ex|texten|text|såsom|ange\w*|stå|står|stämpel\w*|stämpla\w*|sidhuvud\w*|sidfot\w*|följande)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InstructionPattern();

    /// <summary>An OSL citation in running text: "26 kap. 1 § OSL", "sekretess enligt 25 kap.", "23:2 OSL".</summary>
    [GeneratedRegex(@"(?:(?<=sekretess\w{0,6}\s(?:\S+\s){0,5})|(?=[^\n]{0,45}\b(?:OSL|offentlighets-\s*och\s+sekretesslagen)\b))(?<!\d)(?<ch>\d{1,2})\s*kap\.?(?:\s*(?<sec>\d{1,2})\s*(?<let>[a-z])?\s*§)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
