using System.Text.RegularExpressions;
using ClassScan.Detection.Text;

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
        for (var at = 0; n < limit && CueSearch.NextAt(AnchoredPattern(), text, at, Cues, 1) is { } m; at = m.Index + m.Length) n++;
        return n;
    }

    // Every match holds a dot right after its first letter ("A.", "N.N") or starts with "NN": tried only there, not
    // at every capital of a long text.
    private static readonly System.Buffers.SearchValues<string> Cues = System.Buffers.SearchValues.Create([".", "NN"], StringComparison.Ordinal);

    // Two or three capital initials each with a dot ("A.A.", "F.A.I.", "B. B."), or NN / N.N. as a whole word.
    private const string ReferencePattern = @"(?<![\p{L}\p{Nd}.])(?:\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?|N\.?N\.?)(?![\p{L}\p{Nd}])";

    /// <summary>The references, matched only where the search starts (<see cref="CueSearch.NextAt"/>).</summary>
    [GeneratedRegex(@"\G" + ReferencePattern, RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredPattern();
}
