namespace ClassScan.Language;

/// <summary>
/// A shortcut before Lingua for the two languages most text here is in: running Swedish prose is dense with words
/// no neighbouring language spells the same way (och, att, är, inte; Norwegian and Danish write og, at, er, ikke),
/// and English prose with "the", "and", "of". When one language's words make a large share of a sample and the
/// other's almost none, the answer is certain and costs one pass over the words instead of an n-gram model per
/// candidate language. Anything less clear (tables, lists, mixed text, other languages) goes to Lingua. Stateless.
/// </summary>
internal static class FunctionWords
{
    /// <summary>Fewer words than this: no shortcut.</summary>
    public const int MinWords = 25;

    // Swedish words that Norwegian, Danish, German and English spell differently (så, på, det, som, av, med are shared).
    private static readonly HashSet<string> Swedish = new(StringComparer.Ordinal)
    {
        "och", "att", "är", "inte", "ett", "för", "till", "från", "också", "när", "hur", "vad", "mycket", "ska",
        "skall", "samt", "enligt", "även", "där", "detta", "denna", "dessa", "vilket", "vilka", "mellan", "genom", "bör",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "is", "that", "with", "this", "are", "was", "which", "have", "been", "were", "would",
        "their", "there", "they", "from", "will", "what", "about", "should",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SwedishLookup = Swedish.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup = English.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>"sv" or "en" when the sample is unmistakably that language, else null (ask Lingua).</summary>
    public static string? Obvious(ReadOnlySpan<char> sample)
    {
        int words = 0, swedish = 0, english = 0;
        Span<char> lower = stackalloc char[8];
        var i = 0;
        while (i < sample.Length)
        {
            if (!char.IsLetter(sample[i])) { i++; continue; }
            var start = i;
            while (i < sample.Length && char.IsLetter(sample[i])) i++;
            words++;
            var length = i - start;
            if (length > lower.Length) continue;
            var word = lower[..length];
            sample.Slice(start, length).ToLowerInvariant(word);
            if (SwedishLookup.Contains(word)) swedish++;
            else if (EnglishLookup.Contains(word)) english++;
        }
        if (words < MinWords) return null;
        // Swedish prose runs at 10-15 % of these words, English at 15-25 %; a stray "the" in a Swedish text (a
        // product name, a quoted title) or an "att" in English code stays under the 2 % allowed for the other.
        if (swedish * 100 >= words * 7 && english * 100 <= words * 2) return Core.Language.LanguageCodes.Swedish;
        if (english * 100 >= words * 10 && swedish * 100 <= words * 1) return Core.Language.LanguageCodes.English;
        return null;
    }
}
