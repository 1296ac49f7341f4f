namespace ClassScan.Core.Documents;

/// <summary>
/// Chooses the extractor for a document from its name and first bytes (magic numbers beat extensions).
/// Returns null when no extractor handles the format; the file is then reported as unsupported.
/// Thread-safe.
/// </summary>
public interface IExtractorSelector
{
    ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head);
}
