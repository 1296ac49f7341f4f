using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Language;

/// <summary>
/// Bounded samples of a document's text for language identification: the cost of identifying a language grows
/// with the text it reads, so a 500-page report must cost no more than a letter. Stateless.
/// </summary>
internal static class TextSample
{
    /// <summary>
    /// Up to <paramref name="windows"/> windows of <paramref name="windowChars"/> characters spread evenly over the
    /// text of the segments (start, middle, end), or all of it when it is shorter. Metadata and sheet names are left
    /// out: a title or "Sheet1" says little about the language of the content.
    /// </summary>
    public static string Spread(IReadOnlyList<TextSegment> segments, int windows, int windowChars)
    {
        long total = 0;
        foreach (var s in segments)
            if (Counts(s)) total += s.Text.Length + 1;
        var budget = (long)windows * windowChars;
        var sample = new StringBuilder((int)Math.Min(total, budget));
        if (total <= budget)
        {
            foreach (var s in segments)
                if (Counts(s)) sample.Append(s.Text).Append('\n');
            return sample.ToString();
        }

        // Window w starts at w * (total - windowChars) / (windows - 1) of the segments laid end to end ('\n' between).
        var step = windows > 1 ? (total - windowChars) / (windows - 1) : 0;
        var w = 0;
        long position = 0;
        foreach (var s in segments)
        {
            if (!Counts(s)) continue;
            var length = s.Text.Length + 1;
            while (w < windows)
            {
                var from = w * step;
                var to = from + windowChars;
                if (from >= position + length) break;
                var a = (int)Math.Max(0, from - position);
                var b = (int)Math.Min(length, to - position);
                if (b > a)
                {
                    var textEnd = Math.Min(b, s.Text.Length);
                    if (textEnd > a) sample.Append(s.Text, a, textEnd - a);
                    if (b > s.Text.Length) sample.Append('\n');
                }
                if (to > position + length) break; // the window goes on in the next segment
                sample.Append('\n');
                w++;
            }
            position += length;
            if (w >= windows) break;
        }
        return sample.ToString();
    }

    /// <summary>The first <paramref name="maxChars"/> characters of one text, cut at a space when there is one near the end.</summary>
    public static string Head(string text, int maxChars)
    {
        if (text.Length <= maxChars) return text;
        var cut = text.LastIndexOf(' ', maxChars - 1, Math.Min(maxChars, 40));
        return text[..(cut > 0 ? cut : maxChars)];
    }

    /// <summary>Letters in the text, counted up to <paramref name="enough"/> (then it stops: only "at least" matters).</summary>
    public static int Letters(string text, int enough)
    {
        var n = 0;
        foreach (var c in text)
            if (char.IsLetter(c) && ++n >= enough) break;
        return n;
    }

    private static bool Counts(TextSegment s) => s.Kind is not (SegmentKind.Metadata or SegmentKind.SheetName);
}
