namespace ClassScan.Classification.Evaluation;

/// <summary>The scores of one labelled set, by its name.</summary>
public sealed record SetEvaluation(string Set, EvaluationResult Result);
