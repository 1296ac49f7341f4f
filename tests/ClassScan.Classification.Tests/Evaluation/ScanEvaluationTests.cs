using ClassScan.Classification.Data;
using ClassScan.Classification.Evaluation;
using ClassScan.Classification.Tests.Support;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Tests.Evaluation;

/// <summary>Evaluation reads every labelled file through the scan's analyzer and scores its verdicts per set.</summary>
public sealed class ScanEvaluationTests : IDisposable
{
    private readonly LabelledFolder a = new();
    private readonly LabelledFolder b = new();

    public void Dispose()
    {
        a.Dispose();
        b.Dispose();
    }

    [Fact]
    public void EvaluateScan_TwoSets_ScoresEachSetApartWithTheAnalyzersVerdicts()
    {
        a.Add("x/open.txt", "Kallelse NIVÅ0", "0").Add("pnr.txt", "Lön NIVÅ2", "2").Add("flag.txt", "Protokoll NIVÅ3 MODELL", "0|1");
        b.Add("one.txt", "Anteckning", "1").Add("two.txt", "Anteckning", "2").Add("trainonly.txt", "NIVÅ3", "3", split: "train");
        var policy = new MarkerPolicy();

        var results = KlassaModelEvaluator.EvaluateScan(new CorpusOptions { Sets = [a.Set("a"), b.Set("b")], Analyzer = ScanAnalyzers.Personnummer(policy), Split = "test" });

        Assert.Equal(["a", "b"], results.Select(r => r.Set));
        var (ra, rb) = (results[0].Result, results[1].Result);
        Assert.Equal(5, policy.Calls);
        Assert.Equal((3, 2), (ra.Total, ra.Correct));
        Assert.Equal((1, 2, 1), (ra.PublicFalseFlags, ra.PublicDocuments, ra.ModelOnlySuspicions));
        Assert.Equal(["fake-0", "fake-2", "ML-3"], ra.Documents.Select(d => d.RuleId));
        Assert.All(ra.Documents, d => Assert.Equal("a", d.Set));
        Assert.Equal((2, 1), (rb.Total, rb.Correct));
        Assert.Equal(new MustLeaveMetrics(0, 0, 1), rb.MustLeave);
        Assert.Equal("two.txt", Assert.Single(rb.Misses).File);
    }

    [Fact]
    public void EvaluateScan_FilesTheScanWouldNotJudge_AreSkippedWithTheScanStatus()
    {
        a.Add("ok.txt", "Anteckning NIVÅ1", "1").Add("empty.txt", "", "1").Add("bild.xyz", "x", "0").Add("saknas.txt", null, "2")
            .Add("long.txt", "Anteckning " + new string('a', 400), "1").Add("longflag.txt", "NIVÅ2 " + new string('a', 400), "2");

        var r = Assert.Single(KlassaModelEvaluator.EvaluateScan(new CorpusOptions
        {
            Sets = [a.Set("a")],
            Analyzer = ScanAnalyzers.Personnummer(new MarkerPolicy()),
            // A tiny text limit: the long files are read in part, as a scan reads a huge file.
            Limits = ExtractionLimits.Default with { MaxExtractedChars = 100 },
        })).Result;

        // Judged: the ordinary file, and the long one whose part read is already level 2 (the scan reports it too).
        Assert.Equal(["ok.txt", "longflag.txt"], r.Documents.Select(d => d.File));
        var skipped = r.Skipped.ToDictionary(s => s.File, s => s.Status);
        Assert.Equal(new Dictionary<string, string> { ["empty.txt"] = "no-text", ["bild.xyz"] = "unsupported", ["saknas.txt"] = "missing", ["long.txt"] = "error" }, skipped);
        Assert.Contains("MaxExtractedChars", r.Skipped.Single(s => s.File == "long.txt").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LevelFunction_SeesTheTextAndFindingsTheScanDetected()
    {
        a.Add("pnr.txt", "Anna Berg 19800102-2386", "2").Add("none.txt", "Kallelse till mötet", "1");
        var seen = new List<(string Text, int Findings)>();

        var r = KlassaModelEvaluator.Evaluate((text, findings) =>
        {
            lock (seen) seen.Add((text.Segments[0].Text, findings.Count(f => FindingKinds.IsPersonalIdentityNumber(f.Kind))));
            return findings.Count > 0 ? KlassaLevel.Konfidentiell : KlassaLevel.Intern;
        }, new CorpusOptions { Sets = [a.Set("a")], Analyzer = ScanAnalyzers.Personnummer(), MaxDegreeOfParallelism = 1 });

        Assert.Equal(2, r.Correct);
        Assert.Contains(("Kallelse till mötet", 0), seen);
        Assert.Single(seen, s => s.Findings == 1);
    }
}
