using System.Text.RegularExpressions;
using ClassScan.Core.Findings;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Case numbers ("SN 2025/0077", "ON-2025-06329", "Dnr SBN 2025/0233"): Medium for social-services and care prefixes
/// (the number is an individual matter), else Low. The masked sample keeps the prefix and year only. Stateless; thread-safe.
/// </summary>
internal static partial class CaseNumberRecogniser
{
    public static void Find(IndividualLexicon lexicon, int segmentIndex, string text, ICollection<Finding> findings)
    {
        foreach (var m in Matches(text))
        {
            var code = m.Groups["code"].Value;
            var social = lexicon.SocialCasePrefixes.Contains(code.ToLowerInvariant());
            findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, social ? Confidence.Medium : Confidence.Low,
                segmentIndex, m.Index, m.Length, $"{code} {m.Groups["year"].Value}/****", IndividualDetails.Arende));
        }
    }

    /// <summary>
    /// The matches of <see cref="CaseNumberPattern"/>, as its Matches would give them, with the regex tried only where
    /// a match can start: 6-11 characters before a "/" or "-" that follows a year ("SN 2025/": code, optional
    /// separator, year). Most text has no such year, so the regex no longer tries every capital letter.
    /// </summary>
    private static IEnumerable<Match> Matches(string text)
    {
        var tried = -1;
        for (var search = 0; search < text.Length;)
        {
            var found = text.AsSpan(search).IndexOfAny('/', '-');
            if (found < 0) yield break;
            var slash = search + found;
            search = slash + 1;
            if (slash < 6 || !FollowsYear(text, slash)) continue;
            for (var start = Math.Max(tried + 1, slash - 11); start <= slash - 6; start++)
            {
                var m = CaseNumberPattern().Match(text, start);
                if (!m.Success) continue;
                yield return m;
                tried = m.Index + m.Length - 1;
                search = m.Index + m.Length;
                break;
            }
            tried = Math.Max(tried, slash - 6);
        }
    }

    // "19dd" or "20dd" right before the separator, as the pattern's year group reads it.
    private static bool FollowsYear(string text, int separator) =>
        ((text[separator - 4] == '1' && text[separator - 3] == '9') || (text[separator - 4] == '2' && text[separator - 3] == '0'))
        && char.IsDigit(text[separator - 2]) && char.IsDigit(text[separator - 1]);

    /// <summary>A case number, matched only where the search starts (see <see cref="Matches"/>).</summary>
    [GeneratedRegex(@"\G(?<![\p{L}\p{Nd}])(?<code>[A-ZÅÄÖ]{2,6})[ \-]?(?<year>(?:19|20)\d{2})[/\-](?<num>\d{2,6})(?![\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();
}
