using System.Buffers;

namespace ClassScan.Detection.Text;

/// <summary>
/// <see cref="string.ToLowerInvariant()"/> with the same result, faster on Swedish text: the runtime lower-cases
/// everything after the first non-ASCII character through ICU, one call per character, and nearly every Swedish
/// segment has an å, ä or ö early on. Here Latin-1 comes from a table built with <see cref="char.ToLowerInvariant"/>,
/// and other characters of the Basic Multilingual Plane go to <see cref="char.ToLowerInvariant"/> one by one (which
/// is what the string method does with them: invariant casing is a simple, per-character mapping). A text with a
/// surrogate is left to the string method, which maps a pair as one character.
/// </summary>
internal static class LowerCase
{
    private static readonly char[] Latin1 = BuildLatin1();

    private static readonly SearchValues<char> Surrogates = SearchValues.Create(
        string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    // Every ASCII character that lower-casing leaves as it is.
    private static readonly SearchValues<char> LowerAscii = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c is < 'A' or > 'Z')));

    private static char[] BuildLatin1()
    {
        var table = new char[256];
        for (var c = 0; c < table.Length; c++) table[c] = char.ToLowerInvariant((char)c);
        return table;
    }

    public static string Invariant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        // Nothing to change (digits, lower-case words): the string itself, as the runtime returns it.
        var firstUpperOrWide = span.IndexOfAnyExcept(LowerAscii);
        if (firstUpperOrWide < 0) return text;
        if (span[firstUpperOrWide..].ContainsAny(Surrogates)) return text.ToLowerInvariant();
        return string.Create(text.Length, (text, firstUpperOrWide), static (destination, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(destination);
            var table = Latin1;
            for (var i = from; i < source.Length; i++)
            {
                var c = source[i];
                destination[i] = c < 256 ? table[c] : char.ToLowerInvariant(c);
            }
        });
    }
}
