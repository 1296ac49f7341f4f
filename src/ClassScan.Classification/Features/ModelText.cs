using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Classification.Features;

/// <summary>Builds the text the model reads: every segment, bounded so that a huge file costs little.</summary>
internal static class ModelText
{
    /// <summary>Most characters the model reads; the level decision of a long file rests on the rules anyway.</summary>
    public const int MaxChars = 20_000;

    // Keep the end too: appendices, footers and signatures (where private detail often sits) come last.
    private const int TailChars = 4_000;

    public static string Build(ExtractedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var s in text.Segments)
        {
            if (s?.Text is not { Length: > 0 } t) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(t);
            // Stop copying once far past the cap: the tail is taken from the last segments below.
            if (sb.Length > 4 * MaxChars) break;
        }
        if (sb.Length <= MaxChars) return Clean(sb.ToString());

        var all = sb.ToString();
        var tail = LastChars(text, TailChars);
        return Clean(string.Concat(all.AsSpan(0, MaxChars - tail.Length - 1), " ", tail));
    }

    private static string LastChars(ExtractedText text, int count)
    {
        var parts = new List<string>();
        var have = 0;
        for (var i = text.Segments.Count - 1; i >= 0 && have < count; i--)
        {
            var t = text.Segments[i]?.Text;
            if (string.IsNullOrEmpty(t)) continue;
            parts.Add(t);
            have += t.Length + 1;
        }
        parts.Reverse();
        var joined = string.Join(' ', parts);
        return joined.Length <= count ? joined : joined[^count..];
    }

    // Control characters and line breaks become spaces: the word tokenizer splits on spaces only.
    private static string Clean(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (char.IsControl(chars[i]) || char.IsWhiteSpace(chars[i])) chars[i] = ' ';
        return new string(chars);
    }
}
