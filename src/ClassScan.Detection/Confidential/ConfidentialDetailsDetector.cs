using System.Text.RegularExpressions;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Detection.Confidential;

/// <summary>
/// Level-2 material the policy names that carries no personnummer: passwords and access codes, and salaries.
/// A credential is a label (lösenord, password, larmkod, portkod, pinkod...) followed, in the same line or the
/// same table, by a value that looks like a secret: a token of 8+ characters mixing letters, digits and signs,
/// or a 4–6 digit code for door and alarm labels. Text *about* passwords ("lösenordet ska ha minst 12 tecken")
/// has no such value and yields nothing. A salary finding is a salary label near money amounts; whether it is
/// about named people is the rule engine's call (proximity to an individual).
/// Singleton, thread-safe, never throws; samples are masked ("lösenord: ****").
/// </summary>
public sealed partial class ConfidentialDetailsDetector : IDetector
{
    public const string DetectorId = "se.konfidentiellt";

    /// <summary>How far after a label a value may stand (a table header is followed by its rows).</summary>
    private const int ValueWindow = 300;

    public string Id => DetectorId;

    public void Detect(ExtractedText text, ICollection<Finding> findings)
    {
        if (text is null) return;
        for (var i = 0; i < text.Segments.Count; i++)
        {
            var t = text.Segments[i].Text;
            if (t.Length < 6) continue;
            try
            {
                DetectCredentials(t, i, findings);
                DetectSalaries(t, i, findings);
            }
            catch (RegexMatchTimeoutException)
            {
                // Pathological input: skip the segment rather than stall the scan.
            }
        }
    }

    private static void DetectCredentials(string t, int segment, ICollection<Finding> findings)
    {
        foreach (Match label in CredentialLabel().Matches(t))
        {
            var codeLabel = label.Groups["code"].Success;
            var end = Math.Min(t.Length, label.Index + label.Length + ValueWindow);
            var window = t.AsSpan(label.Index + label.Length, end - label.Index - label.Length);
            foreach (var token in SecretValue().EnumerateMatches(window))
            {
                var value = window.Slice(token.Index, token.Length);
                if (!(LooksLikeSecret(value) || (codeLabel && LooksLikeCode(value)))) continue;
                findings.Add(new Finding(DetectorId, FindingKinds.KonfidentiellUppgift, Confidence.High, segment,
                    label.Index, label.Length, $"{label.Value.TrimEnd(':', '=', ' ').ToLowerInvariant()}: ****", ConfidentialDetails.Inloggning));
                return; // one credential finding per segment is evidence enough
            }
        }
    }

    private static void DetectSalaries(string t, int segment, ICollection<Finding> findings)
    {
        foreach (Match label in SalaryLabel().Matches(t))
        {
            var end = Math.Min(t.Length, label.Index + label.Length + ValueWindow);
            var amounts = Amount().Count(t.AsSpan(label.Index, end - label.Index));
            if (amounts < 1) continue;
            findings.Add(new Finding(DetectorId, FindingKinds.KonfidentiellUppgift, Confidence.Medium, segment,
                label.Index, label.Length, "lön: ****", ConfidentialDetails.Lon));
            return;
        }
    }

    // A secret: 8-40 characters without spaces, with at least three of lower, upper, digit, sign; not a URL,
    // e-mail address, path, date or plain number.
    private static bool LooksLikeSecret(ReadOnlySpan<char> v)
    {
        if (v.Length is < 8 or > 40) return false;
        if (v.Contains('@') || v.Contains("://", StringComparison.Ordinal) || v.Contains('.') && v.IndexOfAnyExceptInRange('a', 'z') < 0) return false;
        bool lower = false, upper = false, digit = false, sign = false;
        foreach (var c in v)
        {
            if (char.IsLower(c)) lower = true;
            else if (char.IsUpper(c)) upper = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else sign = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (sign ? 1 : 0) >= 3 && (digit || sign);
    }

    // A door or alarm code: 4-6 digits, optionally ending in # or *.
    private static bool LooksLikeCode(ReadOnlySpan<char> v)
    {
        var digits = v.TrimEnd("#*");
        return digits.Length is >= 4 and <= 6 && digits.IndexOfAnyExceptInRange('0', '9') < 0;
    }

    [GeneratedRegex(@"\b(?:lösenord(?:et)?|password|passwd|lösen|pinkod|pin-kod|engångskod|(?<code>larmkod|portkod|dörrkod|nyckelkod|kod personalingång|passerkod|koden))\b\s*[:=]?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex CredentialLabel();

    [GeneratedRegex(@"(?<![\w@./:-])[^\s;,|]{4,40}(?![\w@/])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SecretValue();

    [GeneratedRegex(@"\b(?:månadslön|timlön|årslön|nuvarande lön|ny lön|lönen|lön)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SalaryLabel();

    [GeneratedRegex(@"(?<![\d,.])\d{2}[ \u00A0]?\d{3}(?:[,.]\d{2})?(?:\s?kr)?(?![\d,])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Amount();
}
