using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification;

/// <summary>
/// A learned opinion on a document's KLASSA level, from its text and the detectors' findings.
/// The rule engine sets floors the model cannot lower; the model may raise a level (sensitive narrative
/// without keywords) and decides 0 (öppen) versus 1 (intern).
/// Implementations are thread-safe: one instance serves every pipeline worker. Never throws for any non-null text and
/// findings (null arguments throw <see cref="ArgumentNullException"/>).
/// </summary>
public interface ILevelModel
{
    LevelPrediction Predict(ExtractedText text, IReadOnlyList<Finding> findings);
}
