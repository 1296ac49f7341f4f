using System.Diagnostics;
using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>
/// The real Outlook messages, damaged at random (fixed seeds): every copy ends in a documented result, quickly,
/// never in an exception. A cheap, deterministic stand-in for the fuzz targets "msg" and "lzfu".
/// </summary>
[Trait("Category", "Shared")]
public class RealCorpusMsgMutationTests
{
    private const int Rounds = 200;

    private static readonly ExtractionLimits Small = ExtractionLimits.Default with
    {
        MaxFileBytes = 16L * 1024 * 1024,
        MaxExtractedChars = 1024 * 1024,
        MaxUncompressedBytes = 64L * 1024 * 1024,
    };

    [SharedFact]
    public void Extract_RandomlyDamagedRealMessages_KnownResultWithoutException()
    {
        var files = Directory.GetFiles(Path.Combine(RealCorpus.Root, "other"), "*.msg").Order(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        var sw = Stopwatch.StartNew();
        foreach (var path in files)
        {
            var original = File.ReadAllBytes(path);
            var random = new Random(original.Length);
            for (int round = 0; round < Rounds; round++)
            {
                var damaged = Damage(original, random);
                // A damaged signature is no compound file: the selector declines it, which is the right outcome.
                if (ExtractionHelper.Select("x.msg", damaged) is not { } extractor) continue;
                try
                {
                    var result = ExtractionHelper.Result(extractor, damaged, Small);
                    if (result is ExtractionResult.TimedOut or ExtractionResult.Unreadable)
                        problems.Add($"{Path.GetFileName(path)} #{round}: {result.GetType().Name}");
                }
                catch (Exception ex)
                {
                    problems.Add($"{Path.GetFileName(path)} #{round}: {ex.GetType().Name} {ex.StackTrace?.Split('\n').FirstOrDefault()}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.InRange(sw.Elapsed, TimeSpan.Zero, TimeSpan.FromMinutes(2));
    }

    private static byte[] Damage(byte[] original, Random random)
    {
        var copy = original.ToArray();
        switch (random.Next(4))
        {
            case 0:
                // A few random bytes anywhere (the header and directory included).
                for (int i = random.Next(1, 8); i > 0; i--) copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            case 1:
                // One 32-bit field set to an extreme: sizes, sector ids, links.
                int at = random.Next(copy.Length - 4) & ~3;
                BitConverter.GetBytes(random.Next(3) switch { 0 => 0xFFFFFFF0u, 1 => 0u, _ => (uint)random.Next(64) }).CopyTo(copy, at);
                return copy;
            case 2:
                return copy[..random.Next(512, copy.Length)];
            default:
                // A whole 512-byte sector overwritten with noise.
                int sector = random.Next(copy.Length / 512) * 512;
                random.NextBytes(copy.AsSpan(sector, Math.Min(512, copy.Length - sector)));
                return copy;
        }
    }
}
