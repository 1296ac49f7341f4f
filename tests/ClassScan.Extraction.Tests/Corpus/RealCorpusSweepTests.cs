using System.Globalization;
using System.Text;
using ClassScan.TestSupport;
using Xunit.Abstractions;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>
/// Every file of ../shared/corpus/real goes through selector + extractor with a per-file timeout and ends in
/// a known outcome: never an unexpected exception type, never a hang, never a crash of the process.
/// The MANIFEST's encryption notes are checked too: an encrypted file must never pass as "no findings".
/// </summary>
[Trait("Category", "Shared")]
public class RealCorpusSweepTests(ITestOutputHelper output)
{
    // Generous: cold JIT plus PdfPig loading CJK CMaps takes several seconds on a busy 2-core machine.
    private static readonly TimeSpan PerFileTimeout = TimeSpan.FromSeconds(60);

    // Known PdfPig 0.1.16 gaps: these open in poppler without a password but PdfPig demands one.
    private static readonly HashSet<string> KnownPdfPigEncryptionGaps = new(StringComparer.Ordinal)
    {
        "pdf/pdfjs__issue7665.pdf",
        "pdf/pdfpig__r4_aes_empty_string.pdf",
    };

    [SharedFact]
    public void Extract_EveryRealFile_KnownOutcomeWithinTimeout()
    {
        var root = RealCorpus.Root;
        var manifest = File.ReadLines(Path.Combine(root, "MANIFEST.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Where(p => p.Length >= 8)
            .ToDictionary(p => p[0], p => p[7], StringComparer.Ordinal);
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => f.Contains('/', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        // Two at a time, as the pipeline's analyze stage would on this 2-core machine.
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, CorpusOutcome>(StringComparer.Ordinal);
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
            results[file] = RealCorpus.Run(Path.Combine(root, file), PerFileTimeout));
        var outcomes = new SortedDictionary<string, CorpusOutcome>(results, StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var (file, o) in outcomes)
        {
            if (o.Kind is "error" or "timeout") problems.Add($"{file}: {o.Kind} {o.Error?.GetType().Name} {o.Error?.Message}");
            var notes = manifest.GetValueOrDefault(file, "");
            bool mustBeEncrypted = notes.Contains("ENCRYPTED OOXML", StringComparison.Ordinal)
                || notes.Contains("ENCRYPTED Word", StringComparison.Ordinal)
                || notes.Contains("ENCRYPTED Excel", StringComparison.Ordinal)
                || notes.Contains("ENCRYPTED PowerPoint", StringComparison.Ordinal)
                || notes.Contains("user password required", StringComparison.Ordinal)
                || notes.Contains("PGP-encrypted Outlook MSG", StringComparison.Ordinal);
            if (mustBeEncrypted && o.Kind != "encrypted") problems.Add($"{file}: expected encrypted, got {o.Kind}");
            if (notes.Contains("poppler opens it without a password", StringComparison.Ordinal) && o.Kind is not ("ok" or "no-text")
                && !KnownPdfPigEncryptionGaps.Contains(file))
                problems.Add($"{file}: expected readable, got {o.Kind} {o.Error?.Message}");
        }

        output.WriteLine(Summary(outcomes));
        Assert.True(files.Count > 700, $"only {files.Count} files found");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Summary(SortedDictionary<string, CorpusOutcome> outcomes)
    {
        var sb = new StringBuilder();
        foreach (var group in outcomes.GroupBy(o => o.Value.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            sb.Append(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()}\n");
        sb.Append("slowest:\n");
        foreach (var (file, o) in outcomes.OrderByDescending(o => o.Value.Elapsed).Take(8))
            sb.Append(CultureInfo.InvariantCulture, $"  {o.Elapsed.TotalSeconds:F2}s {file} ({o.Kind})\n");
        return sb.ToString();
    }
}
