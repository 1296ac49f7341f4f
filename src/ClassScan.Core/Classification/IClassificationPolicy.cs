using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Core.Classification;

/// <summary>
/// Turns findings into a KLASSA level with a reason. Pure and deterministic for rule engines; thread-safe.
/// Never throws for any findings list.
/// </summary>
public interface IClassificationPolicy
{
    ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text);
}
