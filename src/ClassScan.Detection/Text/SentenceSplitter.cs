namespace ClassScan.Detection.Text;

/// <summary>
/// Splits a segment into sentence-like passages for context rules. A passage ends at ".", "!" or "?" followed
/// by whitespace, at a blank line, or at a line break unless the line looks wrapped (it ends in a lower-case
/// letter, comma or hyphen and the next line starts in lower case), so PDF prose that wraps stays one passage
/// while table rows and list items stay apart. Tabs do not split: a table row is one passage.
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>Longest passage; longer runs are cut so a context window never spans a whole page.</summary>
    public const int MaxLength = 600;

    public static void Split(ReadOnlySpan<char> text, List<(int Start, int End)> sentences)
    {
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var cut = -1;
            if ((c is '.' or '!' or '?') && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]) && !IsAbbreviation(text, i))
                cut = i + 1;
            else if (c == '\n' && !IsWrapped(text, i))
                cut = i;
            else if (i - start >= MaxLength && char.IsWhiteSpace(c))
                cut = i;

            if (cut >= 0)
            {
                Add(text, start, cut, sentences);
                start = cut + 1;
                i = start;
                continue;
            }
            i++;
        }
        Add(text, start, text.Length, sentences);
    }

    private static void Add(ReadOnlySpan<char> text, int start, int end, List<(int, int)> sentences)
    {
        end = Math.Min(end, text.Length);
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) sentences.Add((start, end));
    }

    // "t.ex. Anna" or "kap. 1 §": a dot after a short lower-case word or a known abbreviation does not end a sentence.
    private static bool IsAbbreviation(ReadOnlySpan<char> text, int dot)
    {
        var j = dot - 1;
        while (j >= 0 && char.IsLetter(text[j])) j--;
        var word = text[(j + 1)..dot];
        if (word.Length == 0) return false;
        if (word.Length <= 2 && char.IsLower(word[0])) return true;
        return word is "kap" or "enl" or "jfr" or "resp" or "bl" or "ca" or "nr" or "st" or "tel" or "dnr" or "Dnr" or "avd";
    }

    private static bool IsWrapped(ReadOnlySpan<char> text, int newline)
    {
        var p = newline - 1;
        if (p >= 0 && text[p] == '\r') p--;
        while (p >= 0 && text[p] is ' ' or '\t') p--;
        if (p < 0) return false;
        var last = text[p];
        if (!(char.IsLower(last) || last is ',' or '-' or '–')) return false;
        var n = newline + 1;
        while (n < text.Length && text[n] is ' ' or '\t') n++;
        return n < text.Length && char.IsLower(text[n]);
    }
}
