using System.Collections.Concurrent;
using System.Diagnostics;
using ClassScan.Core.Documents;
using ClassScan.Extraction;
using ClassScan.Extraction.Isolation;
using ClassScan.TestSupport;
using Xunit.Abstractions;

namespace ClassScan.Cli.Tests.Mutation;

/// <summary>
/// Fault injection over real files: ~30 small documents of every format, each damaged ~100 ways by
/// <see cref="Mutator"/> (a few thousand cases), run through the real extractors with a per-case timeout.
/// Every case must end in a documented outcome: an <see cref="ExtractionResult"/> other than a worker's report of
/// a crash or an undocumented exception; never an exception, a hang or a crash. OOXML and HTML run in this process (abandoned on timeout); PDF and e-mail
/// (whose attachments may be PDFs) run in extraction worker processes, because a PdfPig stack overflow would
/// take the test host down with it, which is exactly what the scanner's isolation exists for.
/// </summary>
[Trait("Category", SharedData.Category)]
public sealed class MutationTests(ITestOutputHelper output)
{
    // Well under the scan's 60 s per-file timeout, but roomy: the test shares two cores with the rest of the suite,
    // and a worker killed on a timeout is replaced by one that compiles PdfPig afresh.
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    // Small real files that read cleanly, chosen across sources (Tika, POI, Open-XML-SDK, PdfPig, pdf.js, docling).
    private static readonly string[] RealSeeds =
    [
        "docx/tika__testAltChunkMHT.docx", "docx/oxsdk__Hyperlink.docx", "docx/docling__docx_external_image.docx",
        "xlsx/tika__testDdeLink.xlsx", "xlsx/edr__TestUnicodeChars.xlsx",
        "pptx/poi__49386-null_dates.pptx", "pptx/tika__testWordArt.pptx",
        "pdf/pdfpig__custom-properties.pdf", "pdf/pdfpig__r4_aesv2_no_length.pdf", "pdf/pdfjs__bug868745.pdf",
        "other/tika__testEML_embedded_xhtml_and_img.eml", "other/tika__testEmailWithPNGAtt.eml",
        "other/tika__testRTFVarious.rtf", "other/tika__testRTF-ms932.rtf", "other/tika__testODFwithOOo3.odt", "other/poi__SampleSS.ods",
        "other/docling__odf_presentation_01.odp", "other/tika__testEPUB.epub",
        "other/tika__testEXCEL.xls", "other/poi__testVarious.xlsb",
    ];

