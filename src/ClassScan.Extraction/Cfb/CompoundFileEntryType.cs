namespace ClassScan.Extraction.Cfb;

/// <summary>Object type byte of a directory entry (MS-CFB 2.6.1).</summary>
internal enum CompoundFileEntryType : byte
{
    Unallocated = 0,
    Storage = 1,
    Stream = 2,
    Root = 5,
}
