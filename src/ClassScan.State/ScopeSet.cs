namespace ClassScan.State;

/// <summary>
/// Which scopes a "previous run" query covers: the scopes one run covered (changes.csv of a nightly scan), or
/// <see cref="All"/> of them (the tenant-wide <c>classscan report</c>). Immutable.
/// </summary>
public sealed class ScopeSet
{
    private ScopeSet(bool all, IReadOnlyList<string> scopes)
    {
        IsAll = all;
        Scopes = scopes;
    }

    /// <summary>Every scope in the state, including scopes no run of this process covered.</summary>
    public static ScopeSet All { get; } = new(true, []);

    /// <summary>Exactly these scopes (duplicates removed, order kept); none means nothing matches.</summary>
    public static ScopeSet Of(IEnumerable<string> scopes) => new(false, scopes.Distinct(StringComparer.Ordinal).ToList());

    public bool IsAll { get; }

    /// <summary>The scopes named; empty for <see cref="All"/>.</summary>
    public IReadOnlyList<string> Scopes { get; }
}
