using ClassScan.Detection.Lexicons;

namespace ClassScan.Detection.Individuals;

/// <summary>
/// Given names and surnames: the hand-curated <c>fornamn.txt</c> (names common in Swedish municipal case files,
/// including Arabic, Somali, Tigrinya and Persian names as Swedish records spell them) and the generated lists in
/// <c>names/</c> (Wiktionary name categories and popular names by country; see names/README.md for source and
/// licence). A trailing <c>!</c> marks a name that is also a common word ("Per", "Inga", "Liv", "Björn"): it is a name
/// only with a capitalised surname after it. Where the hand list has a name, its mark wins (the generated lists flag
/// every dictionary word, which would make "Axel" and "Karl" ambiguous).
/// Loaded once; immutable; lookups by lower-cased span are allocation-free and thread-safe.
/// </summary>
internal sealed class NameGazetteer
{
    private readonly Dictionary<string, bool> given;
    private readonly HashSet<string> surnames;

    private readonly HashSet<string> curated;

    private NameGazetteer(Dictionary<string, bool> given, HashSet<string> surnames, HashSet<string> curated)
    {
        this.given = given;
        this.surnames = surnames;
        this.curated = curated;
        Given = given.GetAlternateLookup<ReadOnlySpan<char>>();
        Surnames = surnames.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Lower-cased given names; the value is true when the name is also a common word.</summary>
    public Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> Given { get; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Surnames { get; }

    public int GivenCount => given.Count;

    public int SurnameCount => surnames.Count;

    /// <summary>True for a lower-cased given name; <paramref name="ambiguous"/> when it is also a common word.</summary>
    public bool IsGivenName(ReadOnlySpan<char> lower, out bool ambiguous) => Given.TryGetValue(lower, out ambiguous);

    public bool IsSurname(ReadOnlySpan<char> lower) => Surnames.Contains(lower);

    /// <summary>True for a given name of the hand-curated list (names common in Swedish case files).</summary>
    public bool IsCurated(string lower) => curated.Contains(lower);

    public static NameGazetteer Load() => Parse(
        LexiconFile.ReadResource("fornamn.txt"),
        LexiconFile.ReadResource("names.fornamn.txt"),
        LexiconFile.ReadResource("names.efternamn.txt"));

    /// <summary>Builds the gazetteer from the text of the three lists (one name per line, <c>#</c> comments).</summary>
    public static NameGazetteer Parse(string curatedGiven, string generatedGiven, string generatedSurnames)
    {
        var given = new Dictionary<string, bool>(StringComparer.Ordinal);
        var curated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, ambiguous) in Entries(curatedGiven))
        {
            given[name] = ambiguous;
            curated.Add(name);
        }
        foreach (var (name, ambiguous) in Entries(generatedGiven))
        {
            // Two-letter names from the generated lists ("An", "Ed", "Al") are mostly noise in Swedish text;
            // the curated list keeps the real ones (Bo, Lo).
            if (curated.Contains(name) || name.Length < 3) continue;
            given[name] = ambiguous;
        }
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in Entries(generatedSurnames)) surnames.Add(name);
        return new NameGazetteer(given, surnames, curated);
    }

    private static IEnumerable<(string Name, bool Ambiguous)> Entries(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var ambiguous = line.EndsWith('!');
            yield return (line.TrimEnd('!').ToLowerInvariant(), ambiguous);
        }
    }
}
