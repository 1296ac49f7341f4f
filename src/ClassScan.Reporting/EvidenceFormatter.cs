using System.Text;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting;

/// <summary>
/// Renders evidence for one CSV cell, readable in Excel:
/// "personnummer 3 st (sida 1, sida 2) t.ex. 19121212-**** | hälsa 2 st (brödtext) [diagnos]".
/// Only counts, locations, masked samples and details: never content.
/// </summary>
internal static class EvidenceFormatter
{
    public static string Format(IReadOnlyList<EvidenceItem> evidence)
    {
        if (evidence.Count == 0) return "";
        var sb = new StringBuilder();
        foreach (var e in evidence)
        {
            if (sb.Length > 0) sb.Append(" | ");
            sb.Append(e.Kind).Append(' ').Append(e.Count).Append(" st");
            if (e.Locations.Count > 0) sb.Append(" (").AppendJoin(", ", e.Locations).Append(')');
            if (e.Details.Count > 0) sb.Append(" [").AppendJoin(", ", e.Details.Take(5)).Append(']');
            if (!string.IsNullOrEmpty(e.MaskedSample)) sb.Append(" t.ex. ").Append(e.MaskedSample);
        }
        return sb.ToString();
    }
}
