using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;

namespace ClassScan.Cli.Tests;

/// <summary>
/// Checks that reports, logs and console output hold no full personnummer: the detector itself reads them, and
/// the name redactor finds nothing left to mask (it also knows the looser forms of file names, "19121212_1212").
/// </summary>
internal static class OutputPrivacy
{
    private static readonly IdentityNumberRedactor Names = new(TimeProvider.System);

    public static void AssertNoFullPersonnummer(string what, string text)
    {
        var findings = new List<Finding>();
        new PersonnummerDetector().Detect(new ExtractedText([new TextSegment(SegmentKind.Body, what, text)]), findings);
        Assert.True(findings.Count == 0, $"{what} contains {findings.Count} full personnummer (e.g. {findings.FirstOrDefault()?.MaskedSample})");
        Assert.True(ReferenceEquals(text, Names.Redact(text)), $"{what} contains an identity number written as in a file name");
    }

    /// <summary>Every file in the output folder except the state, which stays on the scanner host and must keep
    /// full paths (<c>classscan show</c> reads them).</summary>
    public static void AssertFolderClean(string dir)
    {
        var checkedFiles = 0;
        foreach (var file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith("classscan-state.db", StringComparison.Ordinal)) continue;
            AssertNoFullPersonnummer(file, File.ReadAllText(file));
            checkedFiles++;
        }
        Assert.True(checkedFiles > 0, $"no output to check in {dir}");
    }
}
