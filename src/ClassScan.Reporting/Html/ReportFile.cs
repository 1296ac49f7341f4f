namespace ClassScan.Reporting.Html;

/// <summary>A file named in the report (a blind spot or a changed flag): metadata only, never content.</summary>
/// <param name="Path">The path shown to people.</param>
/// <param name="Department">The förvaltning it maps to.</param>
/// <param name="What">Level or status in words.</param>
/// <param name="Why">Reason or cause in plain Swedish.</param>
internal sealed record ReportFile(string Path, string Department, string What, string Why);
