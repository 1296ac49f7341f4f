using ClassScan.Detection.Text;

namespace ClassScan.Detection.Lexicons;

/// <summary>
/// Finds lexicon terms in tokenised text. First words are looked up in a hash map (whole words) or walked in a
/// character trie (stems with endings and compounds), so the cost per word is a few hash probes and a short
/// walk, independent of the number of terms. Immutable after construction and safe to share between threads.
/// </summary>
internal sealed class TermMatcher
{
    /// <summary>Letters a compound must keep before a stem matched as its last part.</summary>
    private const int MinCompoundPrefix = 2;

    /// <summary>Letters a compound must keep after a stem matched as its first part.</summary>
    private const int MinCompoundRest = 3;

    private readonly LexiconTerm[] terms;
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> exact;
    private readonly Dictionary<string, List<int>>.AlternateLookup<ReadOnlySpan<char>> exactCaseSensitive;
    private readonly Dictionary<long, int> edges = [];
    private readonly List<List<int>?> nodeTerms = [null];
    private readonly bool hasCompoundHeads;
    private readonly Inflections inflections;

    /// <param name="source">The terms.</param>
    /// <param name="inflections">The endings a stem may take: the lexicon's language (Swedish when null).</param>
    public TermMatcher(IEnumerable<LexiconTerm> source, Inflections? inflections = null)
    {
        this.inflections = inflections ?? Inflections.Swedish;
        terms = [.. source];
        var exactMap = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var exactCsMap = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            var first = terms[i].Tokens[0];
            if (first.CaseSensitive) Add(exactCsMap, first.Text, i);
            else if (first.Mode == TokenMode.Exact) Add(exactMap, first.Text, i);
            else
            {
                AddToTrie(first.Text, i);
                if (first.Mode is TokenMode.Compound or TokenMode.Head) hasCompoundHeads = true;
            }
        }
        exact = exactMap.GetAlternateLookup<ReadOnlySpan<char>>();
        exactCaseSensitive = exactCsMap.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public LexiconTerm this[int index] => terms[index];

    public int Count => terms.Length;

    /// <summary>Adds every match (overlaps included) whose first word lies in tokens[from..to).</summary>
    /// <param name="text">The original text (case-sensitive terms compare against it).</param>
    /// <param name="lower">The same text lower-cased (same length).</param>
    public void FindAll(string text, string lower, List<WordToken> tokens, int from, int to, List<TermMatch> matches)
    {
        for (var k = from; k < to; k++)
        {
            var token = tokens[k];
            if (token.Length > WordTokenizer.MaxWordLength) continue;
            var word = lower.AsSpan(token.Start, token.Length);

            if (exact.TryGetValue(word, out var ids)) AddCandidates(ids, text, lower, tokens, k, to, matches);
            if (word.Length > 2 && word[^1] == 's' && exact.TryGetValue(word[..^1], out ids))
                AddCandidates(ids, text, lower, tokens, k, to, matches);
            if (exactCaseSensitive.TryGetValue(text.AsSpan(token.Start, token.Length), out ids))
                AddCandidates(ids, text, lower, tokens, k, to, matches);

            WalkTrie(word, 0, text, lower, tokens, k, to, matches);
            if (hasCompoundHeads)
                for (var i = MinCompoundPrefix; i <= word.Length - 4; i++)
                    WalkTrie(word, i, text, lower, tokens, k, to, matches);
        }
    }

    /// <summary>True when any term has its first word in tokens[from..to).</summary>
    public bool Any(string text, string lower, List<WordToken> tokens, int from, int to)
    {
        if (from >= to) return false;
        var found = new List<TermMatch>();
        FindAll(text, lower, tokens, from, to, found);
        return found.Count > 0;
    }

