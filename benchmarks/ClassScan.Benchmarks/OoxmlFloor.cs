using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Benchmarks;

/// <summary>
/// OOXML extraction beside an in-process floor, outside BenchmarkDotNet (one pass over ~600 files is the unit):
/// <list type="bullet">
/// <item><c>ooxml-floor [DIR...]</c>: for every OOXML file the selector sends to an openxml extractor (default
/// ../shared/corpus/dev and real; encrypted/corrupt results left out), CPU time of (a) inflating every zip entry
/// to a null stream with System.IO.Compression, (b) opening and disposing the package with the Open XML SDK, no
/// part read (the package model's own cost) and (c) our full extraction; single-threaded, files in memory,
/// after a warm-up pass, rounds interleaved (a b c, a b c, ...), best of N per column, per format.</item>
/// <item><c>ooxml-profile [N [DIR...]]</c>: only our extraction of the same files, N times, to run under perf.</item>
/// <item><c>ooxml-dump OUT [DIR...]</c>: every such file's status and segments (kind, location, text with
/// newlines and tabs escaped) to OUT, sorted by path, for a before/after diff of an extractor change.</item>
/// </list>
/// Run with <c>DOTNET_TieredCompilation=0</c> as the worker does, so no background re-JIT counts as CPU:
/// <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project benchmarks/ClassScan.Benchmarks -- ooxml-floor</c>.
/// </summary>
internal static class OoxmlFloor
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "ooxml-floor" or "ooxml-dump" or "ooxml-profile";

    public static int Run(string[] args)
    {
        if (args[0] == "ooxml-dump")
        {
            if (args.Length < 2) return Usage();
            Dump(args[1], Files(args[2..]));
            return 0;
        }
        if (args[0] == "ooxml-profile")
        {
            // Only our extraction, in a loop, for perf record (see the README's profiling recipe).
            var files = Files(args.Length > 2 ? args[2..] : []).Where(d => d.Format != "other").ToList();
            int times = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            for (int i = 0; i < times; i++)
                foreach (var d in files) Extract(d);
            return 0;
        }
        int rounds = 3;
        var dirs = new List<string>();
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "-r" && i + 1 < args.Length) rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else dirs.Add(args[i]);
        }
        Floor(Files(dirs.ToArray()), rounds);
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ooxml-floor [-r ROUNDS] [DIR...] | ooxml-dump OUT [DIR...]");
        return 2;
    }

    private sealed record Doc(string Path, string Format, byte[] Bytes, ITextExtractor Extractor);

    private static List<Doc> Files(string[] dirs)
    {
        if (dirs.Length == 0)
        {
            var shared = BenchmarkData.Shared();
            dirs = [System.IO.Path.Combine(shared, "corpus", "dev"), System.IO.Path.Combine(shared, "corpus", "real")];
        }
        var selector = new ExtractorSelector();
        var docs = new List<Doc>();
        foreach (var dir in dirs)
        {
            foreach (var path in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(path);
                var extractor = selector.Select(System.IO.Path.GetFileName(path), bytes.AsSpan(0, Math.Min(bytes.Length, IExtractorSelector.HeadBytes)));
                if (extractor is null || !extractor.Name.StartsWith("openxml", StringComparison.Ordinal)) continue;
                var format = extractor.Name switch
                {
                    "openxml-word" => "word",
                    "openxml-excel" => "excel",
                    "openxml-powerpoint" => "powerpoint",
                    _ => "other",
                };
                docs.Add(new Doc(System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(dir.TrimEnd('/'))!, path), format, bytes, extractor));
            }
        }
        return docs;
    }

    private static ExtractionResult Extract(Doc doc)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        return doc.Extractor.Extract(DocumentContent.Of(stream), ExtractionLimits.Default, CancellationToken.None);
    }

    private static void Inflate(Doc doc)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            s.CopyTo(Stream.Null);
        }
    }

    private static void OpenOnly(Doc doc)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        var settings = new OpenSettings { AutoSave = false };
        using OpenXmlPackage package = doc.Format switch
        {
            "word" => WordprocessingDocument.Open(stream, false, settings),
            "excel" => SpreadsheetDocument.Open(stream, false, settings),
            _ => PresentationDocument.Open(stream, false, settings),
        };
    }

    private static void Floor(List<Doc> all, int rounds)
    {
        // Warm-up: JIT everything once and drop the files whose result is not text (encrypted, corrupt...).
        var docs = all.Where(d => Extract(d) is ExtractionResult.Text or ExtractionResult.PartialText).ToList();
        foreach (var d in docs)
        {
            Inflate(d);
            try
            {
                OpenOnly(d);
            }
            catch (Exception)
            {
                // a package the SDK rejects while our reader copes is timed without the open-only column
            }
        }
        var openable = docs.Where(d =>
        {
            try
            {
                OpenOnly(d);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }).ToHashSet();

        var formats = docs.Select(d => d.Format).Distinct().Order(StringComparer.Ordinal).Append("all").ToArray();
        var columns = new[] { "inflate", "sdk-open", "extract" };
        var best = new Dictionary<(string Format, string Column), double>();
        var spread = new Dictionary<(string Format, string Column), List<double>>();
        var tiered = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "(default: on)";
        Console.WriteLine($"files: {docs.Count} of {all.Count} OOXML ({all.Count - docs.Count} left out: not text), " +
            $"{docs.Sum(d => d.Bytes.Length) / 1e6:F1} MB; rounds {rounds}; DOTNET_TieredCompilation={tiered}; load {Load()}");

        for (int round = 0; round < rounds; round++)
        {
            foreach (var column in columns)
            {
                foreach (var format in formats)
                {
                    var set = format == "all" ? docs : docs.Where(d => d.Format == format).ToList();
                    if (format == "all") continue; // summed from the formats below
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var cpu = Cpu();
                    foreach (var d in set)
                    {
                        switch (column)
                        {
                            case "inflate": Inflate(d); break;
                            case "sdk-open": if (openable.Contains(d)) OpenOnly(d); break;
                            default: Extract(d); break;
                        }
                    }
                    var seconds = (Cpu() - cpu).TotalSeconds;
                    var key = (format, column);
                    (spread.TryGetValue(key, out var l) ? l : spread[key] = []).Add(seconds);
                    best[key] = Math.Min(best.GetValueOrDefault(key, double.MaxValue), seconds);
                }
            }
        }
        foreach (var column in columns)
        {
            best[("all", column)] = formats.Where(f => f != "all").Sum(f => best[(f, column)]);
            spread[("all", column)] = Enumerable.Range(0, rounds).Select(i => formats.Where(f => f != "all").Sum(f => spread[(f, column)][i])).ToList();
        }

        Console.WriteLine();
        Console.WriteLine("| format | files | MB | inflate cpu s | sdk open+dispose cpu s | extract cpu s | extract ÷ inflate | rounds (extract) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var format in formats)
        {
            var set = format == "all" ? docs : docs.Where(d => d.Format == format).ToList();
            var ratio = best[(format, "extract")] / best[(format, "inflate")];
            var rs = string.Join(" / ", spread[(format, "extract")].Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine($"| {format} | {set.Count} | {set.Sum(d => d.Bytes.Length) / 1e6:F1} | {best[(format, "inflate")]:F3} | " +
                $"{best[(format, "sdk-open")]:F3} | {best[(format, "extract")]:F3} | **{ratio:F2}** | {rs} |");
        }
        Console.WriteLine();
        Console.WriteLine("costliest files (extract cpu ms ÷ inflate cpu ms, one pass):");
        var perFile = docs.Select(d =>
        {
            var t0 = Cpu();
            Inflate(d);
            var t1 = Cpu();
            var chars = Extract(d).TextRead?.TotalChars ?? 0;
            var t2 = Cpu();
            return (d, Inflate: (t1 - t0).TotalMilliseconds, Extract: (t2 - t1).TotalMilliseconds, Chars: chars);
        }).OrderByDescending(x => x.Extract).ToList();
        foreach (var (d, inflate, extract, chars) in perFile.Take(12))
            Console.WriteLine($"  {extract,8:F1} ÷ {inflate,6:F1} ms  {Unpacked(d) / 1e6,6:F1} MB xml  {chars / 1e6,6:F2} M chars  {d.Path}");
        Console.WriteLine();
        Console.WriteLine("noise (max ÷ min over rounds, all files): " + string.Join(", ",
            columns.Select(c => $"{c} {spread[("all", c)].Max() / spread[("all", c)].Min():F2}")) + $"; load {Load()}");
    }

    private static long Unpacked(Doc doc)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        return zip.Entries.Sum(e => e.Length);
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static void Dump(string outPath, List<Doc> docs)
    {
        using var w = new StreamWriter(outPath, false, new UTF8Encoding(false));
        foreach (var d in docs.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            var result = Extract(d);
            var status = result switch
            {
                ExtractionResult.Text => "text",
                ExtractionResult.PartialText p => $"partial {p.Limit}",
                ExtractionResult.Failure f => $"{f.GetType().Name}: {f.Reason}",
                _ => result.GetType().Name,
            };
            w.WriteLine($"### {d.Path}\t{d.Extractor.Name}\t{status}");
            if (result.TextRead is not { } text) continue;
            foreach (var note in text.Notes) w.WriteLine($"note\t{note}");
            foreach (var s in text.Segments)
                w.WriteLine($"{s.Kind}\t{s.Location}\t{s.Text.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\t", "\\t").Replace("\r", "\\r")}");
        }
    }
}
