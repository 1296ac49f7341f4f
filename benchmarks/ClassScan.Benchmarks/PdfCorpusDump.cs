using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction;

/// <summary>
/// <c>pdfdump OUTDIR DIR...</c>: extracts every PDF under the folders single-threaded with the scanner's PDF
/// extractor and writes, per file, its status and text (OUTDIR/text/NAME.txt) and a times.tsv of the CPU time
/// (user+sys of this process) each took, so two builds can be compared on text equality and CPU. A file named
/// in a folder's SKIP list (here: the 5000-page bomb) is left out. Not a BenchmarkDotNet benchmark: one pass,
/// so run it several times, interleaved, and keep the best.
/// </summary>
internal static class PdfCorpusDump
{
    private static readonly HashSet<string> Skip = new(StringComparer.Ordinal) { "pdfjs__bomb_giant.pdf" };

    public static int Run(string[] args)
    {
        var outDir = args[0];
        var textDir = Path.Combine(outDir, "text");
        Directory.CreateDirectory(textDir);
        var files = args.Skip(1)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !Skip.Contains(Path.GetFileName(f)))
            .Select(f => (Path: f, Bytes: File.ReadAllBytes(f)))
            .Where(f => f.Path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || f.Bytes.AsSpan(0, Math.Min(1024, f.Bytes.Length)).IndexOf("%PDF"u8) >= 0)
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var extractor = ExtractorSelector.Default.Select("x.pdf", "%PDF"u8)!;
        // Warm-up: JIT and PdfPig's static tables are not what is measured.
        foreach (var f in files.Take(5)) extractor.Extract(DocumentContent.Of(new MemoryStream(f.Bytes)), ExtractionLimits.Default, default);

        var times = new StringBuilder("file\tcpu_ms\twall_ms\tstatus\n");
        var proc = Process.GetCurrentProcess();
        TimeSpan total = TimeSpan.Zero;
        foreach (var (path, bytes) in files)
        {
            proc.Refresh();
            var cpu0 = proc.TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            var result = extractor.Extract(DocumentContent.Of(new MemoryStream(bytes)), ExtractionLimits.Default, default);
            wall.Stop();
            proc.Refresh();
            var cpu = proc.TotalProcessorTime - cpu0;
            total += cpu;
            var name = Path.GetFileName(Path.GetDirectoryName(path)) + "__" + Path.GetFileName(path);
            var status = Status(result);
            times.Append(CultureInfo.InvariantCulture, $"{name}\t{cpu.TotalMilliseconds:F1}\t{wall.Elapsed.TotalMilliseconds:F1}\t{status}\n");
            var sb = new StringBuilder().Append("status: ").Append(status).Append('\n');
            if (result.TextRead is { } text)
            {
                sb.Append(CultureInfo.InvariantCulture, $"pages: {text.PageCount} without text: {text.PagesWithoutText}\n");
                foreach (var n in text.Notes) sb.Append("note: ").Append(n).Append('\n');
                foreach (var s in text.Segments) sb.Append("== ").Append(s.Kind).Append(' ').Append(s.Location).Append('\n').Append(s.Text).Append('\n');
            }
            File.WriteAllText(Path.Combine(textDir, name + ".txt"), sb.ToString());
        }
        File.WriteAllText(Path.Combine(outDir, "times.tsv"), times.ToString());
        Console.WriteLine(FormattableString.Invariant($"files={files.Count} cpu_ms={total.TotalMilliseconds:F0}"));
        return 0;
    }

    private static string Status(ExtractionResult r) => r switch
    {
        ExtractionResult.Text => "text",
        ExtractionResult.PartialText p => $"partial({p.Limit})",
        ExtractionResult.Failure f => $"{f.GetType().Name}: {f.Reason}",
        _ => r.GetType().Name,
    };
}
