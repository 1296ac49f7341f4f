using System.Text.RegularExpressions;
using ClassScan.Core.Findings;
using ClassScan.Core.Privacy;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Home addresses: a street (a word ending in -gatan, -vägen, ... or "Norra allén"), a number, and optionally a
/// postcode and town. Organisations' addresses (AB, kommun, Box, besöksadress, org.nr nearby) are not reported.
/// Swedish street words only, so it runs on every segment (a Finnish letter may carry a Swedish address). One
/// instance per segment.
/// </summary>
internal sealed partial class AddressRecogniser(IndividualLexicon lexicon, IndividualSegment segment)
{
    /// <summary>The home addresses of the segment: match, its line, and whether it has a postcode.</summary>
    public List<(Match Match, int Line, bool HasPostcode)> Find()
    {
        var found = new List<(Match, int, bool)>();
        foreach (Match m in AddressPattern().Matches(segment.Text))
        {
            var street = m.Groups["street"];
            var lineIndex = segment.LineIndexOf(street.Index);
            if (IsOrganisationAddress(lineIndex, street.Index, m.Index + m.Length)) continue;
            found.Add((m, lineIndex, m.Groups["zip"].Success));
        }
        return found;
    }

    /// <summary>The finding for one address: Medium with a postcode, High next to a private name, else Low.</summary>
    public Finding ToFinding((Match Match, int Line, bool HasPostcode) address, IReadOnlySet<int> linesWithPrivateName)
    {
        var (m, line, zip) = address;
        var confidence = Confidence.Low;
        if (zip)
            confidence = linesWithPrivateName.Contains(line) || linesWithPrivateName.Contains(line - 1) || linesWithPrivateName.Contains(line - 2)
                ? Confidence.High : Confidence.Medium;
        return new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, confidence, segment.Index, m.Index, m.Length,
            Mask.Word(m.Groups["street"].Value, 3), IndividualDetails.Adress);
    }

    private bool IsOrganisationAddress(int lineIndex, int streetStart, int end)
    {
        var text = segment.Text;
        var from = Math.Max(segment.Lines[Math.Max(0, lineIndex - 1)].Start, streetStart - OfficialContext.NearWindow);
        var to = Math.Min(Math.Min(text.Length, segment.LineEndOf(Math.Max(streetStart, end - 1))), end + OfficialContext.NearWindow);
        var window = segment.Lower.AsSpan(from, to - from);
        var tokens = new List<WordToken>();
        WordTokenizer.Tokenize(window, tokens);
        foreach (var t in tokens)
            if (lexicon.OrganisationWords.Contains(window.Slice(t.Start, t.Length))) return true;
        return window.Contains("org.nr", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?<street>(?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre)\s+\p{L}+|\p{Lu}\p{Ll}+(?:gatan|gata|vägen|väg|stigen|stig|gränd|gränden|allén|allé|torget|torg|backen|backe|plan|leden|stråket|platsen|slingan|liden|höjden|ringen|kajen|hagen|ängen|lunden|udden)))\s(?<num>\d{1,3}(?:\s?[A-Za-z](?![\p{L}]))?)(?![\d:.,]\d)(?:(?:,\s*|\s{1,3}|[ \t]*\r?\n\s*)(?<zip>\d{3}\s\d{2})\s+(?<city>\p{Lu}[\p{L}\-]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
