using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;
using FsCheck.Xunit;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Personnummer;

[Properties(Arbitrary = [typeof(PersonnummerArbitraries)], MaxTest = 300)]
public sealed class PersonnummerPropertyTests
{
    private const int Ref = FixedTimeProvider.ScanYear;
    private static readonly PersonnummerDetector Detector = new(FixedTimeProvider.ScanDate);

    [Property]
    public void Detect_GeneratedNumberInSwedishText_FoundOnceInEveryFormat(GeneratedNumber number, SurroundingText text)
    {
        var kind = number.Samordningsnummer ? FindingKinds.Samordningsnummer : FindingKinds.Personnummer;
        for (var format = 0; format < NumberFormats.Names.Length; format++)
        {
            var written = NumberFormats.Format(number.Twelve, format, Ref);

            var finding = Assert.Single(Detect(text.Before + written + text.After));

            Assert.Equal(kind, finding.Kind);
            Assert.Equal(text.Before.Length, finding.Start);
            Assert.Equal(written.Length, finding.Length);
            Assert.Equal(NumberFormats.ExpectedSample(written), finding.MaskedSample);
            Assert.EndsWith("****", finding.MaskedSample);
        }
    }

    [Property]
    public void Validate_SingleDigitChanged_RejectedUnlessOracleAccepts(GeneratedNumber number, int formatSeed, int positionSeed, int digitSeed)
    {
        var written = NumberFormats.Format(number.Twelve, Math.Abs(formatSeed % NumberFormats.Names.Length), Ref);
        var digitPositions = Enumerable.Range(0, written.Length).Where(i => char.IsAsciiDigit(written[i])).ToArray();
        var position = digitPositions[Math.Abs(positionSeed % digitPositions.Length)];
        var newDigit = (char)('0' + (written[position] - '0' + 1 + Math.Abs(digitSeed % 9)) % 10);
        var changed = string.Concat(written.AsSpan(0, position), newDigit.ToString(), written.AsSpan(position + 1));

        var expected = IdentityNumberOracle.Classify(changed, Ref);
        var actual = PersonnummerValidator.Validate(changed, Ref);

        Assert.NotEqual(IdentityNumberKind.None, IdentityNumberOracle.Classify(written, Ref));
        Assert.Equal(expected, actual.Kind);
        Assert.Equal(actual.IsValid ? 1 : 0, Detect($"x {changed} y").Count);
        // Luhn catches every single-digit error in YYMMDDNNNC: only a 12-digit century change can stay valid.
        if (position >= (written.Length >= 12 ? 2 : 0)) Assert.False(actual.IsValid);
    }

    [Property]
    public void Detect_DigitSoup_FindsExactlyWhatANaiveScanFinds(DigitSoup soup)
    {
        var text = soup.Text;

        var findings = Detect(text);

        Assert.Equal(NaiveScan(text), findings.Select(f => (f.Start, f.Length)).ToHashSet());
        foreach (var finding in findings)
        {
            var value = text.Substring(finding.Start, finding.Length);
            Assert.Equal(NumberFormats.ExpectedSample(value), finding.MaskedSample);
            Assert.Equal(KindName(IdentityNumberOracle.Classify(value, Ref)), finding.Kind);
        }
    }

    /// <summary>
    /// The detector's candidate search (digit-run starts, then the anchored pattern) finds exactly the matches, in
    /// order, that a scan of the whole text with the unanchored candidate pattern finds.
    /// </summary>
    [Property]
    public void NextCandidate_DigitSoupOrAnyString_SameMatchesAsTheUnanchoredPattern(DigitSoup soup, string? noise)
    {
        // Numbers chained by separators: digit runs that start right after a match or inside a longer number.
        const string chains = "19121212-121212-1212 121212-1212121212+1212, 1912121212-121212-1212.";
        foreach (var text in new[] { soup.Text, noise ?? "", soup.Text + (noise ?? "") + soup.Text, chains + soup.Text })
        {
            var expected = UnanchoredCandidate.Matches(text).Select(m => (m.Index, m.Length)).ToList();
            var actual = new List<(int, int)>();
            for (var at = 0; PersonnummerDetector.NextCandidate(text, ref at) is { } m;) actual.Add(m);
            Assert.Equal(expected, actual);
        }
    }

    private static readonly System.Text.RegularExpressions.Regex UnanchoredCandidate = new(
        @"(?<![0-9])(?:1[89]|20)?[0-9]{6}[-+]?[0-9TRSUWXJKLMN][0-9]{3}(?![0-9])",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    [Property]
    public void Detect_AnyString_NeverThrowsAndEverySampleEndsMasked(string? text)
    {
        foreach (var finding in Detect(text ?? ""))
            Assert.EndsWith("****", finding.MaskedSample);
    }

    /// <summary>
    /// Every substring of 10–13 characters that the oracle accepts and that stands alone by the detector's stated
    /// boundary rules (no digit around it; not joined to digits by "-", "+", "." before or "-", "." after; not
    /// right after a token mixing letters and digits, looking back at most 34 characters like the detector).
    /// </summary>
    private static HashSet<(int Start, int Length)> NaiveScan(string t)
    {
        var found = new HashSet<(int, int)>();
        for (var i = 0; i < t.Length; i++)
        for (var length = 10; length <= 13 && i + length <= t.Length; length++)
        {
            var end = i + length;
            if (IdentityNumberOracle.Classify(t.Substring(i, length), Ref) == IdentityNumberKind.None) continue;
            if (i > 0 && char.IsDigit(t[i - 1])) continue;
            if (end < t.Length && char.IsDigit(t[end])) continue;
            if (i >= 2 && "-+.".Contains(t[i - 1]) && char.IsDigit(t[i - 2])) continue;
            if (end + 1 < t.Length && "-.".Contains(t[end]) && char.IsDigit(t[end + 1])) continue;
            var token = t[Math.Max(0, i - 34)..i];
            if (token.Reverse().TakeWhile(char.IsLetterOrDigit).Any(char.IsDigit)) continue;
            found.Add((i, length));
        }

        return found;
    }

    private static string KindName(IdentityNumberKind kind) => kind switch
    {
        IdentityNumberKind.Personnummer => FindingKinds.Personnummer,
        IdentityNumberKind.Samordningsnummer => FindingKinds.Samordningsnummer,
        IdentityNumberKind.Interimsnummer => FindingKinds.Interimsnummer,
        _ => "none",
    };

    private static List<Finding> Detect(string text)
    {
        var findings = new List<Finding>();
        Detector.Detect(new ExtractedText([new TextSegment(SegmentKind.Body, "prop", text)]), findings);
        return findings;
    }
}