    /// <summary>
    /// Keeps a set of non-overlapping matches: longest first, then higher term priority, then earlier start.
    /// </summary>
    public void SelectLongest(List<TermMatch> matches)
    {
        if (matches.Count <= 1) return;
        matches.Sort((a, b) =>
        {
            var c = b.TokenCount.CompareTo(a.TokenCount);
            if (c != 0) return c;
            c = b.Length.CompareTo(a.Length);
            if (c != 0) return c;
            c = terms[b.TermIndex].Priority.CompareTo(terms[a.TermIndex].Priority);
            return c != 0 ? c : a.Start.CompareTo(b.Start);
        });
        var kept = new List<TermMatch>(matches.Count);
        var covered = new HashSet<int>();
        foreach (var m in matches)
        {
            var free = true;
            for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount && free; t++) free = !covered.Contains(t);
            if (!free) continue;
            for (var t = m.FirstToken; t < m.FirstToken + m.TokenCount; t++) covered.Add(t);
            kept.Add(m);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        matches.Clear();
        matches.AddRange(kept);
    }

    private void WalkTrie(ReadOnlySpan<char> word, int offset, string text, string lower, List<WordToken> tokens, int k, int to, List<TermMatch> matches)
    {
        var node = 0;
        for (var j = offset; j < word.Length; j++)
        {
            if (!edges.TryGetValue(Key(node, word[j]), out node)) return;
            var ids = nodeTerms[node];
            if (ids is null) continue;
            var rest = word[(j + 1)..];
            foreach (var id in ids)
            {
                var mode = terms[id].Tokens[0].Mode;
                bool ok;
                if (offset == 0)
                    ok = inflections.IsEnding(rest) || (mode is TokenMode.Compound or TokenMode.Modifier && rest.Length >= MinCompoundRest);
                else
                    ok = mode is TokenMode.Compound or TokenMode.Head && inflections.IsEnding(rest);
                if (ok) AddCandidate(id, text, lower, tokens, k, to, matches);
            }
        }
    }

    private void AddCandidates(List<int> ids, string text, string lower, List<WordToken> tokens, int k, int to, List<TermMatch> matches)
    {
        foreach (var id in ids) AddCandidate(id, text, lower, tokens, k, to, matches);
    }

    private void AddCandidate(int id, string text, string lower, List<WordToken> tokens, int k, int to, List<TermMatch> matches)
    {
        var term = terms[id];
        var n = term.Tokens.Length;
        if (k + n > to) return;
        for (var m = 1; m < n; m++)
        {
            if (!IsJoin(text, tokens[k + m - 1], tokens[k + m])) return;
            var token = tokens[k + m];
            if (!TokenMatches(term.Tokens[m], text.AsSpan(token.Start, token.Length), lower.AsSpan(token.Start, token.Length))) return;
        }
        matches.Add(new TermMatch(id, tokens[k].Start, tokens[k + n - 1].End, k, n));
    }

    private bool TokenMatches(TermToken t, ReadOnlySpan<char> original, ReadOnlySpan<char> lower)
    {
        if (t.CaseSensitive) return original.SequenceEqual(t.Text);
        if (t.Mode == TokenMode.Exact)
            return lower.SequenceEqual(t.Text) || (lower.Length == t.Text.Length + 1 && lower[^1] == 's' && lower.StartsWith(t.Text));
        return lower.StartsWith(t.Text) && inflections.IsEnding(lower[t.Text.Length..]);
    }

    // Words of a multi-word term are separated by spaces, hyphens or slashes (at most four characters),
    // or by the dot of a short abbreviation ("t.ex", "enl. LSS").
    private static bool IsJoin(string text, WordToken previous, WordToken next)
    {
        var gap = text.AsSpan(previous.End, next.Start - previous.End);
        if (gap.Length is 0 or > 4) return false;
        var newlines = 0;
        foreach (var c in gap)
        {
            if (c == '\n') { if (++newlines > 1) return false; continue; }
            if (c == '.' && previous.Length <= 3) continue;
            if (!(c is ' ' or '\t' or '\r' or '\u00a0' or '-' or '–' or '/')) return false;
        }
        return true;
    }

    private void AddToTrie(string stem, int id)
    {
        var node = 0;
        foreach (var c in stem)
        {
            var key = Key(node, c);
            if (!edges.TryGetValue(key, out var next))
            {
                next = nodeTerms.Count;
                nodeTerms.Add(null);
                edges[key] = next;
            }
            node = next;
        }
        (nodeTerms[node] ??= []).Add(id);
    }

    private static long Key(int node, char c) => ((long)node << 16) | c;

    private static void Add(Dictionary<string, List<int>> map, string key, int id)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(id);
    }
}
