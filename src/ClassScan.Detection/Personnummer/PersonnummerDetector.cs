using System.Buffers;
using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Personnummer;

/// <summary>
/// Finds valid personnummer, samordningsnummer and interim numbers. Singleton: stateless after construction,
/// thread-safe, never throws on any text. Reports only masked samples ("19121212-****").
/// </summary>
/// <remarks>
/// A candidate is 10 or 12 digits with an optional "-" or "+" before the last four (an interim letter allowed
/// as the first of them). It is reported only when (1) it stands alone: not inside a longer digit run, an IBAN,
/// a phone number or a dash-joined number, and (2) <see cref="PersonnummerValidator"/> accepts its date and
/// check digit. Context words never decide validity (design rule 5); they raise confidence from Medium to High.
/// </remarks>
internal sealed partial class PersonnummerDetector : IDetector
{
    /// <summary>Stable id shown in reports.</summary>
    public const string DetectorId = "se.personnummer";

    /// <summary>How far (characters, same segment) before or after a number a context word raises confidence.</summary>
    public const int ContextWindow = 60;

    // The shortest candidate ("000101T220") has nine digits: a segment with fewer holds none.
    private const int MinDigits = 9;

    // How far back to look for digits glued to letters before a candidate ("SE45…"); an IBAN is at most 34.
    private const int MaxTokenLookBack = 34;

    // Stems, so inflected forms count too ("personnumret", "samordningsnumret", "folkbokförda").
    private static readonly SearchValues<string> ContextWords = SearchValues.Create(
        [
            "personnum", "personnr", "pers.nr", "pnr", "p-nr", "födelsenum", "födelsenr", "samordningsnum",
            "samordningsnr", "folkbokförd", "id-num", "identitetsnum", "personal identity number", "social security",
        ],
        StringComparison.OrdinalIgnoreCase);

    private readonly TimeProvider? timeProvider;
    private readonly int fixedReferenceYear;

    /// <summary>Uses the system clock's current year as the scan year.</summary>
    public PersonnummerDetector()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Reads the scan year from <paramref name="timeProvider"/> (local time) once per document.</summary>
    public PersonnummerDetector(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
    }

    /// <summary>Uses a fixed scan year, e.g. to rescan an archive as of a given date.</summary>
    public PersonnummerDetector(int referenceYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(referenceYear, 1);
        fixedReferenceYear = referenceYear;
    }

    /// <inheritdoc />
    public string Id => DetectorId;

    /// <summary>Adds one finding per valid number in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (text is null) return;

