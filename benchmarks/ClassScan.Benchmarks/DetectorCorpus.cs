using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Detection;
using ClassScan.Extraction;
using ClassScan.Language;

namespace ClassScan.Benchmarks;

/// <summary>
/// The judge stage's detectors over a whole corpus, outside BenchmarkDotNet (one pass over ~1,500 documents is the
/// unit), in two steps so that extraction is paid once:
/// <list type="bullet">
/// <item><c>detect-cache CACHE DIR...</c>: extracts every file in-process (the scanner's selector, default limits,
/// no OCR; an archive's entries one document each, as the judge stage reads them), identifies the languages with
/// Lingua as the scan does, and writes texts and languages to CACHE.</item>
/// <item><c>detect-corpus CACHE [-r ROUNDS] [--findings OUT] [--per-detector] [--only ID] [--languages]</c>: every detector over every
/// document as <c>DocumentAnalyzer.Judge</c> runs them (all detectors on one document, then the next),
/// single-threaded, after a warm-up pass: CPU seconds (user+sys of this process) per round and the best;
/// <c>--per-detector</c> adds one pass per detector alone; <c>--findings OUT</c> writes every finding of every
/// document (sorted as found) for a before/after diff, and prints its SHA-256; <c>--only ID</c> runs that detector
/// alone (to profile it); <c>--languages</c> also times the judge stage's language identification over the documents.</item>
/// </list>
/// The clock is fixed (2026-12-01) so the personnummer detector's century rule gives the same findings on any day.
/// Run with <c>DOTNET_TieredCompilation=0</c> as the scanner runs.
/// </summary>
internal static class DetectorCorpus
{
    public static bool Handles(string[] args) => args.Length > 1 && args[0] is "detect-cache" or "detect-corpus";

    public static int Run(string[] args) => args[0] == "detect-cache" ? Cache(args[1], args[2..]) : Measure(args[1..]);

