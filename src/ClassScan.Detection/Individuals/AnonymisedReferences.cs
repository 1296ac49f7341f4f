using System.Text.RegularExpressions;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Anonymised references to people: initials ("A.A.", "B.B.", "S.J.", "F.A.I.") and "NN"/"N.N." as published
/// judgments, decision templates and guidelines write them. They identify nobody (classification-policy.md, Hard
/// cases: "Anonymised people are not identifiable"), and a document that anonymises its parties names only its court,
/// counsel and officials: there a name is no private subject on narrative grounds alone. Stateless; thread-safe.
/// </summary>
internal static partial class AnonymisedReferences
{
    /// <summary>From this many anonymised references a document is treated as anonymised.</summary>
    public const int DocumentThreshold = 2;

    /// <summary>Counts anonymised references in <paramref name="text"/> (stops counting at <paramref name="limit"/>).</summary>
    public static int Count(string text, int limit = DocumentThreshold)
    {
        var n = 0;
        foreach (var _ in Pattern().EnumerateMatches(text))
            if (++n >= limit) break;
        return n;
    }

    // Two or three capital initials each with a dot ("A.A.", "F.A.I.", "B. B."), or NN / N.N. as a whole word.
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}.])(?:\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?|N\.?N\.?)(?![\p{L}\p{Nd}])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