        var referenceYear = timeProvider?.GetLocalNow().Year ?? fixedReferenceYear;
        var segments = text.Segments;
        for (var i = 0; i < segments.Count; i++)
        {
            var segmentText = segments[i]?.Text;
            if (segmentText is null || !HasAtLeastDigits(segmentText, MinDigits)) continue;
            DetectInSegment(segmentText, i, referenceYear, findings);
        }
    }

    private static void DetectInSegment(string segmentText, int segmentIndex, int referenceYear, ICollection<Finding> findings)
    {
        var s = segmentText.AsSpan();
        for (var at = 0; NextCandidate(s, ref at) is var (start, length);)
        {
            var end = start + length;
            if (!StandsAlone(s, start, end)) continue;

            var value = s.Slice(start, length);
            var result = PersonnummerValidator.Validate(value, referenceYear);
            if (!result.IsValid) continue;

            // 10 or 12 digits plus an optional separator: the date part is 6 or 8 characters.
            var dateLength = length is 10 or 11 ? 6 : 8;
            char? separator = length is 11 or 13 ? value[dateLength] : null;
            var kind = result.Kind switch
            {
                IdentityNumberKind.Samordningsnummer => FindingKinds.Samordningsnummer,
                IdentityNumberKind.Interimsnummer => FindingKinds.Interimsnummer,
                _ => FindingKinds.Personnummer,
            };
            var confidence = HasContext(s, start, end) ? Confidence.High : Confidence.Medium;

            findings.Add(new Finding(
                DetectorId,
                kind,
                confidence,
                segmentIndex,
                start,
                length,
                Mask.IdentityNumber(value[..dateLength], separator)));
        }
    }

    /// <summary>
    /// Rejects candidates that are part of a longer number. The regex already demands no digit directly before or
    /// after; here we also reject a number joined to digits by "-", "+" or "." before it ("5050-1055…", a
    /// reference like "12-1912121212") or by "-" or "." after it ("19121212-1212-3", "1912121212.5"), and one
    /// directly after a token that mixes letters and digits (an unspaced IBAN "SE45…", an id like "A1B…").
    /// A letter or punctuation alone before or after is fine: "Pnr19121212-1212", "(121212-1212)," must be found.
    /// </summary>
    private static bool StandsAlone(ReadOnlySpan<char> s, int start, int end)
    {
        if (start >= 2 && s[start - 1] is '-' or '+' or '.' && char.IsAsciiDigit(s[start - 2])) return false;
        if (end + 1 < s.Length && s[end] is '-' or '.' && char.IsAsciiDigit(s[end + 1])) return false;

        var limit = Math.Max(0, start - MaxTokenLookBack);
        for (var k = start - 1; k >= limit && char.IsLetterOrDigit(s[k]); k--)
            if (char.IsDigit(s[k])) return false;

        return true;
    }

    private static bool HasContext(ReadOnlySpan<char> s, int start, int end)
    {
        var from = Math.Max(0, start - ContextWindow);
        var to = Math.Min(s.Length, end + ContextWindow);
        return s[from..to].IndexOfAny(ContextWords) >= 0;
    }

    private static bool HasAtLeastDigits(string text, int count)
    {
        var s = text.AsSpan();
        if (s.Length < count) return false;
        for (var found = 0; found < count; found++)
        {
            var at = s.IndexOfAny(CharSets.AsciiDigits);
            if (at < 0) return false;
            s = s[(at + 1)..];
        }

        return true;
    }

    // The shortest candidate ("0001012200") is ten characters.
    private const int MinCandidateLength = 10;

    /// <summary>
    /// The next match of the candidate pattern at or after <paramref name="at"/> (which moves past it), or null:
    /// the matches a scan of the unanchored pattern finds, in order. Every match starts where a run of ASCII digits
    /// starts (the pattern's first character is a digit, and no digit may precede it), so the anchored pattern is
    /// tried only there. This is the regex's own search, made explicit: the generated one looks for the next digit
    /// with IndexOfAnyInRange at every digit of the text, which precompiled (ReadyToRun) code runs about ten times
    /// slower than SearchValues and allocating (benchmarks/README.md, "Tenth session").
    /// </summary>
    internal static (int Start, int Length)? NextCandidate(ReadOnlySpan<char> s, ref int at)
    {
        while (at <= s.Length - MinCandidateLength)
        {
            var found = s[at..].IndexOfAny(CharSets.AsciiDigits);
            if (found < 0) break;
            var start = at + found;
            var run = s[start..].IndexOfAnyExcept(CharSets.AsciiDigits);
            var runLength = run < 0 ? s.Length - start : run;
            // Every match opens with at least six digits in a row (YYMMDD, or the century and YYMMDD), so the
            // dates, amounts and phone numbers of a text cost one run each, not a regex call.
            if (runLength >= 6)
            {
                foreach (var m in AnchoredCandidate().EnumerateMatches(s, start))
                {
                    at = start + m.Length;
                    return (start, m.Length);
                }
            }
            // No match starts inside this run of digits: go on after it.
            at = start + runLength;
        }
        at = s.Length;
        return null;
    }

    /// <summary>
    /// Candidate shape, anchored where the search starts (\G, see <see cref="NextCandidate"/>): optional century
    /// 18/19/20, YYMMDD, optional "-"/"+", then a digit or an interim letter and three digits, with no ASCII digit
    /// directly before or after (so "19121212-1212" inside a 14-digit OCR number yields nothing). Same boundaries as
    /// the dev corpus's labelling regex, so counts agree.
    /// </summary>
    [GeneratedRegex(@"\G(?<![0-9])(?:1[89]|20)?[0-9]{6}[-+]?[0-9TRSUWXJKLMN][0-9]{3}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredCandidate();
}
