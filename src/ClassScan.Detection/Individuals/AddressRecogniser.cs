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
        foreach (var m in Matches(segment.Text))
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

    /// <summary>
    /// The matches of <see cref="AddressPattern"/>, as its Matches would give them, with the regex tried only where a
    /// match can start. The street always ends in a letter followed by one whitespace and the house number's first
    /// digit, and is one word ("Storgatan") or a direction word and one word ("Norra Allén"): so the only starts are
    /// the beginnings of the one or two words before a digit that follows a whitespace after a letter. A text of
    /// capitalised words without such a digit is no longer tried at every capital.
    /// </summary>
    private static IEnumerable<Match> Matches(string text)
    {
        var tried = -1;
        for (var search = 0; search < text.Length;)
        {
            var found = text.AsSpan(search).IndexOfAny(Digits);
            if (found < 0) yield break;
            var digit = search + found;
            search = digit + 1;
            if (digit < 2 || !char.IsWhiteSpace(text[digit - 1]) || !char.IsLetter(text[digit - 2])) continue;
            var word = digit - 2;
            while (word > 0 && char.IsLetter(text[word - 1])) word--;
            var previous = -1;
            var gap = word;
            while (gap > 0 && char.IsWhiteSpace(text[gap - 1])) gap--;
            if (gap < word && gap > 0 && char.IsLetter(text[gap - 1]))
            {
                previous = gap - 1;
                while (previous > 0 && char.IsLetter(text[previous - 1])) previous--;
            }
            for (var k = 0; k < 2; k++)
            {
                var start = k == 0 ? previous : word;
                if (start <= tried) continue;
                tried = start;
                var m = AddressPattern().Match(text, start);
                if (!m.Success) continue;
                yield return m;
                tried = m.Index + m.Length - 1;
                search = m.Index + m.Length;
                break;
            }
        }
    }

    /// <summary>Every character \d matches (Unicode decimal digits).</summary>
    private static readonly System.Buffers.SearchValues<char> Digits = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c) && char.IsDigit(c))));

    /// <summary>A home address, matched only where the search starts (see <see cref="Matches"/>).</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\p{Nd}])(?<street>(?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre)\s+\p{L}+|\p{Lu}\p{Ll}+(?:gatan|gata|vägen|väg|stigen|stig|gränd|gränden|allén|allé|torget|torg|backen|backe|plan|leden|stråket|platsen|slingan|liden|höjden|ringen|kajen|hagen|ängen|lunden|udden)))\s(?<num>\d{1,3}(?:\s?[A-Za-z](?![\p{L}]))?)(?![\d:.,]\d)(?:(?:,\s*|\s{1,3}|[ \t]*\r?\n\s*)(?<zip>\d{3}\s\d{2})\s+(?<city>\p{Lu}[\p{L}\-]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
