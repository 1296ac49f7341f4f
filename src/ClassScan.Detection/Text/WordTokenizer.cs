namespace ClassScan.Detection.Text;

/// <summary>
/// Splits text into words (maximal runs of letters and digits). Hyphens, punctuation and whitespace separate
/// words, so "LSS-handläggare" gives "LSS" and "handläggare". Allocation-free apart from the caller's list.
/// </summary>
internal static class WordTokenizer
{
    /// <summary>Words longer than this are skipped: no lexicon term is that long, and it bounds the work per word.</summary>
    public const int MaxWordLength = 64;

    // What char.IsLetterOrDigit, IsUpper, IsLower and IsDigit say of each Latin-1 character, in one byte: the
    // tokenizer asks up to four questions of every character of every document, and nearly all are Latin-1.
    // Built from those same methods, so the answers cannot differ.
    private const byte Word = 1, Upper = 2, Lower = 4, Digit = 8;
    private static readonly byte[] Latin1 = BuildLatin1();

    private static byte[] BuildLatin1()
    {
        var table = new byte[256];
        for (var c = 0; c < table.Length; c++) table[c] = (byte)Ask((char)c);
        return table;
    }

    private static int Ask(char c) =>
        (char.IsLetterOrDigit(c) ? Word : 0) | (char.IsUpper(c) ? Upper : 0) | (char.IsLower(c) ? Lower : 0) | (char.IsDigit(c) ? Digit : 0);

    public static void Tokenize(ReadOnlySpan<char> text, List<WordToken> tokens)
    {
        // The table in a local and the lookup written out here: precompiled (ReadyToRun) code did not inline a
        // lookup method and reached the static table through a helper call per character, a third of the health
        // detector's time.
        var latin1 = Latin1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (((c < 256 ? latin1[c] : Ask(c)) & Word) == 0) { i++; continue; }
            var start = i;
            var lowerRun = 0;
            var previous = 0;
            while (i < text.Length)
            {
                c = text[i];
                var classes = c < 256 ? latin1[c] : Ask(c);
                if ((classes & Word) == 0) break;
                // Text runs glued by extraction ("1Anders" after a footnote mark, "ordförandeDaniel" from joined
                // runs) split before a capital that follows a digit or three lower-case letters; "SoL", "McKay" stay.
                if (i > start && (classes & Upper) != 0 && ((previous & Digit) != 0 || lowerRun >= 3)) break;
                lowerRun = (classes & Lower) != 0 ? lowerRun + 1 : 0;
                previous = classes;
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
