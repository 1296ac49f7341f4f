using ClassScan.Classification.Data;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Evaluation;

/// <summary>One judged document: its label and the level given to it.</summary>
/// <param name="RuleId">The verdict's rule id (e.g. "R3", "R5+ML-1", "ML-2"); null when only a level is known.</param>
/// <param name="Set">The labelled set the document belongs to.</param>
/// <param name="Family">Its cross-validation family (<see cref="LabelsCsv.Family"/>).</param>
public sealed record EvaluatedDocument(
    string File, LevelLabel Expected, KlassaLevel Predicted, string? DocType = null, string? RuleId = null, string? Set = null, string? Family = null)
{
    public bool IsCorrect => Expected.Accepts(Predicted);

    /// <summary>The label allows level 0: a public document (labels "0" and "0|1").</summary>
    public bool IsPublic => Expected.Accepts(KlassaLevel.Oppen);

    /// <summary>A public document judged 2-3: it would be sent out of M365 for nothing.</summary>
    public bool IsPublicFalseFlag => IsPublic && Predicted >= KlassaLevel.Konfidentiell;

    /// <summary>
    /// The model alone raised a suspicion that no rule backs: a rule id that starts with "ML-", or one that says
    /// "granska" (the policy's word for "look at this, the classifier suspects it").
    /// </summary>
    public bool IsModelOnly => RuleId is { } id
        && (id.StartsWith("ML-", StringComparison.OrdinalIgnoreCase) || id.Contains("granska", StringComparison.OrdinalIgnoreCase));

    /// <summary>A rule's verdict the model adjusted or decided within ("R5+ML-1": 0 or 1, "R2+ML-3": a raise).</summary>
    public bool IsModelCombined => RuleId is { } id && id.Contains("+ML-", StringComparison.OrdinalIgnoreCase);
}
