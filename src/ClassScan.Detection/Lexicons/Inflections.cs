namespace ClassScan.Detection.Lexicons;

/// <summary>
/// Which endings a stem marked <c>*</c> or <c>+</c> may take, per language of a lexicon. Swedish has its list
/// (<see cref="SwedishSuffixes"/>); English needs only a few regular endings and no compounds; Finnish inflects
/// with long case endings and changes the stem, so its lexicon lists distinctive stems and any short ending counts.
/// Immutable; thread-safe.
/// </summary>
internal sealed class Inflections
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? endings;
    private readonly int maxFreeEnding;

    private Inflections(IEnumerable<string>? endings, int maxFreeEnding)
    {
        if (endings is not null) this.endings = new HashSet<string>(endings, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        this.maxFreeEnding = maxFreeEnding;
    }

    /// <summary>Swedish noun, adjective and verb endings (<see cref="SwedishSuffixes"/>).</summary>
    public static Inflections Swedish { get; } = new(null, -1);

    /// <summary>English plural, past, participle and a few derivations ("diagnos*" → diagnosed, diagnoses).</summary>
    public static Inflections English { get; } = new(
        ["", "s", "es", "d", "ed", "ing", "er", "ers", "ic", "ics", "ically", "al", "ally", "ia", "y", "ies", "ive"], -1);

    /// <summary>Finnish: any ending of up to eight letters after a stem chosen to be distinctive ("masennu" → masennuksesta).</summary>
    public static Inflections Finnish { get; } = new(null, 8);

    public bool IsEnding(ReadOnlySpan<char> rest)
    {
        if (maxFreeEnding >= 0) return rest.Length <= maxFreeEnding;
        return endings is { } set ? rest.Length <= 8 && set.Contains(rest) : SwedishSuffixes.IsEnding(rest);
    }
}
