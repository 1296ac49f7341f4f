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
        foreach (Match m in CaseNumberPattern().Matches(text))
        {
            var code = m.Groups["code"].Value;
            var social = lexicon.SocialCasePrefixes.Contains(code.ToLowerInvariant());
            findings.Add(new Finding(IndividualDetector.DetectorId, FindingKinds.Individ, social ? Confidence.Medium : Confidence.Low,
                segmentIndex, m.Index, m.Length, $"{code} {m.Groups["year"].Value}/****", IndividualDetails.Arende));
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])(?<code>[A-ZÅÄÖ]{2,6})[ \-]?(?<year>(?:19|20)\d{2})[/\-](?<num>\d{2,6})(?![\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();
}
