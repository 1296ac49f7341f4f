using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Pipeline;

/// <summary>
/// What <see cref="DocumentAnalyzer.AnalyzeWithEvidence"/> returns: the scan's analysis of one file and, when it
/// was judged, the text the detectors read (languages identified) and their findings. Holds document text: for
/// training and evaluation in memory, never for a report.
/// </summary>
public sealed record AnalysisWithEvidence(DocumentAnalysis Analysis, ExtractedText? Text, IReadOnlyList<Finding> Findings);
