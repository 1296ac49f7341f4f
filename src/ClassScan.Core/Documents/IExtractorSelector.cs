namespace ClassScan.Core.Documents;

/// <summary>
/// Chooses the extractor for a document from its name and first bytes (magic numbers beat extensions).
/// Returns null when no extractor handles the format; the file is then reported as unsupported.
/// Thread-safe.
/// </summary>
public interface IExtractorSelector
{
    /// <summary>
    /// How many first bytes <see cref="Select"/> looks at (fewer still works): the one home of the head size, which
    /// the fetch stage reads once per file and an e-mail's attachments are sniffed with.
    /// </summary>
    const int HeadBytes = 8192;

    ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head);
}
