using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Tests.Support;

/// <summary>
/// A policy whose verdict the test text dictates: "NIVÅ2" in the text gives level 2 with rule id "fake-2" (level 1
/// when no marker), and "MODELL" makes the rule id "ML-2", as a model-only suspicion. Counts its calls.
/// </summary>
internal sealed class MarkerPolicy : IClassificationPolicy
{
    private int calls;

    public int Calls => calls;

    public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        Interlocked.Increment(ref calls);
        var all = string.Join(' ', text.Segments.Select(s => s.Text));
        var level = KlassaLevel.Intern;
        for (var l = 0; l < 4; l++)
            if (all.Contains($"NIVÅ{l}", StringComparison.Ordinal)) level = (KlassaLevel)l;
        var id = (all.Contains("MODELL", StringComparison.Ordinal) ? "ML-" : "fake-") + (int)level;
        return new(level, "testregel", id);
    }
}