    private static int Cache(string cache, string[] dirs)
    {
        var languages = new LinguaLanguageIdentifier();
        var selector = ExtractorSelector.Default;
        var files = dirs.SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "pdfjs__bomb_giant.pdf")
            .OrderBy(f => f, StringComparer.Ordinal).ToList();
        using var output = new BinaryWriter(File.Create(cache), Encoding.UTF8);
        var docs = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var extractor = selector.Select(Path.GetFileName(file), bytes.AsSpan(0, Math.Min(bytes.Length, IExtractorSelector.HeadBytes)));
            if (extractor is null) continue;
            ExtractionResult result;
            try { result = extractor.Extract(DocumentContent.Of(new MemoryStream(bytes)), ExtractionLimits.Default, default); }
            catch (Exception ex) when (ex is not OperationCanceledException) { continue; }
            foreach (var (name, text) in Leaves(file, result))
            {
                if (text.IsBlank) continue;
                var profile = languages.Identify(text);
                output.Write(name);
                output.Write(profile.Document ?? "");
                output.Write(text.Segments.Count);
                for (var i = 0; i < text.Segments.Count; i++)
                {
                    var s = text.Segments[i];
                    output.Write((int)s.Kind);
                    output.Write(s.Location);
                    output.Write(s.Text);
                    output.Write(i < profile.Segments.Count ? profile.Segments[i] ?? "" : "");
                }
                docs++;
            }
        }
        Console.WriteLine(FormattableString.Invariant($"files={files.Count} documents={docs}"));
        return 0;
    }

    private static IEnumerable<(string Name, ExtractedText Text)> Leaves(string name, ExtractionResult result)
    {
        if (result is ExtractionResult.Container container)
        {
            foreach (var entry in container.Entries)
                foreach (var leaf in Leaves(name + "!" + entry.Path, entry.Result)) yield return leaf;
        }
        else if (result.TextRead is { } text) yield return (name, text);
    }

    private static List<(string Name, ExtractedText Text)> Load(string cache)
    {
        var docs = new List<(string, ExtractedText)>();
        using var input = new BinaryReader(File.OpenRead(cache), Encoding.UTF8);
        while (input.BaseStream.Position < input.BaseStream.Length)
        {
            var name = input.ReadString();
            var document = input.ReadString();
            var count = input.ReadInt32();
            var segments = new List<TextSegment>(count);
            var langs = new List<string?>(count);
            for (var i = 0; i < count; i++)
            {
                var kind = (SegmentKind)input.ReadInt32();
                var location = input.ReadString();
                var text = input.ReadString();
                var lang = input.ReadString();
                segments.Add(new TextSegment(kind, location, text));
                langs.Add(lang.Length == 0 ? null : lang);
            }
            var profile = new LanguageProfile(document.Length == 0 ? null : document, langs);
            docs.Add((name, new ExtractedText(segments).WithLanguages(profile)));
        }
        return docs;
    }

    private static int Measure(string[] args)
    {
        var cache = args[0];
        int rounds = 3;
        string? findingsOut = null;
        var perDetector = false;
        var languages = false;
        string? only = null;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "-r") rounds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            else if (args[i] == "--findings") findingsOut = args[++i];
            else if (args[i] == "--per-detector") perDetector = true;
            else if (args[i] == "--only") only = args[++i];
            else if (args[i] == "--languages") languages = true;
        }
        var docs = Load(cache);
        long chars = docs.Sum(d => d.Text.TotalChars);
        // --only ID: that detector alone (to profile it), else all of them as the judge stage runs them.
        var detectors = StandardDetectors.Create(new FixedTime()).Where(d => only is null || d.Id == only).ToList();
        Console.WriteLine(FormattableString.Invariant($"documents={docs.Count} chars={chars:N0} detectors={detectors.Count}"));

        // Warm-up (JIT, lexicon loads) and the findings.
        var all = new StringBuilder();
        foreach (var (name, text) in docs)
        {
            var findings = new List<Finding>();
            foreach (var d in detectors) d.Detect(text, findings);
            if (findingsOut is null) continue;
            foreach (var f in findings)
                all.Append(name).Append('\t').Append(f.DetectorId).Append('\t').Append(f.Kind).Append('\t').Append(f.Confidence)
                    .Append('\t').Append(f.SegmentIndex).Append('\t').Append(f.Start).Append('\t').Append(f.Length)
                    .Append('\t').Append(f.MaskedSample).Append('\t').Append(f.Detail).Append('\n');
        }
        if (findingsOut is not null)
        {
            File.WriteAllText(findingsOut, all.ToString());
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString())));
            Console.WriteLine($"findings={all.ToString().Count(c => c == '\n')} sha256={hash[..16]}");
        }

        var best = double.MaxValue;
        var times = new List<string>();
        for (var r = 0; r < rounds; r++)
        {
            var cpu = Cpu(() =>
            {
                foreach (var (_, text) in docs)
                {
                    var findings = new List<Finding>();
                    foreach (var d in detectors) d.Detect(text, findings);
                }
            });
            times.Add(cpu.ToString("F2", CultureInfo.InvariantCulture));
            best = Math.Min(best, cpu);
        }
        Console.WriteLine(FormattableString.Invariant($"all detectors: best {best:F2} cpu s (rounds {string.Join(" ", times)})"));

        if (languages)
        {
            // The judge stage's language identification over the same documents (the cache holds its answers).
            var identifier = new ClassScan.Language.LinguaLanguageIdentifier();
            foreach (var (_, text) in docs) identifier.Identify(text);
            var lingua = double.MaxValue;
            for (var r = 0; r < rounds; r++)
                lingua = Math.Min(lingua, Cpu(() => { foreach (var (_, text) in docs) identifier.Identify(text); }));
            Console.WriteLine(FormattableString.Invariant($"language identification: best {lingua:F2} cpu s"));
        }
        if (!perDetector) return 0;
        foreach (var d in detectors)
        {
            var one = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                one = Math.Min(one, Cpu(() =>
                {
                    foreach (var (_, text) in docs) d.Detect(text, new List<Finding>());
                }));
            }
            Console.WriteLine(FormattableString.Invariant($"  {d.Id,-26} {one:F2} cpu s"));
        }
        return 0;
    }

    private static double Cpu(Action action)
    {
        var proc = Process.GetCurrentProcess();
        proc.Refresh();
        var before = proc.TotalProcessorTime;
        action();
        proc.Refresh();
        return (proc.TotalProcessorTime - before).TotalSeconds;
    }

    /// <summary>A fixed "now" for the century rule of 10-digit personnummer.</summary>
    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    }
}
