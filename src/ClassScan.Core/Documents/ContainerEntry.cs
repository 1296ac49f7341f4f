namespace ClassScan.Core.Documents;

/// <summary>
/// One file inside a container (<see cref="ExtractionResult.Container"/>) and what reading it gave.
/// </summary>
/// <remarks>
/// <see cref="Path"/> is the entry's name inside the container, normalised ('/' separators, no leading '/', no "." or
/// ".." segments: names are never written to disk, only shown), with nested archives joined by "!/"
/// (<c>inner.zip!/Elevakter/beslut.docx</c>). It may quote a personnummer; reports mask it like any other name.
/// <see cref="Result"/> is a leaf: never another container. Immutable.
/// </remarks>
public sealed record ContainerEntry
{
    public ContainerEntry(string path, ExtractionResult result)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(result);
        if (result is ExtractionResult.Container) throw new ArgumentException("a container entry is a leaf: nested containers are flattened", nameof(result));
        Path = path;
        Result = result;
    }

    /// <summary>The entry's normalised path inside the container.</summary>
    public string Path { get; }

    /// <summary>What reading the entry gave: text, partial text or why not.</summary>
    public ExtractionResult Result { get; }
}
