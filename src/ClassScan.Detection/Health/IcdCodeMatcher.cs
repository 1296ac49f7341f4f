using System.Text.RegularExpressions;

namespace ClassScan.Detection.Health;

/// <summary>
/// ICD-10 codes in context. Only the code pattern is used (ICD-10-SE titles are WHO-copyrighted): a letter
/// (U is reserved) and two digits, optionally ".d" or ".dd" ("F90.0", "F84", "E10.9"). A code alone is too
/// ambiguous (road E20, room B12), so "diagnos", "ICD" or "kod" must be within a short window of it.
/// </summary>
internal static partial class IcdCodeMatcher
{
    private const int WindowBefore = 60;
    private const int WindowAfter = 30;

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}.])[A-TV-Z][0-9]{2}(?:\.[0-9]{1,2}[A-Z]?)?(?![\p{L}\p{Nd}]|\.[0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    private static readonly string[] ContextWords = ["diagnos", "icd", "kod", "dx"];

    public static void Find(string text, string lower, List<(int Start, int Length)> results)
    {
        if (text.Length < 3) return;
        foreach (var match in CodePattern().EnumerateMatches(text))
        {
            var from = Math.Max(0, match.Index - WindowBefore);
            var to = Math.Min(lower.Length, match.Index + match.Length + WindowAfter);
            var window = lower.AsSpan(from, to - from);
            foreach (var word in ContextWords)
            {
                if (window.Contains(word, StringComparison.Ordinal))
                {
                    results.Add((match.Index, match.Length));
                    break;
                }
            }
        }
    }
}
