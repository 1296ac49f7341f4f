using System.Diagnostics;
using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>Runs files from ../shared/corpus/real through selector + extractor as the pipeline would.</summary>
internal static class RealCorpus
{
    public static string Root => SharedData.Path("corpus", "real");

    public static string PathOf(string relative) => SharedData.Path("corpus", "real", relative);

    /// <summary>The whole text of a corpus file; fails the test for any other result.</summary>
    public static ExtractedText Extract(string relative) => ExtractionHelper.WholeText(Result(relative));

    /// <summary>The result of a corpus file; a format the selector declines is <see cref="ExtractionResult.Unsupported"/>.</summary>
    public static ExtractionResult Result(string relative)
    {
        var bytes = File.ReadAllBytes(PathOf(relative));
        var extractor = ExtractionHelper.Select(Path.GetFileName(relative), bytes);
        return extractor is null ? new ExtractionResult.Unsupported("selector returned null") : ExtractionHelper.Result(extractor, bytes);
    }

    /// <summary>
    /// Extracts on a dedicated background thread and abandons it after <paramref name="timeout"/> (cancelling
    /// first), the way the pipeline isolates code that may not honour cancellation.
    /// </summary>
    public static CorpusOutcome Run(string path, TimeSpan timeout)
    {
        var bytes = File.ReadAllBytes(path);
        var extractor = ExtractionHelper.Select(Path.GetFileName(path), bytes);
        if (extractor is null) return new CorpusOutcome("unsupported", null, TimeSpan.Zero, null);

        using var cts = new CancellationTokenSource();
        ExtractionResult? result = null;
        Exception? error = null;
        var sw = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                result = ExtractionHelper.Result(extractor, bytes, ct: cts.Token);
            }
            catch (Exception ex)
            {
                error = ex;
            }
        })
        { IsBackground = true, Name = "corpus " + Path.GetFileName(path) };
        thread.Start();
        if (!thread.Join(timeout))
        {
            cts.Cancel();
            return new CorpusOutcome("timeout", null, sw.Elapsed, extractor.Name);
        }
        // Any exception is a bug: every outcome a file can have is a result.
        var kind = error is not null ? "error" : result switch
        {
            ExtractionResult.Text(var text) => text.IsBlank ? "no-text" : "ok",
            ExtractionResult.PartialText => "limit",
            ExtractionResult.Container => "container",
            ExtractionResult.Encrypted => "encrypted",
            ExtractionResult.Unsupported => "unsupported",
            ExtractionResult.Corrupt => "corrupt",
            ExtractionResult.LimitReached => "limit",
            _ => "error",
        };
        return new CorpusOutcome(kind, error, sw.Elapsed, extractor.Name);
    }
}
