namespace ClassScan.Reporting.Html;

/// <summary>One bar (or one segment of a stacked bar) of an inline SVG chart.</summary>
/// <param name="Label">Text shown beside the bar (encoded when rendered).</param>
/// <param name="Value">Count.</param>
/// <param name="Color">CSS colour, from the report's fixed palette only.</param>
internal sealed record ChartBar(string Label, long Value, string Color);
