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
/// with System.IO.Compression, (b) opening and disposing the package with the Open XML SDK, no part read (the
/// package model's own cost), (c, d) the SDK open plus every node of the text parts read with System.Xml's
/// XmlReader or with the SDK's OpenXmlReader (the two ways to stream a part), and (e) our full extraction; single-threaded, files in memory,
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

    private static readonly byte[] InflateBuffer = new byte[64 * 1024];

    /// <summary>Every entry inflated into one buffer (what a reader of the bytes would at least do); returns the bytes.</summary>
    private static long Inflate(Doc doc)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            int n;
            while ((n = s.Read(InflateBuffer, 0, InflateBuffer.Length)) > 0) total += n;
        }
        return total;
    }

    /// <summary>
    /// The SDK's document over a System.IO.Packaging package opened read-only, as the extractors open it (see
    /// OoxmlPackage.Read: from a stream, read-only, the SDK first copies the package to a temporary file).
    /// </summary>
    private sealed class Opened : IDisposable
    {
        private readonly System.IO.Packaging.Package package;

        public Opened(Doc doc, Stream stream)
        {
            package = System.IO.Packaging.Package.Open(stream, FileMode.Open, FileAccess.Read);
            var settings = new OpenSettings { AutoSave = false };
            Document = doc.Format switch
            {
                "word" => WordprocessingDocument.Open(package, settings),
                "excel" => SpreadsheetDocument.Open(package, settings),
                _ => PresentationDocument.Open(package, settings),
            };
        }

        public OpenXmlPackage Document { get; }

        public void Dispose()
        {
            Document.Dispose();
            package.Close();
        }
    }

    private static void OpenOnly(Doc doc)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        using var opened = new Opened(doc, stream);
    }

    /// <summary>The SDK's own open from a read-only stream (what the extractors did before: temporary copy and all).</summary>
    private static void OpenFromStream(Doc doc)
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

    private static readonly string[] TextParts =
    [
        "/document", "/header", "/footer", "/footnotes", "/endnotes", "/comments", "/worksheets/", "/sharedStrings",
        "/slides/", "/notesSlides/", "/diagrams/data",
    ];

    /// <summary>
    /// The two ways to stream a part the SDK has opened: System.Xml's reader on the part stream (what the extractors
    /// do) or the SDK's OpenXmlReader (typed element objects per start tag); the same text parts, every node read.
    /// </summary>
    private static long ReadTextParts(Doc doc, bool sdkReader)
    {
        using var stream = new MemoryStream(doc.Bytes, writable: false);
        using var opened = new Opened(doc, stream);
        long chars = 0;
        foreach (var part in opened.Document.GetAllParts())
        {
            var path = part.Uri.OriginalString;
            if (!TextParts.Any(t => path.Contains(t, StringComparison.OrdinalIgnoreCase))) continue;
            if (sdkReader)
            {
                using var r = DocumentFormat.OpenXml.OpenXmlReader.Create(part);
                while (r.Read())
                    if (r.IsStartElement && typeof(DocumentFormat.OpenXml.OpenXmlLeafTextElement).IsAssignableFrom(r.ElementType)) chars += r.GetText().Length;
            }
            else
            {
                using var ps = part.GetStream(FileMode.Open, FileAccess.Read);
                using var r = System.Xml.XmlReader.Create(ps, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
                while (r.Read())
                    if (r.NodeType == System.Xml.XmlNodeType.Text) chars += r.Value.Length;
            }
        }
        return chars;
    }

    private static void Floor(List<Doc> all, int rounds)
    {
        // Warm-up: JIT everything once and drop the files whose result is not text (encrypted, corrupt...).
        var docs = all.Where(d => Extract(d) is ExtractionResult.Text or ExtractionResult.PartialText).ToList();
        long inflated = 0;
        foreach (var d in docs)
        {
            inflated += Inflate(d);
            try
            {
                ReadTextParts(d, sdkReader: false);
                ReadTextParts(d, sdkReader: true);
                OpenFromStream(d);
            }
            catch (Exception)
            {
                // a package the SDK rejects while our reader copes is timed without the SDK-only columns
            }
        }
        var openable = docs.Where(d =>
        {
            try
            {
                ReadTextParts(d, sdkReader: false);
                ReadTextParts(d, sdkReader: true);
                OpenFromStream(d);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }).ToHashSet();

        var formats = docs.Select(d => d.Format).Distinct().Order(StringComparer.Ordinal).Append("all").ToArray();
        var columns = new[] { "inflate", "sdk-open-stream", "sdk-open", "sdk+xmlreader", "sdk+openxmlreader", "extract" };
        var best = new Dictionary<(string Format, string Column), double>();
        var spread = new Dictionary<(string Format, string Column), List<double>>();
        var tiered = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "(default: on)";
        Console.WriteLine($"files: {docs.Count} of {all.Count} OOXML ({all.Count - docs.Count} left out: not text), " +
            $"{docs.Sum(d => d.Bytes.Length) / 1e6:F1} MB, inflated {inflated / 1e6:F1} MB; rounds {rounds}; DOTNET_TieredCompilation={tiered}; load {Load()}");

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
                            case "sdk-open-stream": if (openable.Contains(d)) OpenFromStream(d); break;
                            case "sdk-open": if (openable.Contains(d)) OpenOnly(d); break;
                            case "sdk+xmlreader": if (openable.Contains(d)) ReadTextParts(d, sdkReader: false); break;
                            case "sdk+openxmlreader": if (openable.Contains(d)) ReadTextParts(d, sdkReader: true); break;
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
        Console.WriteLine("| format | files | MB | inflate cpu s | sdk open from stream | sdk open from package | sdk + XmlReader | sdk + OpenXmlReader | extract cpu s | extract ÷ inflate | rounds (extract) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var format in formats)
        {
            var set = format == "all" ? docs : docs.Where(d => d.Format == format).ToList();
            var ratio = best[(format, "extract")] / best[(format, "inflate")];
            var rs = string.Join(" / ", spread[(format, "extract")].Select(s => s.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
            Console.WriteLine($"| {format} | {set.Count} | {set.Sum(d => d.Bytes.Length) / 1e6:F1} | {best[(format, "inflate")]:F3} | " +
                $"{best[(format, "sdk-open-stream")]:F3} | {best[(format, "sdk-open")]:F3} | {best[(format, "sdk+xmlreader")]:F3} | {best[(format, "sdk+openxmlreader")]:F3} | {best[(format, "extract")]:F3} | **{ratio:F2}** | {rs} |");
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
