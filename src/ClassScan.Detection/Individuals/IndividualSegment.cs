using ClassScan.Core.Privacy;
using ClassScan.Detection.Text;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// One segment as the individual recognisers read it: the text, its words, its lines, the neighbouring segments'
/// edge lines, and whether Swedish vocabulary applies to it. Built once per segment per call; not shared.
/// </summary>
internal sealed class IndividualSegment
{
    public IndividualSegment(int index, string text, bool swedish, string? previousSegmentLine = null, string? nextSegmentLine = null, SegmentContext? context = null)
    {
        Index = index;
        Text = text;
        Swedish = swedish;
        PreviousSegmentLine = previousSegmentLine;
        NextSegmentLine = nextSegmentLine;
        Context = context ?? new SegmentContext(index, text);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            Lines.Add((start, i));
            start = i + 1;
        }
    }

    public int Index { get; }

    public string Text { get; }

    /// <summary>Swedish role words, labels and titles apply (LanguageCodes.AllowsSwedishVocabulary of the segment).</summary>
    public bool Swedish { get; }

    public string? PreviousSegmentLine { get; }

    public string? NextSegmentLine { get; }

    public SegmentContext Context { get; }

    public string Lower => Context.Lower;

    public List<WordToken> Tokens => Context.Tokens;

    public List<(int Start, int End)> Lines { get; } = [];

    public ReadOnlySpan<char> Word(int t) => Text.AsSpan(Tokens[t].Start, Tokens[t].Length);

    public ReadOnlySpan<char> LowerWord(int t) => Lower.AsSpan(Tokens[t].Start, Tokens[t].Length);

    /// <summary>The characters between word <paramref name="t"/> and the next word (empty after the last).</summary>
    public ReadOnlySpan<char> Gap(int t) => t >= 0 && t + 1 < Tokens.Count
        ? Text.AsSpan(Tokens[t].End, Tokens[t + 1].Start - Tokens[t].End)
        : [];

    public bool IsSpaceGap(int t) => Gap(t) is " " or "\u00a0";

    public int LineIndexOf(int position)
    {
        int lo = 0, hi = Lines.Count - 1, best = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Lines[mid].Start <= position) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best;
    }

    public int LineEndOf(int position) => Lines[LineIndexOf(Math.Min(position, Text.Length))].End;

    public string? NextNonEmptyLine(int lineIndex)
    {
        for (var l = lineIndex + 1; l < Lines.Count; l++)
        {
            var (s, e) = Lines[l];
            var line = Text.AsSpan(s, e - s).Trim();
            if (!line.IsEmpty) return line.ToString();
        }
        return NextSegmentLine;
    }

    public string? PreviousNonEmptyLine(int lineIndex)
    {
        for (var l = lineIndex - 1; l >= 0; l--)
        {
            var (s, e) = Lines[l];
            var line = Text.AsSpan(s, e - s).Trim();
            if (!line.IsEmpty) return line.ToString();
        }
        return PreviousSegmentLine;
    }

    /// <summary>A parenthesis right after <paramref name="position"/> on the same line ("(S)", "(13 år)"), at most 40 characters.</summary>
    public bool ReadParenthesis(int position, int lineEnd, out string inner, out int after)
    {
        inner = "";
        after = position;
        var p = position;
        while (p < lineEnd && Text[p] == ' ') p++;
        if (p >= lineEnd || Text[p] != '(') return false;
        var close = Text.IndexOf(')', p + 1, Math.Min(lineEnd - p - 1, 40));
        if (close < 0) return false;
        inner = Text.Substring(p + 1, close - p - 1);
        after = close + 1;
        return true;
    }

    /// <summary>End of the cell starting at <paramref name="start"/>: the next tab or run of two spaces.</summary>
    public int CellEnd(int start, int lineEnd)
    {
        for (var i = start; i < lineEnd; i++)
            if (Text[i] == '\t' || (Text[i] == ' ' && i + 1 < lineEnd && Text[i + 1] == ' ')) return i;
        return lineEnd;
    }

    /// <summary>Initials only ("A**** Y****"): a report never repeats a name.</summary>
    public string Initials(int first, int last)
    {
        var a = Word(first);
        var b = Word(last);
        return first == last ? Mask.Word(a, 1) : $"{Mask.Word(a, 1)} {Mask.Word(b, 1)}";
    }

    public static string NormaliseLabel(ReadOnlySpan<char> label)
    {
        label = label.Trim();
        if (label.IsEmpty) return "";
        // Never longer than the input; a short label (the usual case) is built on the stack.
        var buffer = label.Length <= 256 ? stackalloc char[label.Length] : new char[label.Length];
        var n = 0;
        var space = false;
        foreach (var c in label)
        {
            if (char.IsWhiteSpace(c)) { space = n > 0; continue; }
            if (space) { buffer[n++] = ' '; space = false; }
            buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
