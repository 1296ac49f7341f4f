using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;

namespace ClassScan.Extraction.Tests.Legacy;

/// <summary>
/// Damaged copies of the golden files (seeded random byte changes, so a failure reproduces): every copy must
/// end as a result, text or a documented failure, and never as an exception or a hang.
/// </summary>
public class LegacyMutationTests
{
    [Theory]
    [InlineData("legacy-word.doc", 1)]
    [InlineData("legacy-word.doc", 2)]
    [InlineData("legacy-slides.ppt", 1)]
    [InlineData("legacy-slides.ppt", 2)]
    public void Extract_RandomlyDamagedCopies_ResultNeverException(string name, int seed)
    {
        var original = LegacyFiles.Read(name);
        var random = new Random(seed);
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        for (int round = 0; round < 150; round++)
        {
            var copy = (byte[])original.Clone();
            // Past the CFB header and directory most of the time, so the readers (not the container) see the damage.
            int changes = 1 + random.Next(8);
            for (int i = 0; i < changes; i++) copy[512 + random.Next(copy.Length - 512)] = (byte)random.Next(256);

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var result = ExtractionHelper.Result(CfbExtractor.Instance, copy, ct: cts.Token);

            outcomes.Add(result.GetType().Name);
        }

        Assert.Contains(nameof(ExtractionResult.Text), outcomes);
    }
}
