namespace ClassScan.Core.Documents;

/// <summary>
/// Turns the bytes of one document into located text. CPU-bound and synchronous on purpose; implementations
/// check <paramref name="ct"/> between parts (pages, sheets, slides). Implementations are stateless singletons,
/// safe to call from many threads. They throw <see cref="EncryptedDocumentException"/>,
/// <see cref="UnsupportedFormatException"/>, <see cref="ExtractionLimitException"/> or
/// <see cref="CorruptDocumentException"/> for known failures; any other exception is reported as an error too.
/// The caller owns and disposes <paramref name="content"/>, which is readable and seekable.
/// </summary>
public interface ITextExtractor
{
    /// <summary>Stable short name shown in reports, e.g. "openxml-word", "pdfpig".</summary>
    string Name { get; }

    ExtractedText Extract(Stream content, ExtractionLimits limits, CancellationToken ct);
}
