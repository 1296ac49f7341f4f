using ClassScan.Classification.Data;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Training;

/// <summary>One labelled document in memory: its text, the detectors' findings on it, and its level(s).</summary>
internal sealed record TrainingExample(ExtractedText Text, IReadOnlyList<Finding> Findings, LevelLabel Label);
