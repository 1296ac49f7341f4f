using ClassScan.Detection.Lexicons;

namespace ClassScan.Detection.Text;

/// <summary>
/// One segment prepared for matching: the text, its lower-cased copy, its words and (lazily) its sentences,
/// with a cache of which cue lists each sentence holds. Built once per segment and shared by the detectors of one
/// judge thread (<see cref="SharedSegments"/>); not shared between threads.
/// </summary>
internal sealed class SegmentContext
{
    private List<(int Start, int End)>? sentences;
    // Keyed by the list itself: detectors sharing this context have lists of the same name with other words.
    private Dictionary<(int Sentence, TermMatcher List), bool>? cueCache;

    public SegmentContext(int index, string text)
    {
        Index = index;
        Text = text;
        Lower = LowerCase.Invariant(text);
        WordTokenizer.Tokenize(text, Tokens);
    }

    public int Index { get; }

    public string Text { get; }

    /// <summary>Lower-cased text; same length as <see cref="Text"/> (invariant lower-casing maps char to char).</summary>
    public string Lower { get; }

    public List<WordToken> Tokens { get; } = [];

    public List<(int Start, int End)> Sentences
    {
        get
        {
            if (sentences is null)
            {
                sentences = [];
                SentenceSplitter.Split(Text, sentences);
                if (sentences.Count == 0) sentences.Add((0, Text.Length));
            }
            return sentences;
        }
    }

    /// <summary>Index of the sentence holding <paramref name="position"/> (the nearest one before it in a gap).</summary>
    public int SentenceOf(int position)
    {
        var list = Sentences;
        int lo = 0, hi = list.Count - 1, best = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (list[mid].Start <= position) { best = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return best;
    }

    /// <summary>Index range of the words inside sentence <paramref name="sentence"/>.</summary>
    public (int From, int To) TokenRange(int sentence)
    {
        var (start, end) = Sentences[sentence];
        return (FirstTokenAtOrAfter(start), FirstTokenAtOrAfter(end));
    }

    public int FirstTokenAtOrAfter(int position)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Tokens[mid].Start < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public bool SentenceHas(int sentence, TermMatcher cues)
    {
        cueCache ??= [];
        if (cueCache.TryGetValue((sentence, cues), out var known)) return known;
        var (from, to) = TokenRange(sentence);
        var found = cues.Any(Text, Lower, Tokens, from, to);
        cueCache[(sentence, cues)] = found;
        return found;
    }

    /// <summary>Population words, or a per cent sign, in the sentence.</summary>
    public bool SentenceHasPopulationCue(int sentence, TermMatcher population)
    {
        var (start, end) = Sentences[sentence];
        return Text.AsSpan(start, end - start).Contains('%') || SentenceHas(sentence, population);
    }
}
