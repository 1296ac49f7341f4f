using System.Diagnostics;
using System.Globalization;
using ClassScan.Core.Documents;
using ClassScan.Extraction;
using ClassScan.Extraction.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Benchmarks;

/// <summary>
/// <c>pdf-floor [-r ROUNDS] [--list FILE] [DIR...]</c>: PdfPig's own floor on the PDFs of the folders (default
/// ../shared/corpus/dev and real without the bomb) that our extractor reads text from, beside our extraction of the same
/// files: in memory, one thread,
/// CPU seconds (user+sys of this process), after a warm-up on 20 files, columns interleaved per file, best round per column:
/// <list type="bullet">
/// <item>open: <c>PdfDocument.Open</c> (xref, trailer, encryption check) and the page count, then dispose;</item>
/// <item>floor: open, and every page built by a page factory that loads the page's resources (fonts included) and
/// reads its content stream into text operations with the text-only content parser, running none: no glyph,
/// no text, nothing our extractor could leave out and still read text;</item>
/// <item>extract: the scanner's PDF extractor (text-only page factory, content order, forms, limits).</item>
/// </list>
/// <c>--list FILE</c> writes the file list (NUL-separated) so that pdfgrep can be timed on the same files:
/// see benchmarks/README.md, "PdfPig's floor beside pdfgrep".
/// Run with <c>DOTNET_TieredCompilation=0</c> as the worker runs.
/// </summary>
internal static class PdfFloor
{
    private static readonly ParsingOptions Options = new() { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false };

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "pdf-floor";

    public static int Run(string[] args)
    {
        var rounds = 3;
        string? list = null;
        var dirs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "-r") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--list") list = args[++i];
            else dirs.Add(args[i]);
        }
        if (dirs.Count == 0) dirs.AddRange(["../shared/corpus/dev", "../shared/corpus/real"]);
        var files = dirs.SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "pdfjs__bomb_giant.pdf")
            .Select(f => (Path: Path.GetFullPath(f), Bytes: File.ReadAllBytes(f)))
            .Where(f => f.Bytes.AsSpan(0, Math.Min(1024, f.Bytes.Length)).IndexOf("%PDF"u8) >= 0)
            .OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var extractor = ExtractorSelector.Default.Select("x.pdf", "%PDF"u8)!;
        // Only the files our extractor reads text from: its preflight turns away the hostile files on which PdfPig
        // itself would overflow the stack (in a scan a worker process would die), and a file without text is no
        // measure of text extraction. pdfgrep is timed on the same list.
        var all = files.Count;
        files = [.. files.Where(f => extractor.Extract(DocumentContent.Of(new MemoryStream(f.Bytes)), ExtractionLimits.Default, default).TextRead is not null)];
        if (list is not null) File.WriteAllText(list, string.Concat(files.Select(f => f.Path + "\0")));
        Console.WriteLine(FormattableString.Invariant($"PDFs={all}, with text={files.Count}"));
        Console.WriteLine(FormattableString.Invariant($"files={files.Count} MB={files.Sum(f => (long)f.Bytes.Length) / 1e6:F1}"));

        var columns = new (string Name, Action<byte[]> Run)[]
        {
            ("open", Open),
            ("floor", Floor),
            ("extract", bytes => extractor.Extract(DocumentContent.Of(new MemoryStream(bytes)), ExtractionLimits.Default, default)),
        };
        foreach (var f in files.Take(20)) foreach (var c in columns) c.Run(f.Bytes); // warm-up: JIT, PdfPig's static tables

        var best = new double[columns.Length];
        Array.Fill(best, double.MaxValue);
        var proc = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
        {
            var sums = new double[columns.Length];
            foreach (var f in files)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    proc.Refresh();
                    var before = proc.TotalProcessorTime;
                    columns[c].Run(f.Bytes);
                    proc.Refresh();
                    sums[c] += (proc.TotalProcessorTime - before).TotalSeconds;
                }
            }
            for (var c = 0; c < columns.Length; c++) best[c] = Math.Min(best[c], sums[c]);
            Console.WriteLine("round " + (r + 1) + ": " + string.Join("  ", columns.Select((c, i) => FormattableString.Invariant($"{c.Name} {sums[i]:F2}"))));
        }
        Console.WriteLine("best cpu s: " + string.Join("  ", columns.Select((c, i) => FormattableString.Invariant($"{c.Name} {best[i]:F2}"))));
        return 0;
    }

    private static void Open(byte[] bytes)
    {
        try
        {
            using var doc = PdfDocument.Open(bytes, Options);
            _ = doc.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Encrypted or broken: the time to find out is part of the floor.
        }
    }

    private static void Floor(byte[] bytes)
    {
        try
        {
            using var doc = PdfDocument.Open(bytes, Options);
            doc.AddPageFactory<FloorPage, FloorPageFactory>();
            var pages = doc.NumberOfPages;
            for (var i = 1; i <= pages; i++)
            {
                try { _ = doc.GetPage<FloorPage>(i); }
                catch (Exception ex) when (ex is not OutOfMemoryException) { /* a broken page costs what it cost */ }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
        }
    }

    /// <summary>A page whose operations were parsed and not run.</summary>
    internal sealed class FloorPage(int operations)
    {
        public int Operations => operations;
    }

    /// <summary>
    /// Resources (fonts) and the content stream parsed as the text-only page factory parses them, then nothing:
    /// PdfPig creates it by reflection with these parameters, as <see cref="TextOnlyPageFactory"/>.
    /// </summary>
    internal sealed class FloorPageFactory : BasePageFactory<FloorPage>
    {
        public FloorPageFactory(IPdfTokenScanner pdfScanner, IResourceStore resourceStore, ILookupFilterProvider filterProvider,
            IPageContentParser pageContentParser, ParsingOptions parsingOptions)
            : base(pdfScanner, resourceStore, filterProvider,
                TextOnlyContentParser.Instance, parsingOptions)
        {
            _ = pageContentParser;
        }

        protected override FloorPage ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations,
            MediaBox mediaBox, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix,
            IReadOnlyList<IGraphicsStateOperation> operations) => new(operations?.Count ?? 0);
    }
}
