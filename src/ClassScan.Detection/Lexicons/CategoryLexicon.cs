namespace ClassScan.Detection.Lexicons;

/// <summary>
/// The loaded vocabulary of a category detector: its terms plus the general stop list (one matcher, so overlaps
/// are resolved together), its cue lists, and the personal/population context cues. Immutable; thread-safe.
/// </summary>
internal sealed class CategoryLexicon
{
    /// <summary>Category of the stop-list terms (allmant.txt); matches of it are never reported.</summary>
    public const string StopCategory = "stopp";

    private CategoryLexicon(TermMatcher terms, Dictionary<string, TermMatcher> cueLists, TermMatcher personal, TermMatcher population)
    {
        Terms = terms;
        CueLists = cueLists;
        Personal = personal;
        Population = population;
    }

    public TermMatcher Terms { get; }

    public IReadOnlyDictionary<string, TermMatcher> CueLists { get; }

    public TermMatcher Personal { get; }

    public TermMatcher Population { get; }

    /// <summary>Loads the given Swedish lexicon files, in priority order (earlier files win ties), plus allmant.txt and kontext.txt.</summary>
    public static CategoryLexicon Load(params string[] files) => Load(Inflections.Swedish, "allmant.txt", "kontext.txt", files);

    /// <summary>
    /// Loads the lexicon files of one language, in priority order (earlier files win ties), with that language's
    /// stop list and context cues (same format and section names as allmant.txt and kontext.txt).
    /// </summary>
    public static CategoryLexicon Load(Inflections inflections, string stopFile, string contextFile, params string[] files)
    {
        var terms = new List<LexiconTerm>();
        var cueTerms = new Dictionary<string, List<LexiconTerm>>(StringComparer.Ordinal);

        // The stop list outranks everything on a tie; then each file in the order given.
        var priority = files.Length + 1;
        AddFile(stopFile, priority, terms, cueTerms);
        foreach (var file in files) AddFile(file, --priority, terms, cueTerms);

        var context = LexiconFile.ParseSections(LexiconFile.ReadResource(contextFile));
        var personal = new List<LexiconTerm>();
        var population = new List<LexiconTerm>();
        foreach (var section in context)
        {
            var target = section.Name == "personlig" ? personal : section.Name == "population" ? population : null;
            if (target is null) continue;
            foreach (var line in section.Lines)
                if (LexiconFile.ParseTerm(line, section, 0) is { } term) target.Add(term);
        }

        foreach (var term in terms)
            if (term.Requires is { } list && !cueTerms.ContainsKey(list))
                throw new InvalidOperationException($"Lexicon section '{term.Category}' requires cue list '{list}', which no file defines.");

        return new CategoryLexicon(
            new TermMatcher(terms, inflections),
            cueTerms.ToDictionary(p => p.Key, p => new TermMatcher(p.Value, inflections), StringComparer.Ordinal),
            new TermMatcher(personal, inflections),
            new TermMatcher(population, inflections));
    }

    private static void AddFile(string file, int priority, List<LexiconTerm> terms, Dictionary<string, List<LexiconTerm>> cueTerms)
    {
        foreach (var section in LexiconFile.ParseSections(LexiconFile.ReadResource(file)))
        {
            List<LexiconTerm> target;
            if (section.IsCueList)
            {
                if (!cueTerms.TryGetValue(section.Name, out target!)) cueTerms[section.Name] = target = [];
            }
            else target = terms;
            foreach (var line in section.Lines)
                if (LexiconFile.ParseTerm(line, section, priority) is { } term) target.Add(term);
        }
    }
}
