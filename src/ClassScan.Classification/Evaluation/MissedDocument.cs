namespace ClassScan.Classification.Evaluation;

/// <summary>A wrongly judged file: its name, label, the level given and the deciding rule id. No content.</summary>
public sealed record MissedDocument(string File, string Label, int Predicted, string? RuleId);