    // How many of the synthetic dev corpus files (sorted by name) to take per format.
    private static readonly Dictionary<string, int> DevSeedsPerFormat = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = 4, [".xlsx"] = 3, [".pptx"] = 3, [".pdf"] = 5, [".eml"] = 3, [".html"] = 3,
    };

    [SharedFact]
    public void Extract_MutatedRealFiles_OnlyDocumentedOutcomes()
    {
        var mutants = Seeds().SelectMany(s => Mutator.Mutate(s.Name, Path.GetFileName(s.Path), File.ReadAllBytes(s.Path))).ToList();
        var isolated = mutants.Where(NeedsIsolation).ToList();
        var inProcess = mutants.Where(m => !NeedsIsolation(m)).ToList();
        var results = new ConcurrentBag<(Mutant Mutant, MutantOutcome Outcome, string Detail, TimeSpan Elapsed)>();
        var clock = Stopwatch.StartNew();

        var worker = new WorkerCommand("dotnet", [Path.Combine(AppContext.BaseDirectory, "classscan.dll"), "extract-worker"]);
        using (var selector = new IsolatedExtractorSelector(ExtractorSelector.Default, worker))
        {
            var workers = Task.Run(() => Parallel.ForEach(isolated, new ParallelOptions { MaxDegreeOfParallelism = 2 },
                m => results.Add(RunIsolated(selector, m))));
            Parallel.ForEach(inProcess, new ParallelOptions { MaxDegreeOfParallelism = 2 }, m => results.Add(RunInProcess(m)));
            workers.GetAwaiter().GetResult();
        }
        clock.Stop();

        output.WriteLine($"{results.Count} mutants of {mutants.Select(m => m.Seed).Distinct().Count()} seeds " +
                         $"({inProcess.Count} in process, {isolated.Count} in workers) in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var group in results.GroupBy(r => Path.GetExtension(r.Mutant.FileName).ToLowerInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"  {group.Key,-6} {string.Join(", ", group.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
        foreach (var slow in results.OrderByDescending(r => r.Elapsed).Take(3))
            output.WriteLine($"  slowest: {slow.Elapsed.TotalMilliseconds:0} ms {slow.Mutant.Name} ({slow.Outcome})");

        Assert.True(results.Count >= 2500, $"only {results.Count} mutants");
        var bugs = results.Where(r => r.Outcome is MutantOutcome.Unexpected or MutantOutcome.Hang or MutantOutcome.Crash)
            .OrderBy(r => r.Mutant.Name, StringComparer.Ordinal).Select(r => $"{r.Outcome}: {r.Mutant.Name}: {r.Detail}").ToList();
        Assert.True(bugs.Count == 0, $"{bugs.Count} mutants ended badly (saved in {SaveForReplay(results.Where(r => r.Outcome is MutantOutcome.Unexpected or MutantOutcome.Hang or MutantOutcome.Crash).Select(r => r.Mutant))}):\n{string.Join('\n', bugs)}");
    }

    /// <summary>Writes failing mutants where 'classscan-fuzz TARGET --replay DIR' can run them (docs/fuzzing.md).</summary>
    private static string SaveForReplay(IEnumerable<Mutant> mutants)
    {
        var dir = Directory.CreateTempSubdirectory("classscan-mutants-").FullName;
        foreach (var m in mutants)
        {
            var name = string.Concat(m.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '#' or '@' ? c : '_'));
            File.WriteAllBytes(Path.Combine(dir, name + Path.GetExtension(m.FileName)), m.Bytes);
        }
        return dir;
    }

    private static IEnumerable<(string Name, string Path)> Seeds()
    {
        foreach (var relative in RealSeeds)
            yield return ("real/" + relative, SharedData.Path("corpus", "real", relative));
        var dev = SharedData.Path("corpus", "dev", "train");
        foreach (var (ext, count) in DevSeedsPerFormat)
        {
            foreach (var path in Directory.GetFiles(dev, "*" + ext).Order(StringComparer.Ordinal).Take(count))
                yield return ("dev/train/" + Path.GetFileName(path), path);
        }
    }

    private static bool NeedsIsolation(Mutant m) =>
        Path.GetExtension(m.FileName).ToLowerInvariant() is ".pdf" or ".eml";

    private static (Mutant, MutantOutcome, string, TimeSpan) RunInProcess(Mutant m)
    {
        var clock = Stopwatch.StartNew();
        var extractor = ExtractorSelector.Default.Select(m.FileName, Head(m.Bytes));
        if (extractor is null) return (m, MutantOutcome.Unsupported, "no extractor", clock.Elapsed);
        using var cts = new CancellationTokenSource();
        // A dedicated thread per case: one that ignores cancellation is abandoned, as the pipeline does.
        var work = Task.Factory.StartNew(() =>
        {
            using var stream = new MemoryStream(m.Bytes, writable: false);
            return extractor.Extract(stream, ExtractionLimits.Default, cts.Token);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (!work.Wait(CaseTimeout))
            {
                cts.Cancel();
                _ = work.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
                return (m, MutantOutcome.Hang, $"over {CaseTimeout.TotalSeconds:0} s", clock.Elapsed);
            }
            return (m, Classify(work.Result), work.Result.ToString(), clock.Elapsed);
        }
        catch (AggregateException ae) when (ae.InnerException is { } ex)
        {
            return (m, MutantOutcome.Unexpected, $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}", clock.Elapsed);
        }
    }

    private static (Mutant, MutantOutcome, string, TimeSpan) RunIsolated(IsolatedExtractorSelector selector, Mutant m)
    {
        var clock = Stopwatch.StartNew();
        var extractor = selector.Select(m.FileName, Head(m.Bytes));
        if (extractor is null) return (m, MutantOutcome.Unsupported, "no extractor", clock.Elapsed);
        using var cts = new CancellationTokenSource(CaseTimeout);
        try
        {
            using var stream = new MemoryStream(m.Bytes, writable: false);
            var result = extractor.Extract(stream, ExtractionLimits.Default, cts.Token);
            return (m, Classify(result), result.ToString(), clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return (m, MutantOutcome.Hang, $"over {CaseTimeout.TotalSeconds:0} s (worker killed)", clock.Elapsed);
        }
        catch (Exception ex)
        {
            return (m, MutantOutcome.Unexpected, $"{ex.GetType().Name}: {ex.Message}", clock.Elapsed);
        }
    }

    private static MutantOutcome Classify(ExtractionResult result) => result switch
    {
        ExtractionResult.Text => MutantOutcome.Read,
        ExtractionResult.PartialText => MutantOutcome.Limit,
        ExtractionResult.Encrypted => MutantOutcome.Encrypted,
        ExtractionResult.Unsupported => MutantOutcome.Unsupported,
        ExtractionResult.LimitReached => MutantOutcome.Limit,
        // A worker that died (stack overflow, heap limit) or caught an exception type no extractor documents.
        ExtractionResult.Corrupt(var why) when why.Contains("tolkaren", StringComparison.Ordinal) => MutantOutcome.Crash,
        ExtractionResult.Corrupt(var why) when why.StartsWith("kunde inte läsas (", StringComparison.Ordinal) => MutantOutcome.Unexpected,
        ExtractionResult.Corrupt => MutantOutcome.Corrupt,
        _ => MutantOutcome.Unexpected,
    };

    private static ReadOnlySpan<byte> Head(byte[] bytes) => bytes.AsSpan(0, Math.Min(bytes.Length, IExtractorSelector.HeadBytes));
}
