using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// What <see cref="DocumentAnalyzer.AnalyzeWithEvidence"/> returns: the file's verdict as a scan reports it and,
/// when it was judged, the text the detectors read (languages identified) and their findings. Holds document text: for
/// training and evaluation in memory, never for a report.
/// </summary>
public sealed record AnalysisWithEvidence(ScanResult Analysis, ExtractedText? Text, IReadOnlyList<Finding> Findings);
