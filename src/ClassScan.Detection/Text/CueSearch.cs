using System.Buffers;
using System.Text.RegularExpressions;

namespace ClassScan.Detection.Text;

/// <summary>
/// Cheap searches that stand in for a regex scanning a whole text, with the same result. A regex whose first
/// character can be most letters tries (and runs its lookbehind) at nearly every position of a long text; a
/// vectorised search for a literal that every match must hold skips the texts and stretches without one.
/// Stateless; thread-safe.
/// </summary>
internal static class CueSearch
{
    /// <summary>
    /// The characters that RegexOptions.IgnoreCase | CultureInvariant equates with a Latin or Swedish letter and an
    /// ordinal ignore-case search does not: the Kelvin sign (k) and the ångström sign (å), found by comparing both
    /// over every BMP character. A text holding one is left to the regex.
    /// </summary>
    private static readonly SearchValues<char> CaseVariants = SearchValues.Create("\u212A\u212B");

    /// <summary>
    /// False only when <paramref name="text"/> can hold no match of an ignore-case regex every match of which holds
    /// one of <paramref name="words"/> (created with <see cref="StringComparison.OrdinalIgnoreCase"/>).
    /// </summary>
    public static bool MayHold(ReadOnlySpan<char> text, SearchValues<string> words) =>
        text.ContainsAny(words) || text.ContainsAny(CaseVariants);

    /// <summary>True when an ordinal ignore-case search finds every literal an ignore-case regex can match here.</summary>
    public static bool OrdinalCaseHolds(ReadOnlySpan<char> text) => !text.ContainsAny(CaseVariants);

    /// <summary>
    /// The leftmost match of <paramref name="anchored"/> (a pattern with a leading \G) at or after <paramref name="from"/>,
    /// tried only at the positions up to <paramref name="maxOffset"/> before each occurrence of a cue. When every match
    /// of the unanchored pattern holds a cue at most <paramref name="maxOffset"/> characters after its start, this is the
    /// match the unanchored pattern finds from <paramref name="from"/> (the same start, so the same alternative and
    /// groups): every possible start is tried, in order. A lookbehind still sees the text before the start.
    /// </summary>
    public static Match? NextAt(Regex anchored, string text, int from, SearchValues<string> cues, int maxOffset)
    {
        var tried = from - 1;
        for (var search = from; search < text.Length;)
        {
            var found = text.AsSpan(search).IndexOfAny(cues);
            if (found < 0) return null;
            var cue = search + found;
            for (var start = Math.Max(tried + 1, cue - maxOffset); start <= cue; start++)
            {
                var m = anchored.Match(text, start);
                if (m.Success) return m;
            }
            tried = cue;
            search = cue + 1;
        }
        return null;
    }
}
