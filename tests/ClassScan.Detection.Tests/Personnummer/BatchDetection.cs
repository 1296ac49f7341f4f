using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;

namespace ClassScan.Detection.Tests.Personnummer;

/// <summary>
/// Writes many numbers into one large text (in varied surroundings) and runs the detector once, so tens of
/// thousands of vectors check in well under a second. Returns readable problems, empty when all is well.
/// </summary>
internal static class BatchDetection
{
    private static readonly string[] Prefixes = ["", "pnr ", "(", "Personnummer: ", "Namn Namnsson,", "\t", "nr:"];
    private static readonly string[] Suffixes = [" ", ")", ",", ".\n", " abc", "\r\n", ";"];

    public static List<string> Check(
        IReadOnlyList<string> written, string expectedKind, TimeProvider clock, int maxProblems = 20)
    {
        var text = new StringBuilder(written.Count * 40);
        var starts = new int[written.Count];
        for (var i = 0; i < written.Count; i++)
        {
            text.Append(Prefixes[i % Prefixes.Length]);
            starts[i] = text.Length;
            text.Append(written[i]).Append(Suffixes[i % Suffixes.Length]).Append(" | ");
        }

        var findings = new List<Finding>(written.Count);
        new PersonnummerDetector(clock).Detect(
            new ExtractedText([new TextSegment(SegmentKind.Body, "batch", text.ToString())]), findings);

        var problems = new List<string>();
        var byStart = findings.ToDictionary(f => f.Start);
        for (var i = 0; i < written.Count && problems.Count < maxProblems; i++)
        {
            if (!byStart.Remove(starts[i], out var f))
                problems.Add($"not found: {written[i]}");
            else if (f.Length != written[i].Length || f.Kind != expectedKind || f.MaskedSample != NumberFormats.ExpectedSample(written[i]))
                problems.Add($"wrong finding for {written[i]}: {f.Kind} length {f.Length} sample {f.MaskedSample}");
        }

        if (problems.Count < maxProblems)
            problems.AddRange(byStart.Values.Take(maxProblems - problems.Count).Select(f => $"unexpected finding at {f.Start}: {f.MaskedSample}"));
        return problems;
    }
}
