using ClassScan.Classification.Data;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Evaluation;

/// <summary>One judged document: its label and the level given to it.</summary>
public sealed record EvaluatedDocument(string File, LevelLabel Expected, KlassaLevel Predicted, string? DocType = null)
{
    public bool IsCorrect => Expected.Accepts(Predicted);
}
