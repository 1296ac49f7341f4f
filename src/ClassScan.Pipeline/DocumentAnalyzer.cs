using System.Diagnostics;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Core.Privacy;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// The CPU work for one document in two steps, run by two pipeline stages: <see cref="Extract"/> (pick an
/// extractor, extract: the parsers' work, usually in a worker process) and <see cref="Judge"/> (every detector,
/// then the classification policy: our work, in this process). Split so that one file's detection runs while
/// the next file is being parsed. Synchronous on purpose (CPU work); thread-safe; never throws for a bad
/// document: known failures become statuses. Cancellation is the only exception that escapes.
/// <para>
/// With a <c>languages</c> identifier, Judge tags the text with its languages before the detectors run, so that
/// vocabulary detectors match words of the language the text is in; without one every segment is of unknown
/// language, which detectors read as Swedish. It runs in the judge stage, in this process, never in the extract worker.
/// </para>
/// </summary>
public sealed class DocumentAnalyzer(
    IExtractorSelector selector,
    IReadOnlyList<IDetector> detectors,
    IClassificationPolicy policy,
    ScanProgress? progress = null,
    ILanguageIdentifier? languages = null)
{
    /// <summary>How many first bytes of a file the extractor selector sniffs (the fetcher reads this head once).</summary>
    public const int HeadBytes = 8192;

    private const int MaxNotesLength = 400;

    /// <summary>Both steps in a row (tests, tools): what the pipeline does for one file.</summary>
    public DocumentAnalysis Analyze(string fileName, Stream content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct)
    {
        var extraction = Extract(fileName, content, head, limits, ct);
        return extraction.Text is { } text ? Judge(text, extraction.Extractor!, ct) : extraction.Outcome!;
    }

    /// <summary>
    /// Extracts the text, or ends the file here: unsupported format, a parser failure, a limit, no text.
    /// </summary>
    public ExtractionOutcome Extract(string fileName, Stream content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct)
    {
        var extractor = selector.Select(fileName, head);
        if (extractor is null)
            return new(new DocumentAnalysis { Status = ScanStatus.Unsupported, StatusDetail = UnsupportedReason(fileName) });

        ExtractedText text;
        var clock = Stopwatch.StartNew();
        try
        {
            text = extractor.Extract(content, limits, ct);
        }
        catch (TextLimitReachedException ex)
        {
            text = ex.PartialText; // judged on the part read: see Judge
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex)
        {
            return new(Failure(ex, extractor.Name));
        }
        finally
        {
            progress?.AddExtract(clock.Elapsed);
        }
        progress?.AddChars(text.TotalChars);

        if (text.TotalChars > limits.MaxExtractedChars && !text.Truncated)
            return new(new DocumentAnalysis { Status = ScanStatus.Error, StatusDetail = $"gräns MaxExtractedChars ({limits.MaxExtractedChars:N0} tecken) överskriden", Extractor = extractor.Name });

        if (text.IsBlank && text.Truncated)
            return new(new DocumentAnalysis { Status = ScanStatus.Error, StatusDetail = TruncatedUnjudged(0), Extractor = extractor.Name });
        if (text.IsBlank)
        {
            var why = text.PagesWithoutText > 0
                ? $"inget textlager på {text.PagesWithoutText} av {text.PageCount} sidor (skannad?)"
                : "ingen text i filen";
            return new(new DocumentAnalysis { Status = ScanStatus.NoText, StatusDetail = why, Extractor = extractor.Name });
        }
        return new(text, extractor.Name);
    }

    /// <summary>
    /// <see cref="Analyze"/> that also hands back what the verdict rests on: the text as the detectors saw it and
    /// their findings (training builds the model's features from them). Text and findings are null/empty when the
    /// file ended before judging or a detector failed; the analysis then says why, as in a scan.
    /// </summary>
    public AnalysisWithEvidence AnalyzeWithEvidence(string fileName, Stream content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct)
    {
        var extraction = Extract(fileName, content, head, limits, ct);
        if (extraction.Text is not { } extracted) return new(extraction.Outcome!, null, []);
        ExtractedText? judged = null;
        IReadOnlyList<Finding> found = [];
        var analysis = Judge(extracted, extraction.Extractor!, ct, (t, f) => (judged, found) = (t, f));
        return new(analysis, judged, found);
    }

    /// <summary>Runs every detector over the extracted text and classifies the findings.</summary>
    /// <param name="inspect">Called with the text and findings after detection (see <see cref="AnalyzeWithEvidence"/>).</param>
    public DocumentAnalysis Judge(ExtractedText text, string extractor, CancellationToken ct, Action<ExtractedText, IReadOnlyList<Finding>>? inspect = null)
    {
        ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        if (languages is not null) text = text.WithLanguages(languages.Identify(text));
        var findings = new List<Finding>();
        foreach (var detector in detectors)
        {
            try
            {
                detector.Detect(text, findings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The contract says detectors never throw; if one does, the file must not pass as clean.
                return new() { Status = ScanStatus.Error, StatusDetail = $"detektorfel {detector.Id}: {ex.GetType().Name}", Extractor = extractor };
            }
        }
        progress?.AddDetect(clock.Elapsed);
        inspect?.Invoke(text, findings);

        ct.ThrowIfCancellationRequested();
        clock.Restart();
        var verdict = policy.Classify(findings, text);
        progress?.AddClassify(clock.Elapsed);

        // Only part of the text was read (MaxExtractedChars). Findings in that part stand whatever the rest holds,
        // so a level that already means "must leave M365" is reported; anything lower is not a verdict on the file.
        if (text.Truncated && !verdict.MustLeave)
            return new() { Status = ScanStatus.Error, StatusDetail = TruncatedUnjudged(text.TotalChars), Extractor = extractor, ExtractedChars = text.TotalChars };

        int pnr = 0, health = 0;
        string? osl = null;
        foreach (var f in findings)
        {
            if (FindingKinds.IsPersonalIdentityNumber(f.Kind)) pnr++;
            else if (f.Kind == FindingKinds.Halsa) health++;
            else if (f.Kind == FindingKinds.OslMarkering && osl is null) osl = f.Detail;
        }

        return new()
        {
            Status = ScanStatus.Ok,
            // Notes name parts of the document (an attachment's file name): masked like any other sample.
            StatusDetail = text.Notes.Count > 0 ? SafeText.Message(string.Join("; ", text.Notes), MaxNotesLength) : null,
            Classification = verdict,
            Evidence = EvidenceBuilder.Build(findings, text),
            PersonnummerCount = pnr,
            HealthCount = health,
            OslMarking = osl,
            Extractor = extractor,
            ExtractedChars = text.TotalChars,
        };
    }

    /// <summary>Maps an extraction failure to a status with a short cause that quotes no content.</summary>
    public static DocumentAnalysis Failure(Exception ex, string? extractor) => ex switch
    {
        EncryptedDocumentException e => new() { Status = ScanStatus.Encrypted, StatusDetail = SafeText.Message(e.Message), Extractor = extractor },
        UnsupportedFormatException e => new() { Status = ScanStatus.Unsupported, StatusDetail = SafeText.Message(e.Message), Extractor = extractor },
        ExtractionLimitException e => new() { Status = ScanStatus.Error, StatusDetail = $"gräns {e.LimitName}: {SafeText.Message(e.Message)}", Extractor = extractor },
        CorruptDocumentException e => new() { Status = ScanStatus.Error, StatusDetail = "trasig fil: " + SafeText.Message(e.Message), Extractor = extractor },
        OutOfMemoryException => new() { Status = ScanStatus.Error, StatusDetail = "för stor att läsa (slut på minne)", Extractor = extractor },
        FileTooLargeException e => new() { Status = ScanStatus.Error, StatusDetail = e.Message, Extractor = extractor },
        // The type only: a parser's own message may quote the text or bytes it choked on.
        _ => new() { Status = ScanStatus.Error, StatusDetail = $"kunde inte läsas ({ex.GetType().Name})", Extractor = extractor },
    };

    private static string TruncatedUnjudged(long charsRead) =>
        $"gräns MaxExtractedChars: filen har mer text än gränsen; den lästa delen ({charsRead:N0} tecken) räcker inte för en bedömning och resten är oläst";

    private static string UnsupportedReason(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(ext) ? "okänt format (ingen filändelse)" : $"format som inte läses: {ext.ToLowerInvariant()}";
    }
}

/// <summary>
/// What <see cref="DocumentAnalyzer.Extract"/> gives the next stage: the text and the extractor's name, or the
/// file's final outcome when there is nothing to judge.
/// </summary>
public sealed class ExtractionOutcome
{
    public ExtractionOutcome(ExtractedText text, string extractor)
    {
        Text = text;
        Extractor = extractor;
    }

    public ExtractionOutcome(DocumentAnalysis outcome) => Outcome = outcome;

    public ExtractedText? Text { get; }
    public string? Extractor { get; }
    public DocumentAnalysis? Outcome { get; }
}
