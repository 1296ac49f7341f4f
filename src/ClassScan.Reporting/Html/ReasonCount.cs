namespace ClassScan.Reporting.Html;

/// <summary>How many flagged files one reason decided (percentages from the classifier removed so equal reasons group).</summary>
public sealed record ReasonCount(string Reason, int Count);
