using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Data;

/// <summary>A labelled document read and run through the detectors.</summary>
internal sealed record PreparedDocument(LabelledDocument Label, ExtractedText Text, IReadOnlyList<Finding> Findings);
