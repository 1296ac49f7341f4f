using System.Text.Json;

namespace ClassScan.Reporting;

/// <summary>One column of a report row type: its header in the CSV, and how it is written as a JSON property.</summary>
internal sealed record ReportColumn<TRow>(string Name, Action<Utf8JsonWriter, TRow> WriteJson);
