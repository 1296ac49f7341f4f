using ClassScan.Detection.Lexicons;

namespace ClassScan.Detection.Individuals;

/// <summary>The vocabulary of <see cref="IndividualDetector"/>, loaded once from individ.txt and the name lists. Immutable; thread-safe.</summary>
internal sealed class IndividualLexicon
{
    private IndividualLexicon() { }

    /// <summary>Given names and surnames (the gazetteer).</summary>
    public NameGazetteer Names { get; private init; } = null!;

    public TermMatcher Roles { get; private init; } = null!;

    /// <summary>Role words that are also ordinary words ("modern" in "en modern arbetsplats"): a role only right before a name.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AmbiguousRoles { get; private init; }

    /// <summary>Words right before a name that make it the subject of a case ("Ringde", "Rehabmöte", "angående").</summary>
    public TermMatcher SubjectCues { get; private init; } = null!;

    /// <summary>Verbs after a name that make a statement about the person ("har", "är", "mår").</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PersonVerbs { get; private init; }

    /// <summary>Words after such a verb that make it an official act ("har yrkat", "är ordförande").</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OfficialActs { get; private init; }

    /// <summary>English and Finnish words for a client, patient or pupil.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ForeignCues { get; private init; }

    /// <summary>English honorifics ("Mr", "Ms"): the capitalised word after one is a surname.</summary>
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Honorifics { get; private init; }

    public TermMatcher Titles { get; private init; } = null!;

    /// <summary>Words before a name that make it the authority's contact person ("Kontakta", "anmäls till").</summary>
    public TermMatcher ContactWords { get; private init; } = null!;

    /// <summary>Plural nouns that, in a line ending with a colon, introduce a list of private persons.</summary>
    public TermMatcher PrivateListWords { get; private init; } = null!;

    public HashSet<string> PrivateLabels { get; private init; } = null!;
    /// <summary>Column headers that say "a person's name" but not whose role (section <c>kolumn-namn</c>).</summary>
    public HashSet<string> NameColumns { get; private init; } = null!;

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

        return new IndividualLexicon
        {
            Names = NameGazetteer.Load(),
            Roles = Matcher("roll"),
            AmbiguousRoles = Set("roll-tvetydig").GetAlternateLookup<ReadOnlySpan<char>>(),
            SubjectCues = Matcher("fore-namn"),
            PersonVerbs = Set("verb-person").GetAlternateLookup<ReadOnlySpan<char>>(),
            OfficialActs = Set("verb-tjanst").GetAlternateLookup<ReadOnlySpan<char>>(),
            ForeignCues = Set("utlandsk-kontext").GetAlternateLookup<ReadOnlySpan<char>>(),
            Honorifics = Set("hederstitel").GetAlternateLookup<ReadOnlySpan<char>>(),
            Titles = Matcher("titel"),
            ContactWords = Matcher("kontakt"),
            PrivateListWords = Matcher("lista-privat"),
            PrivateLabels = Set("etikett-privat"),
            NameColumns = Set("kolumn-namn"),
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
