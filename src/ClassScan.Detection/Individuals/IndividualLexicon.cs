using ClassScan.Detection.Lexicons;

namespace ClassScan.Detection.Individuals;

/// <summary>The vocabulary of <see cref="IndividualDetector"/>, loaded once from individ.txt and fornamn.txt. Immutable; thread-safe.</summary>
internal sealed class IndividualLexicon
{
    private IndividualLexicon() { }

    /// <summary>First names, lower-cased; the value is true when the name is also a common word and needs a surname.</summary>
    public Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> FirstNames { get; private init; }

    public TermMatcher Roles { get; private init; } = null!;

    public TermMatcher Titles { get; private init; } = null!;

    /// <summary>Words before a name that make it the authority's contact person ("Kontakta", "anmäls till").</summary>
    public TermMatcher ContactWords { get; private init; } = null!;

    /// <summary>Plural nouns that, in a line ending with a colon, introduce a list of private persons.</summary>
    public TermMatcher PrivateListWords { get; private init; } = null!;

    public HashSet<string> PrivateLabels { get; private init; } = null!;

    public HashSet<string> OfficialLabels { get; private init; } = null!;

    public HashSet<string> Relations { get; private init; } = null!;

    public HashSet<string> Parties { get; private init; } = null!;

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Institutions { get; private init; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganisationWords { get; private init; }

    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotSurnames { get; private init; }

    /// <summary>Lower-cased case-number prefixes of social services and care.</summary>
    public HashSet<string> SocialCasePrefixes { get; private init; } = null!;

    public static IndividualLexicon Load()
    {
        var sections = LexiconFile.ParseSections(LexiconFile.ReadResource("individ.txt"));
        List<string> Lines(string name) => sections.FirstOrDefault(s => s.Name == name)?.Lines
            ?? throw new InvalidOperationException($"individ.txt has no section [{name}].");
        TermMatcher Matcher(string name)
        {
            var section = sections.First(s => s.Name == name);
            return new TermMatcher(section.Lines.Select(l => LexiconFile.ParseTerm(l, section, 0)).OfType<LexiconTerm>());
        }
        HashSet<string> Set(string name, bool caseSensitive = false) =>
            new(Lines(name).Select(l => caseSensitive ? l.TrimStart('=') : l.ToLowerInvariant()), StringComparer.Ordinal);

        var names = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var raw in LexiconFile.ReadResource("fornamn.txt").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var ambiguous = line.EndsWith('!');
            names[line.TrimEnd('!').ToLowerInvariant()] = ambiguous;
        }

        return new IndividualLexicon
        {
            FirstNames = names.GetAlternateLookup<ReadOnlySpan<char>>(),
            Roles = Matcher("roll"),
            Titles = Matcher("titel"),
            ContactWords = Matcher("kontakt"),
            PrivateListWords = Matcher("lista-privat"),
            PrivateLabels = Set("etikett-privat"),
            OfficialLabels = Set("etikett-tjanst"),
            Relations = Set("relation"),
            Parties = Set("parti", caseSensitive: true),
            Institutions = Set("institution").GetAlternateLookup<ReadOnlySpan<char>>(),
            OrganisationWords = Set("org-adress").GetAlternateLookup<ReadOnlySpan<char>>(),
            NotSurnames = Set("inte-efternamn").GetAlternateLookup<ReadOnlySpan<char>>(),
            SocialCasePrefixes = Set("arende-social"),
        };
    }
}
