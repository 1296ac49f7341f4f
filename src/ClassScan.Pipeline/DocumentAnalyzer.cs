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
    private const int MaxNotesLength = 400;

    /// <summary>Both steps in a row (tests, tools): what the pipeline does for one file, known here by its name only.</summary>
    public ScanResult Analyze(string fileName, DocumentContent content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct) =>
        Judge(Named(fileName), Extract(fileName, content, head, limits, ct), ct);

    /// <summary>
    /// Picks the extractor from the name and the <paramref name="head"/> (the file's first
    /// <see cref="IExtractorSelector.HeadBytes"/>, read once by the caller) and extracts. An extractor's bug is
    /// isolated to this file: it becomes <see cref="ExtractionResult.Corrupt"/>, as it does in a worker process.
    /// </summary>
    internal DocumentExtraction Extract(string fileName, DocumentContent content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct)
    {
        var extractor = selector.Select(fileName, head);
        if (extractor is null)
            return new(null, new ExtractionResult.Unsupported(UnsupportedReason(fileName)));

        ExtractionResult result;
        var clock = Stopwatch.StartNew();
        try
        {
            result = extractor.Extract(content, limits, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex)
        {
            result = Bug(ex);
        }
        finally
        {
            progress?.AddExtract(clock.Elapsed);
        }
        if (result is ExtractionResult.Container container)
            progress?.AddChars(container.Entries.Sum(e => e.Result.TextRead?.TotalChars ?? 0));
        if (result.TextRead is { } text)
        {
            progress?.AddChars(text.TotalChars);
            // An extractor that ignored the limit: its text is not judged, so a file is never judged on more than others.
            if (text.TotalChars > limits.MaxExtractedChars && !text.Truncated)
                result = new ExtractionResult.LimitReached(nameof(ExtractionLimits.MaxExtractedChars), $"mer än {limits.MaxExtractedChars:N0} tecken text");
        }
        return new(extractor.Name, result);
    }

    /// <summary>
    /// <see cref="Analyze"/> that also hands back what the verdict rests on: the text as the detectors saw it and
    /// their findings (training builds the model's features from them). Text and findings are null/empty when the
    /// file ended before judging or a detector failed; the analysis then says why, as in a scan.
    /// </summary>
    public AnalysisWithEvidence AnalyzeWithEvidence(string fileName, DocumentContent content, ReadOnlySpan<byte> head, ExtractionLimits limits, CancellationToken ct)
    {
        var extraction = Extract(fileName, content, head, limits, ct);
        ExtractedText? judged = null;
        IReadOnlyList<Finding> found = [];
        var analysis = Judge(Named(fileName), extraction, ct, (t, f) => (judged, found) = (t, f));
        return new(analysis, judged, found);
    }

    /// <summary>
    /// The file's verdict from its extraction: a file without text to judge gets its status and reason here (the
    /// one mapping from <see cref="ExtractionResult"/> to a report row), a file with text is judged. The result's
    /// size and time are the caller's to fill in (<see cref="ScanResult.Bytes"/>, <see cref="ScanResult.Elapsed"/>).
    /// </summary>
    /// <param name="item">The file, carried into the result unchanged.</param>
    /// <param name="inspect">Called with the text and findings after detection (see <see cref="AnalyzeWithEvidence"/>).</param>
    internal ScanResult Judge(SourceItem item, DocumentExtraction extraction, CancellationToken ct, Action<ExtractedText, IReadOnlyList<Finding>>? inspect = null)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        if (extraction.Result is ExtractionResult.Container container) return JudgeContainer(item, container, extraction.Extractor, ct);
        return JudgeLeaf(item, extraction.Result, extraction.Extractor, ct, inspect);
    }

    /// <summary>
    /// An archive: each entry judged as a document of its own (its languages, every detector, the policy), never the
    /// entries' texts together, so a name in one file and a diagnosis in another are not one passage; then
    /// <see cref="ContainerVerdict"/> makes the archive's verdict. The entries' text and findings are not inspected:
    /// no single text stands for the archive.
    /// </summary>
    private ScanResult JudgeContainer(SourceItem item, ExtractionResult.Container container, string? extractor, CancellationToken ct)
    {
        var entries = new List<(string Path, ScanResult Result)>(container.Entries.Count);
        foreach (var entry in container.Entries)
        {
            ct.ThrowIfCancellationRequested();
            entries.Add((entry.Path, JudgeLeaf(item, entry.Result, extractor, ct, inspect: null)));
        }
        return ContainerVerdict.Combine(item, extractor, entries, container.Notes);
    }

    /// <summary>One document's text or failure: the status and reason of a failure, no text, or the judged text.</summary>
    private ScanResult JudgeLeaf(SourceItem item, ExtractionResult result, string? extractor, CancellationToken ct, Action<ExtractedText, IReadOnlyList<Finding>>? inspect)
    {
        if (result is ExtractionResult.Failure failure) return Describe(item, failure, extractor);
        var text = result.TextRead!;
        if (text.IsBlank && text.Truncated)
            return new() { Item = item, Status = ScanStatus.Error, StatusDetail = TruncatedUnjudged(0), Extractor = extractor };
        if (text.IsBlank)
        {
            var why = text.PagesWithoutText > 0
                ? $"inget textlager på {text.PagesWithoutText} av {text.PageCount} sidor (skannad?)"
                : "ingen text i filen";
            return new() { Item = item, Status = ScanStatus.NoText, StatusDetail = why, Extractor = extractor };
        }
        return Judge(item, text, extractor ?? "", ct, inspect);
    }

    /// <summary>
    /// From this many characters a document's detectors run in two lanes at once instead of one after the other.
    /// Such a document (a 600-page report, a workbook cut at the text limit) takes its eight detectors seconds on one
    /// core; when it is among the last files of a scan the other core has nothing left to do. Two lanes, not one per
    /// detector: each lane builds its own word and sentence index of the text (a detector lane shares one), so the
    /// extra memory stays one copy of that index, and only for documents this large. One such document at a time
    /// (<see cref="documentInTwoLanes"/>): a second one meanwhile runs in order, as both cores are then busy anyway.
    /// </summary>
    internal const int TwoLaneChars = 1_000_000;

    private int documentInTwoLanes;

    /// <summary>Every detector in list order; stops at the first that throws (its id and the exception).</summary>
    private (string DetectorId, Exception Error)? DetectInOrder(ExtractedText text, List<Finding> findings)
    {
        foreach (var detector in detectors)
        {
            try
            {
                detector.Detect(text, findings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (detector.Id, ex);
            }
        }
        return null;
    }

    /// <summary>
    /// Every detector, two at a time, each into its own list; the lists are joined in detector order, so the findings
    /// (and the first failure reported) are exactly those of <see cref="DetectInOrder"/>.
    /// </summary>
    private (string DetectorId, Exception Error)? DetectInTwoLanes(ExtractedText text, List<Finding> findings, CancellationToken ct)
    {
        var found = new List<Finding>[detectors.Count];
        var errors = new Exception?[detectors.Count];
        try
        {
            Parallel.For(0, detectors.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, i =>
            {
                var own = new List<Finding>();
                try
                {
                    detectors[i].Detect(text, own);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    errors[i] = ex;
                }
                found[i] = own;
            });
        }
        catch (AggregateException wrapped) when (wrapped.InnerExceptions is [OperationCanceledException cancelled, ..])
        {
            // Only a cancellation escapes a lane; it leaves Judge as it does in order, not wrapped.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cancelled);
        }
        for (var i = 0; i < detectors.Count; i++)
        {
            if (errors[i] is { } error) return (detectors[i].Id, error);
            findings.AddRange(found[i]);
        }
        return null;
    }

    /// <summary>Runs every detector over the extracted text and classifies the findings.</summary>
    /// <param name="inspect">Called with the text and findings after detection (see <see cref="AnalyzeWithEvidence"/>).</param>
    public ScanResult Judge(SourceItem item, ExtractedText text, string extractor, CancellationToken ct, Action<ExtractedText, IReadOnlyList<Finding>>? inspect = null)
    {
        ct.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        if (languages is not null) text = text.WithLanguages(languages.Identify(text));
        var findings = new List<Finding>();
        var twoLanes = text.TotalChars >= TwoLaneChars && detectors.Count > 1 && Interlocked.CompareExchange(ref documentInTwoLanes, 1, 0) == 0;
        (string DetectorId, Exception Error)? failed;
        try
        {
            failed = twoLanes ? DetectInTwoLanes(text, findings, ct) : DetectInOrder(text, findings);
        }
        finally
        {
            if (twoLanes) Volatile.Write(ref documentInTwoLanes, 0);
        }
        // The contract says detectors never throw; if one does, the file must not pass as clean.
        if (failed is var (detectorId, error))
            return new() { Item = item, Status = ScanStatus.Error, StatusDetail = $"detektorfel {detectorId}: {error.GetType().Name}", Extractor = extractor };
        progress?.AddDetect(clock.Elapsed);
        inspect?.Invoke(text, findings);

        ct.ThrowIfCancellationRequested();
        clock.Restart();
        var verdict = policy.Classify(findings, text);
        progress?.AddClassify(clock.Elapsed);

        // Only part of the text was read (MaxExtractedChars). Findings in that part stand whatever the rest holds,
        // so a level that already means "must leave M365" is reported; anything lower is not a verdict on the file.
        if (text.Truncated && !verdict.MustLeave)
            return new() { Item = item, Status = ScanStatus.Error, StatusDetail = TruncatedUnjudged(text.TotalChars), Extractor = extractor };

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
            Item = item,
            Status = ScanStatus.Ok,
            // Notes name parts of the document (an attachment's file name): masked like any other sample.
            StatusDetail = text.Notes.Count > 0 ? SafeText.Message(string.Join("; ", text.Notes), MaxNotesLength) : null,
            Classification = verdict,
            Evidence = EvidenceBuilder.Build(findings, text),
            PersonnummerCount = pnr,
            HealthCount = health,
            OslMarking = osl,
            Extractor = extractor,
        };
    }

    /// <summary>
    /// The status and reason of a file without text to judge, as every report shows them. Reasons that may come
    /// from a library are masked (<see cref="SafeText"/>); the scan's own (time limits, open failures) are shown as they are.
    /// </summary>
    public static ScanResult Describe(SourceItem item, ExtractionResult.Failure failure, string? extractor)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var (status, detail) = failure switch
        {
            ExtractionResult.Encrypted(var why) => (ScanStatus.Encrypted, SafeText.Message(why)),
            ExtractionResult.Unsupported(var why) => (ScanStatus.Unsupported, SafeText.Message(why)),
            ExtractionResult.LimitReached(var limit, var why) => (ScanStatus.Error, $"gräns {limit}: {SafeText.Message(why)}"),
            ExtractionResult.Corrupt(var why) => (ScanStatus.Error, "trasig fil: " + SafeText.Message(why)),
            ExtractionResult.TimedOut(var why) => (ScanStatus.Error, why),
            ExtractionResult.Unreadable(var why) => (ScanStatus.Error, why),
            _ => throw new UnreachableException($"unknown failure {failure.GetType().Name}"),
        };
        return new() { Item = item, Status = status, StatusDetail = detail, Extractor = extractor };
    }

    // A file the caller knows by its name only (training and evaluation read a corpus, not a source).
    private static SourceItem Named(string fileName) => new(fileName, fileName, null, null);

    /// <summary>A file larger than <see cref="ExtractionLimits.MaxFileBytes"/>: reported, not read.</summary>
    public static ExtractionResult.LimitReached TooLarge(long size, long max) =>
        new(nameof(ExtractionLimits.MaxFileBytes), $"filen är {size / (1024 * 1024):N0} MB, högst {max / (1024 * 1024):N0} MB läses");

    /// <summary>
    /// An extractor's bug (any exception it was not meant to throw) as the file's result, the same in this process
    /// as in a worker. The type only: a parser's own message may quote the text or bytes it choked on.
    /// </summary>
    public static ExtractionResult.Failure Bug(Exception ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex is OutOfMemoryException
            ? new ExtractionResult.LimitReached("Memory", "för stor att läsa (slut på minne)")
            : new ExtractionResult.Corrupt($"kunde inte läsas ({ex.GetType().Name})");
    }

    private static string TruncatedUnjudged(long charsRead) =>
        $"gräns MaxExtractedChars: filen har mer text än gränsen; den lästa delen ({charsRead:N0} tecken) räcker inte för en bedömning och resten är oläst";

    private static string UnsupportedReason(string fileName)
    {
        var ext = Path.GetExtension(fileName);
        return string.IsNullOrEmpty(ext) ? "okänt format (ingen filändelse)" : $"format som inte läses: {ext.ToLowerInvariant()}";
    }
}
