namespace ClassScan.Extraction.Cfb;

/// <summary>One allocated directory entry of a compound file.</summary>
internal sealed record CompoundFileEntry(string Name, CompoundFileEntryType Type, uint StartSector, ulong Size)
{
    /// <summary>Index in the directory (the stream ID that sibling and child links name).</summary>
    public int Id { get; init; }
}
