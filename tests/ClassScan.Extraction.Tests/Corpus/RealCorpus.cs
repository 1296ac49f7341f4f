using System.Diagnostics;
using ClassScan.Core.Documents;
using ClassScan.TestSupport;

namespace ClassScan.Extraction.Tests.Corpus;

/// <summary>Runs files from ../shared/corpus/real through selector + extractor as the pipeline would.</summary>
internal static class RealCorpus
{
    public static string Root => SharedData.Path("corpus", "real");

    public static string PathOf(string relative) => SharedData.Path("corpus", "real", relative);

    public static ExtractedText Extract(string relative)
    {
        var bytes = File.ReadAllBytes(PathOf(relative));
        var extractor = ExtractionHelper.Select(Path.GetFileName(relative), bytes)
            ?? throw new UnsupportedFormatException("selector returned null");
        return ExtractionHelper.Run(extractor, bytes);
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
        ExtractedText? result = null;
        Exception? error = null;
        var sw = Stopwatch.StartNew();
        var thread = new Thread(() =>
        {
            try
            {
                result = ExtractionHelper.Run(extractor, bytes, ct: cts.Token);
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
        var kind = error switch
        {
            null => result!.IsBlank ? "no-text" : "ok",
            EncryptedDocumentException => "encrypted",
            UnsupportedFormatException => "unsupported",
            CorruptDocumentException => "corrupt",
            ExtractionLimitException => "limit",
            TextLimitReachedException => "limit",
            _ => "error",
        };
        return new CorpusOutcome(kind, error, sw.Elapsed, extractor.Name);
    }
}
