namespace ClassScan.Detection.Text;

/// <summary>
/// Splits text into words (maximal runs of letters and digits). Hyphens, punctuation and whitespace separate
/// words, so "LSS-handläggare" gives "LSS" and "handläggare". Allocation-free apart from the caller's list.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>Words longer than this are skipped: no lexicon term is that long, and it bounds the work per word.</summary>
    public const int MaxWordLength = 64;

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    public static void Tokenize(ReadOnlySpan<char> text, List<WordToken> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            var lowerRun = 0;
            while (i < text.Length && IsWordChar(text[i]))
            {
                var c = text[i];
                // Text runs glued by extraction ("1Anders" after a footnote mark, "ordförandeDaniel" from joined
                // runs) split before a capital that follows a digit or three lower-case letters; "SoL", "McKay" stay.
                if (i > start && char.IsUpper(c) && (char.IsDigit(text[i - 1]) || lowerRun >= 3)) break;
                lowerRun = char.IsLower(c) ? lowerRun + 1 : 0;
                i++;
            }
            tokens.Add(new WordToken(start, i - start));
        }
    }

    /// <summary>Lower-cases <paramref name="word"/> into <paramref name="destination"/> (invariant culture suits Swedish letters).</summary>
    public static ReadOnlySpan<char> ToLower(ReadOnlySpan<char> word, Span<char> destination)
    {
        var n = Math.Min(word.Length, destination.Length);
        for (var i = 0; i < n; i++) destination[i] = char.ToLowerInvariant(word[i]);
        return destination[..n];
    }

    /// <summary>True for "Anna", "Lindqvist": an upper-case letter followed by at least one lower-case letter.</summary>
    public static bool IsCapitalized(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0])) return false;
        for (var i = 1; i < word.Length; i++)
            if (!char.IsLower(word[i])) return false;
        return true;
    }

    /// <summary>True when every letter is upper case and there are at least two letters ("SEKRETESS", "BUP").</summary>
    public static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c)) { if (!char.IsUpper(c)) return false; letters++; }
        }
        return letters >= 2;
    }
}
