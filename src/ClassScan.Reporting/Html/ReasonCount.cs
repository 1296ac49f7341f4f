namespace ClassScan.Reporting.Html;

/// <summary>How many flagged files one reason decided (percentages from the classifier removed so equal reasons group).</summary>
internal sealed record ReasonCount(string Reason, int Count);
