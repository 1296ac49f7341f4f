using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Detection.Osl;

/// <summary>
/// Explicit secrecy markings of the document itself (classification-policy.md, evidence 1), told apart from
/// text that discusses OSL or quotes a marking as an example.
/// <para>
/// A marking is a line (or table cell) that <see cref="OslMarking.Parse"/> accepts and that stands on its own:
/// in a header, footer or metadata segment (title, e-mail subject; "Sv:"/"VB:" prefixes are skipped) it is a
/// stamp, High. In body text, notes, comments and tables it must be its own line: not a list bullet, not
/// introduced by an instruction ("Märk handlingen så här:", "till exempel:"), and not the start of a sentence
/// that wraps onto the next line. There a citation or capitals ("SEKRETESS") give High, an uncited area marking
/// ("Sekretess – socialtjänst") Medium, and a bare title-case heading ("Sekretess", "Skyddade personuppgifter")
/// is not a marking (policy texts use those as headings).
/// </para>
/// <para>
/// Kind <see cref="FindingKinds.OslMarkering"/>, Detail as <see cref="OslMarking.Detail"/>; call
/// <see cref="OslMarking.ImpliedLevelOf"/> for the level. Lines that cite an OSL chapter in running text give
/// <see cref="FindingKinds.OslOmnamnande"/> at Low with the citation as Detail: never a floor, only a feature.
/// MaskedSample: a canonical form of the marking ("SEKRETESS 26:1"); markings are not sensitive.
/// </para>
/// Singleton, thread-safe, never throws on any input.
/// </summary>
public sealed partial class OslMarkingDetector : IDetector
{
    public const string DetectorId = "se.osl-markering";

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (text is null) return;

        // The line before the current one, per flow (body paragraphs arrive one segment each).
        var previousLine = new Dictionary<SegmentKind, string>();
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var segment = text.Segments[i];
            if (segment is null || string.IsNullOrEmpty(segment.Text)) continue;
            var stampZone = segment.Kind is SegmentKind.Header or SegmentKind.Footer or SegmentKind.Metadata;
            previousLine.TryGetValue(segment.Kind, out var before);
            before = ScanSegment(segment, i, stampZone, before, findings);
            if (before is not null) previousLine[segment.Kind] = before;
        }
    }

    private static string? ScanSegment(TextSegment segment, int index, bool stampZone, string? before, ICollection<Finding> findings)
    {
        var text = segment.Text;
        var lines = new List<(int Start, int End)>();
        SplitLines(text, lines);
        for (var l = 0; l < lines.Count; l++)
        {
            var (start, end) = lines[l];
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

            var marking = OslMarking.Parse(trimmed);
            var next = l + 1 < lines.Count ? text.AsSpan(lines[l + 1].Start, lines[l + 1].End - lines[l + 1].Start).Trim() : default;
            if (marking is not null && IsStandalone(marking, trimmed, stampZone, before, next, out var confidence))
            {
                findings.Add(new Finding(DetectorId, FindingKinds.OslMarkering, confidence, index, offset, trimmed.Length,
                    Sample(marking), marking.Detail));
            }
            else
            {
                AddMentions(text, start, end, index, findings);
            }
            before = trimmed.ToString();
        }
        return before;
    }

    private static bool IsStandalone(OslMarking marking, ReadOnlySpan<char> line, bool stampZone, string? before, ReadOnlySpan<char> next, out Confidence confidence)
    {
        confidence = Confidence.High;
        if (stampZone) return true;

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

    private static void AddMentions(string text, int start, int end, int index, ICollection<Finding> findings)
    {
        var line = text.Substring(start, end - start);
        if (!line.Contains("kap", StringComparison.OrdinalIgnoreCase) && !line.Contains(':', StringComparison.Ordinal)) return;
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
    private static void SplitLines(string text, List<(int, int)> lines)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('\n' or '\r' or '\t')) continue;
            lines.Add((start, i));
            start = i + 1;
        }
    }

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
