namespace ClassScan.Extraction.Cfb;

/// <summary>One allocated directory entry of a compound file.</summary>
internal sealed record CompoundFileEntry(string Name, CompoundFileEntryType Type, uint StartSector, ulong Size);
