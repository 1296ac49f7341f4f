using ClassScan.Core.Documents;

namespace ClassScan.Core.Findings;

/// <summary>
/// Finds one kind of evidence in extracted text. Implementations are singletons, thread-safe,
/// never throw on any input, validate before they report, and add only masked samples.
/// </summary>
public interface IDetector
{
    /// <summary>Stable id shown in reports, e.g. "se.personnummer".</summary>
    string Id { get; }

    void Detect(ExtractedText text, ICollection<Finding> findings);
}
