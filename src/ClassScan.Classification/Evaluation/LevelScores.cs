namespace ClassScan.Classification.Evaluation;

/// <summary><see cref="LevelMetrics"/> as plain data; null where undefined.</summary>
public sealed record LevelScores(int Level, int Support, int Predicted, int TruePositives, double? Precision, double? Recall);
