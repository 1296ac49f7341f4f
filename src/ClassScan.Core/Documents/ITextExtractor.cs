namespace ClassScan.Core.Documents;

/// <summary>
/// Turns the bytes of one document into located text. CPU-bound and synchronous on purpose; implementations
/// check <paramref name="ct"/> between parts (pages, sheets, slides). Implementations are stateless singletons,
/// safe to call from many threads. Every outcome a file can have (text, partial text, encrypted, unsupported,
/// corrupt, a limit) is the returned <see cref="ExtractionResult"/>; only a bug or cancellation throws.
/// The caller owns and disposes <paramref name="content"/>, whose stream is readable and seekable.
/// </summary>
public interface ITextExtractor
{
    /// <summary>Stable short name shown in reports, e.g. "openxml-word", "pdfpig".</summary>
    string Name { get; }

    ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct);
}
