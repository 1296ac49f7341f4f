using ClassScan.Classification;
using ClassScan.Cli.Commands;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Detection;
using ClassScan.Detection.Confidential;
using ClassScan.Detection.Health;
using ClassScan.Detection.Individuals;
using ClassScan.Detection.Osl;
using ClassScan.Detection.Personnummer;
using ClassScan.Detection.Procurement;
using ClassScan.Detection.Security;
using ClassScan.Policy;
using ClassScan.Detection.Sensitive;
using ClassScan.Extraction;
using ClassScan.Extraction.Isolation;
using ClassScan.Language;
using ClassScan.Ocr;
using ClassScan.Pipeline;

namespace ClassScan.Cli;

/// <summary>The composition root: which extractors, detectors and policy a scan uses.</summary>
internal static class ScanComposition
{
    /// <summary>The model shipped beside the binary (copied from the repository's models/ folder at build).</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", "klassa.zip");

    private static readonly Lazy<LinguaLanguageIdentifier> Languages = new(() => new LinguaLanguageIdentifier(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// One language identifier per process (Lingua's models load once), used in the judge stage of a scan and when
    /// evaluation or training reads a corpus, never in the extract worker.
    /// </summary>
    public static ILanguageIdentifier LanguageIdentifier => Languages.Value;

    /// <summary>Loads the language models on a pool thread, for a scan to overlap with its set-up (see
    /// <see cref="LinguaLanguageIdentifier.Warm"/>); the first document judged waits for what is not loaded yet.</summary>
    public static Task WarmLanguageIdentifier() => Task.Run(() => Languages.Value.Warm());

    public static IReadOnlyList<IDetector> CreateDetectors(TimeProvider time) => StandardDetectors.Create(time);

    /// <summary>Masks identity numbers in names in every report and log, by the rule the detector applies to content.</summary>
    public static Core.Privacy.INameRedactor CreateNameRedactor(TimeProvider time) => new IdentityNumberRedactor(time);

    /// <summary>The rule engine, combined with the classifier unless <paramref name="model"/> is null.</summary>
    public static IClassificationPolicy CreatePolicy(ILevelModel? model) =>
        model is null ? new KlassaRuleEngine() : new RulesWithModelPolicy(new KlassaRuleEngine(), model);

    /// <summary>Loads the classifier; a missing or unreadable model is a setup error the caller reports.</summary>
    public static KlassaTextModel LoadModel(string path) => KlassaTextModel.Load(path);

    /// <summary>
    /// Extractors run in worker processes unless <paramref name="isolate"/> is false: a parser that overflows
    /// its stack (seen with PdfPig on hostile PDFs) would otherwise take the whole scan down.
    /// </summary>
    public static (IExtractorSelector Selector, IDisposable? Workers) CreateSelector(bool isolate)
    {
        if (!isolate) return (ExtractorSelector.Default, null);
        var isolated = new IsolatedExtractorSelector(ExtractorSelector.Default, ExtractWorkerCommand.Self());
        return (isolated, isolated);
    }

    /// <summary>
    /// OCR as the settings and this machine allow: the recogniser (null when off or the programs are missing), why it
    /// is unavailable (for the rows: "OCR saknas (…)"), and a line for the log and doctor.
    /// </summary>
    public static async Task<(IPageRecognizer? Recognizer, string? Unavailable, string Status)> CreateOcrAsync(Configuration.OcrSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Off) return (null, "avstängt med Scan:Ocr:Enabled=false", "avstängd (Scan:Ocr:Enabled=false)");
        var tools = await OcrTools.ProbeAsync(TimeSpan.FromSeconds(15), ct).ConfigureAwait(false);
        if (tools.Missing(settings.Languages) is { } missing)
            return (null, missing, $"saknas: {missing}; installera med apt-get install {OcrTools.AptPackages}");
        var status = $"{tools.TesseractVersion}, språk {settings.Languages}" + (tools.ReadsPdf ? ", pdftoppm finns" : "; pdftoppm saknas: bara bilder läses, inte skannade PDF-sidor (paketet poppler-utils)");
        return (new TesseractRecognizer(tools, settings.Languages), null, status);
    }

    public static (DocumentAnalyzer Analyzer, IDisposable? Workers) CreateAnalyzer(TimeProvider time, ScanProgress? progress, bool isolate, ILevelModel? model)
    {
        var (selector, workers) = CreateSelector(isolate);
        return (new DocumentAnalyzer(selector, CreateDetectors(time), CreatePolicy(model), progress, LanguageIdentifier), workers);
    }
}
