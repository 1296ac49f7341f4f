using System.IO.Compression;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Legacy;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Excel;

/// <summary>
/// Damages the golden workbooks' records thousands of ways (seeded, so a failure repeats): bytes flipped, lengths
/// and counts overwritten with extremes, the stream cut short. Every mutant must end as a result (text, partial
/// text, corrupt, encrypted, unsupported), never as an exception, and quickly.
/// </summary>
public class ExcelBinaryMutationTests
{
    private static readonly ExtractionLimits Limits = ExtractionLimits.Default with { MaxExtractedChars = 1_000_000 };

    [Fact]
    public void Read_MutatedXlsWorkbookStream_OnlyResults()
    {
        var xls = XlsExtractorTests.Golden("golden.xls");
        using var ms = new MemoryStream(xls);
        var file = CompoundFile.Open(ms, CancellationToken.None);
        var stream = file.ReadPrefix(file.Find("Workbook")!, xls.Length);

        var failures = Mutants(stream, seed: 1, count: 3000)
            .Select(m => (m.Name, Error: Catch(() => ReadXls(m.Bytes))))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Name}: {r.Error}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [SharedTheory]
    [InlineData("other/poi__SampleSS.xls", "\u0005SummaryInformation")]
    [InlineData("other/poi__44958.xls", "\u0005DocumentSummaryInformation")]
    public void Read_MutatedPropertySetStream_OnlyResults(string file, string streamName)
    {
        var xls = File.ReadAllBytes(Corpus.RealCorpus.PathOf(file));
        using var ms = new MemoryStream(xls);
        var cfb = CompoundFile.Open(ms, CancellationToken.None);
        var stream = cfb.ReadPrefix(cfb.Find(streamName)!, xls.Length);

        var failures = Mutants(stream, seed: 7, count: 1000)
            .Select(m => (m.Name, Error: Catch(() => ExtractionStop.Run(() =>
            {
                using var mutated = new MemoryStream(ClassScan.TestSupport.Documents.CompoundFileWriter.Create((streamName, m.Bytes)));
                var c = new SegmentCollector(Limits, CancellationToken.None);
                OlePropertySets.Read(CompoundFile.Open(mutated, CancellationToken.None), Limits.MaxFileBytes, c, "dokumentegenskaper");
                return c.Result();
            }))))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Name}: {r.Error}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    // Real streams with the records golden.xls lacks: TXO notes, MULRK, empty CONTINUEs, BIFF5 strings, charts.
    [SharedTheory]
    [InlineData("other/poi__clusterfuzz-testcase-minimized-POIHSSFFuzzer-5285517825277952.xls")]
    [InlineData("other/edr__Test_git_issue_467_empty_continue_leftoverbytes.xls")]
    [InlineData("other/edr__as3xls_BIFF5.xls")]
    [InlineData("other/poi__44958.xls")]
    [InlineData("other/poi__WithChart.xls")]
    public void Read_MutatedRealXlsStream_OnlyResults(string file)
    {
        var xls = File.ReadAllBytes(Corpus.RealCorpus.PathOf(file));
        using var ms = new MemoryStream(xls);
        var cfb = CompoundFile.Open(ms, CancellationToken.None);
        var stream = cfb.ReadPrefix((cfb.Find("Workbook") ?? cfb.Find("Book"))!, xls.Length);

        var failures = Mutants(stream, seed: file.Length, count: 1000)
            .Select(m => (m.Name, Error: Catch(() => ReadXls(m.Bytes))))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Name}: {r.Error}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    [Theory]
    [InlineData("xl/worksheets/sheet1.bin")]
    [InlineData("xl/sharedStrings.bin")]
    [InlineData("xl/workbook.bin")]
    [InlineData("xl/styles.bin")]
    [InlineData("xl/comments1.bin")]
    public void Extract_MutatedXlsbPart_OnlyResults(string part)
    {
        var xlsb = XlsExtractorTests.Golden("golden.xlsb");
        var original = PartBytes(xlsb, part);

        var failures = Mutants(original, seed: part.Length, count: 400)
            .Select(m => (m.Name, Error: Catch(() => ExtractionHelper.Result(XlsbExtractor.Instance, ReplacePart(xlsb, part, m.Bytes), Limits))))
            .Where(r => r.Error is not null)
            .Select(r => $"{r.Name}: {r.Error}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private static ExtractionResult ReadXls(byte[] stream) =>
        ExtractionStop.Run(() =>
        {
            var c = new SegmentCollector(Limits, CancellationToken.None);
            XlsWorkbookReader.Read(stream, c);
            return c.Result();
        });

    private static string? Catch(Func<ExtractionResult> run)
    {
        try
        {
            var result = run();
            return result is null ? "null result" : null;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Mutants(byte[] original, int seed, int count)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var bytes = (byte[])original.Clone();
            int at = random.Next(bytes.Length);
            switch (i % 4)
            {
                case 0: // a few random bytes
                    for (int k = 0; k < 1 + random.Next(8); k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    break;
                case 1: // a 16- or 32-bit field set to an extreme (lengths, counts, offsets, indexes)
                    byte[] extreme = random.Next(4) switch { 0 => [0xFF, 0xFF, 0xFF, 0xFF], 1 => [0xFF, 0x7F], 2 => [0, 0, 0, 0], _ => [0xFE, 0xFF, 0xFF, 0x7F] };
                    extreme.AsSpan(0, Math.Min(extreme.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
                    break;
                case 2: // cut short
                    bytes = bytes[..at];
                    break;
                default: // a range zeroed
                    bytes.AsSpan(at, Math.Min(bytes.Length - at, 1 + random.Next(64))).Clear();
                    break;
            }
            yield return ($"mutant {i} at {at}", bytes);
        }
    }

    private static byte[] PartBytes(byte[] zipBytes, string part)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        using var s = zip.GetEntry(part)!.Open();
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private static byte[] ReplacePart(byte[] zipBytes, string part, byte[] content)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == part)
                {
                    to.Write(content);
                    continue;
                }
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
