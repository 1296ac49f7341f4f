using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Scanning;

namespace ClassScan.Classification.Data;

/// <summary>A labelled document the scan's analyzer judged: its verdict, and the text and findings it rests on.</summary>
internal sealed record PreparedDocument(string Set, LabelledDocument Label, ScanResult Analysis, ExtractedText Text, IReadOnlyList<Finding> Findings);
