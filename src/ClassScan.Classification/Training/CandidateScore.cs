namespace ClassScan.Classification.Training;

/// <summary>Cross-validated scores of one candidate setting on the training rows (model only, no rules).</summary>
public sealed record CandidateScore(
    string Hyperparameters,
    double ExactMatch,
    double MustLeavePrecision,
    double MustLeaveRecall,
    double Level3Recall,
    double Selection);
