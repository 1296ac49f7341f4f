using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;

namespace ClassScan.Cli.Tests;

/// <summary>Checks that reports and console output hold no full personnummer: the detector itself reads them.</summary>
internal static class OutputPrivacy
{
    public static void AssertNoFullPersonnummer(string what, string text)
    {
        var findings = new List<Finding>();
        new PersonnummerDetector().Detect(new ExtractedText([new TextSegment(SegmentKind.Body, what, text)]), findings);
        Assert.True(findings.Count == 0, $"{what} contains {findings.Count} full personnummer (e.g. {findings.FirstOrDefault()?.MaskedSample})");
    }

    public static void AssertFolderClean(string dir)
    {
        foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
            AssertNoFullPersonnummer(file, File.ReadAllText(file));
    }
}
