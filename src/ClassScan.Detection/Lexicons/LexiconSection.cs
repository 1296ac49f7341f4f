namespace ClassScan.Detection.Lexicons;

/// <summary>A section of a lexicon file: <c>[name options]</c> and its entry lines.</summary>
internal sealed class LexiconSection(string name, bool weak, bool inflectAll, string? requires)
{
    public string Name { get; } = name;

    /// <summary>True for a cue list (<c>[@name]</c>).</summary>
    public bool IsCueList => Name.StartsWith('@');

    public bool Weak { get; } = weak;

    /// <summary>The <c>bojning</c> option: words of five letters or more take inflections.</summary>
    public bool InflectAll { get; } = inflectAll;

    public string? Requires { get; } = requires;

    public List<string> Lines { get; } = [];
}
