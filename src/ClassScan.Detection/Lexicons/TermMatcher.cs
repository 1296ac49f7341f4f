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

    // The trie's edges frozen for lookup (every word of a text walks the trie, most only one or two letters deep):
    // the root's children by character for the usual letters, the rest in an open-addressing table.
    private readonly int[] rootEdges = new int[RootChars];
    private readonly long[] edgeKeys;
    private readonly int[] edgeValues;
    private readonly int edgeShift;

    // Which (first, second) character pairs start a key of the exact maps, folded to 8 bits each: a word whose pair
    // is not set is in neither map, and most words are not, so their hash lookups are skipped.
    private readonly ulong[] exactPairs = new ulong[1024];
    private readonly ulong[] exactCaseSensitivePairs = new ulong[1024];

    // The same for the trie's stems: a walk from a letter pair no stem starts with ends at its second step, and a
    // compound is walked from every inner letter, so most walks are skipped before their hash probe. Only valid
    // while no stem is a single letter (such a stem matches without a second one).
    private readonly ulong[] stemPairs = new ulong[1024];
    private readonly bool hasSingleLetterStem;

    private const int RootChars = 0x250;
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
                if (first.Text.Length < 2) hasSingleLetterStem = true;
                else SetPair(stemPairs, first.Text);
                if (first.Mode is TokenMode.Compound or TokenMode.Head) hasCompoundHeads = true;
            }
        }
        exact = exactMap.GetAlternateLookup<ReadOnlySpan<char>>();
        exactCaseSensitive = exactCsMap.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in exactMap.Keys) SetPair(exactPairs, key);
        foreach (var key in exactCsMap.Keys) SetPair(exactCaseSensitivePairs, key);

        var size = 4;
        while (size < edges.Count * 2) size *= 2;
        edgeShift = 64 - System.Numerics.BitOperations.Log2((uint)size);
        edgeKeys = new long[size];
        edgeValues = new int[size];
        Array.Fill(edgeKeys, -1L);
        foreach (var (key, value) in edges)
        {
            if (key >> 16 == 0 && (key & 0xFFFF) < RootChars) { rootEdges[key & 0xFFFF] = value; continue; }
            var slot = Slot(key);
            while (edgeKeys[slot] != -1) slot = (slot + 1) & (size - 1);
            edgeKeys[slot] = key;
            edgeValues[slot] = value;
        }
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

            // The word without its final s has the same first two letters (it is at least two long).
            if (HasPair(exactPairs, word))
            {
                if (exact.TryGetValue(word, out var ids)) AddCandidates(ids, text, lower, tokens, k, to, matches);
                if (word.Length > 2 && word[^1] == 's' && exact.TryGetValue(word[..^1], out ids))
                    AddCandidates(ids, text, lower, tokens, k, to, matches);
            }
            var original = text.AsSpan(token.Start, token.Length);
            if (HasPair(exactCaseSensitivePairs, original) && exactCaseSensitive.TryGetValue(original, out var csIds))
                AddCandidates(csIds, text, lower, tokens, k, to, matches);

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
        if (!hasSingleLetterStem && (word.Length - offset < 2 || !HasPair(stemPairs, word[offset..]))) return;
        var node = 0;
        for (var j = offset; j < word.Length; j++)
        {
            node = Child(node, word[j]);
            if (node == 0) return;
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

    /// <summary>The child of <paramref name="node"/> by <paramref name="c"/>, or 0 (the root is no node's child).</summary>
    private int Child(int node, char c)
    {
        if (node == 0 && c < RootChars) return rootEdges[c];
        var key = Key(node, c);
        var mask = edgeKeys.Length - 1;
        for (var slot = Slot(key); ; slot = (slot + 1) & mask)
        {
            var known = edgeKeys[slot];
            if (known == key) return edgeValues[slot];
            if (known == -1) return 0;
        }
    }

    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> edgeShift);

    private static int Pair(ReadOnlySpan<char> key) => ((key[0] & 0xFF) << 8) | (key.Length > 1 ? key[1] & 0xFF : 0);

    private static void SetPair(ulong[] pairs, string key)
    {
        if (key.Length == 0) return;
        var p = Pair(key);
        pairs[p >> 6] |= 1UL << (p & 63);
    }

    private static bool HasPair(ulong[] pairs, ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        var p = Pair(word);
        return (pairs[p >> 6] & (1UL << (p & 63))) != 0;
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int id)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(id);
    }
}
