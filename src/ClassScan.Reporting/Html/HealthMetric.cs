namespace ClassScan.Reporting.Html;

/// <summary>
/// An extra run-health figure a source can contribute (e.g. the Graph source's throttling count), shown in the
/// report's health table. <paramref name="Problem"/> marks it red.
/// </summary>
public sealed record HealthMetric(string Label, string Value, bool Problem = false);
