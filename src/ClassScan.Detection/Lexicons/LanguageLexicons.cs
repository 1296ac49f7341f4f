using ClassScan.Core.Language;

namespace ClassScan.Detection.Lexicons;

/// <summary>
/// A category detector's vocabulary in each language it has one for: Swedish (the full lexicons, also for text of
/// unknown language, see <see cref="LanguageCodes.AllowsSwedishVocabulary"/>), English and Finnish (short
/// hand-curated lists with their own stop list and context cues). Text in any other language gets no vocabulary:
/// a Swedish word there is a false friend, not evidence (classification-policy.md, Hard cases: "Any language").
/// Each language loads on first use, once per process. Thread-safe.
/// </summary>
internal sealed class LanguageLexicons
{
    private readonly Lazy<CategoryLexicon> swedish;
    private readonly Lazy<CategoryLexicon> english;
    private readonly Lazy<CategoryLexicon> finnish;

    /// <param name="swedish">The Swedish lexicon files, in priority order.</param>
    /// <param name="english">The English lexicon file.</param>
    /// <param name="finnish">The Finnish lexicon file.</param>
    public LanguageLexicons(string[] swedish, string english, string finnish)
    {
        this.swedish = new(() => CategoryLexicon.Load(swedish), LazyThreadSafetyMode.ExecutionAndPublication);
        this.english = new(() => CategoryLexicon.Load(Inflections.English, "allmant-en.txt", "kontext-en.txt", english), LazyThreadSafetyMode.ExecutionAndPublication);
        this.finnish = new(() => CategoryLexicon.Load(Inflections.Finnish, "allmant-fi.txt", "kontext-fi.txt", finnish), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Loads every language now, so that a missing resource fails at start-up, not mid-scan.</summary>
    /// <exception cref="InvalidOperationException">A lexicon resource is missing (a build error).</exception>
    public void LoadAll()
    {
        _ = swedish.Value;
        _ = english.Value;
        _ = finnish.Value;
    }

    /// <summary>The vocabulary for text of <paramref name="language"/> (ISO 639-1, null = unknown), or null for none.</summary>
    public CategoryLexicon? For(string? language) =>
        LanguageCodes.AllowsSwedishVocabulary(language) ? swedish.Value
        : language == LanguageCodes.English ? english.Value
        : language == LanguageCodes.Finnish ? finnish.Value
        : null;
}
