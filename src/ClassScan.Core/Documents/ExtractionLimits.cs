namespace ClassScan.Core.Documents;

/// <summary>
/// Bounds an extractor must respect so that one hostile or huge file cannot exhaust the machine.
/// A file that reaches a limit is <see cref="ExtractionResult.LimitReached"/> naming the limit.
/// </summary>
public sealed record ExtractionLimits
{
    /// <summary>Largest file read at all (bytes).</summary>
    public long MaxFileBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>
    /// Most characters of text read per file (16 M: 32 MB as a string, a few thousand pages). Beyond it extraction stops
    /// with <see cref="ExtractionResult.PartialText"/>: the file is reported on the part read when that already means level 2
    /// or 3 (more text can only add findings), and otherwise listed as not judged. Keeps memory flat whatever the file.
    /// </summary>
    public long MaxExtractedChars { get; init; } = 16L * 1024 * 1024;

    /// <summary>Total uncompressed bytes read from an OOXML package, or from all the entries of an archive (zip bombs).</summary>
    public long MaxUncompressedBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>Largest ratio uncompressed/compressed of a single zip or archive entry (zip bombs).</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most pages read from a PDF.</summary>
    public int MaxPdfPages { get; init; } = 5000;

    /// <summary>
    /// Time one extraction may take before it stops at its next safe point, where a parser without cancellation can
    /// be left (between the pages of a PDF): the part read is the result, as at <see cref="MaxExtractedChars"/>. Half
    /// the scan's default per-file timeout, so that a slow file is judged on what was read before its worker is ended.
    /// </summary>
    public TimeSpan MaxExtractionTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Nesting depth for containers (e-mail attachments, archives inside archives).</summary>
    public int MaxNestingDepth { get; init; } = 3;

    /// <summary>
    /// Most entries listed in one archive, nested archives included: a file of more is hostile (a quine, a bomb of empty
    /// entries) or a backup no reviewer reads as one, and each entry costs a judgement.
    /// </summary>
    public int MaxArchiveEntries { get; init; } = 10_000;

    public static ExtractionLimits Default { get; } = new();
}
