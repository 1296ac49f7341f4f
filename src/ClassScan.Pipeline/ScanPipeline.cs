using System.Diagnostics;
using System.Threading.Channels;
using ClassScan.Core.Documents;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// Runs a scan as bounded channel stages: enumerate (1) → fetch (I/O, <see cref="ScanOptions.FetchParallelism"/>;
/// in listing order, the last files listed largest first, <see cref="ListedFiles"/>)
/// → extract (CPU, usually in worker processes, <see cref="ScanOptions.Parallelism"/>) → detect and classify
/// (CPU, in this process, <see cref="ScanOptions.Parallelism"/>) → report (1). Extraction and detection are
/// separate stages so that one file's detection overlaps the next file's parsing: the cores stay busy while a
/// worker process is between files. A file with pages without a text layer (a scan, an image) takes a side path
/// between extract and judge: the OCR stage (<see cref="ScanOptions.OcrParallelism"/> workers, its own bounded
/// channel, per-page and per-file limits), while ordinary files go straight on and overtake it. Bounded channels with FullMode=Wait give back-pressure: a slow stage slows
/// the listing instead of filling memory, and nothing is ever dropped. Per-file failures are result rows; only a failing source
/// listing or a failing sink (disk full) stops the scan, and the summary still says so.
/// </summary>
public sealed class ScanPipeline(
    IDocumentSource source,
    DocumentAnalyzer analyzer,
    ScanOptions options,
    TimeProvider time,
    ScanProgress progress,
    IPageRecognizer? ocr = null,
    string? ocrUnavailable = null)
{
    /// <summary>Scanned files waiting for OCR: enough that ordinary files never queue behind one slow scan, bounded so memory is.</summary>
    private const int OcrQueueCapacity = 64;

    private readonly OcrStage? ocrStage = ocr is null ? null : new OcrStage(ocr, options, progress);

    /// <summary>
    /// Scans everything the source lists and writes each result to <paramref name="sink"/>.
    /// <paramref name="stop"/> (first Ctrl+C) stops taking new files and lets files in flight finish;
    /// <paramref name="abort"/> (second Ctrl+C) abandons files in flight. Either way the sink is completed
    /// with a summary marked incomplete. A sink that fails (disk full, folder read-only) also ends the run
    /// incomplete, with the cause as the reason; the pipeline does not throw for it.
    /// </summary>
    public async Task<ScanSummary> RunAsync(IScanResultSink sink, CancellationToken stop, CancellationToken abort = default)
    {
        var started = time.GetUtcNow();
        using var fatal = CancellationTokenSource.CreateLinkedTokenSource(abort);
        var hardStop = fatal.Token;
        string? fatalReason = null;
        void Fail(string reason)
        {
            Interlocked.CompareExchange(ref fatalReason, reason, null);
            fatal.Cancel();
        }

        var items = new ListedFiles(Math.Max(1, options.EnumerationBuffer));
        var fetched = Channel.CreateBounded<FetchedDocument>(new BoundedChannelOptions(Math.Max(1, options.Parallelism))
        { FullMode = BoundedChannelFullMode.Wait });
        var extracted = Channel.CreateBounded<ExtractedDocument>(new BoundedChannelOptions(Math.Max(1, options.Parallelism))
        { FullMode = BoundedChannelFullMode.Wait });
        var ocrQueue = Channel.CreateBounded<ExtractedDocument>(new BoundedChannelOptions(OcrQueueCapacity)
        { FullMode = BoundedChannelFullMode.Wait });
        var results = Channel.CreateBounded<ScanResult>(new BoundedChannelOptions(Math.Max(4, options.Parallelism * 4))
        { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

        var enumerationComplete = false;
        var enumerate = Task.Run(async () =>
        {
            try
            {
                using var both = CancellationTokenSource.CreateLinkedTokenSource(stop, hardStop);
                await foreach (var item in source.EnumerateAsync(both.Token).WithCancellation(both.Token).ConfigureAwait(false))
                {
                    progress.AddEnumerated();
                    await items.WriteAsync(item, both.Token).ConfigureAwait(false);
                }
                enumerationComplete = true;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || hardStop.IsCancellationRequested) { }
            catch (Exception ex)
            {
                // A state-keeping source writes while listing: its full disk is named as such, not as a listing error.
                Fail(ex is OutputWriteException ? ex.Message : "källan kunde inte listas: " + Core.Privacy.SafeText.Message(ex.Message));
            }
            finally
            {
                progress.MarkEnumerationFinished();
                items.Complete();
            }
        });

        var fetchers = Enumerable.Range(0, Math.Max(1, options.FetchParallelism)).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested && await items.WaitToReadAsync(hardStop).ConfigureAwait(false))
                {
                    while (!stop.IsCancellationRequested && items.TryRead(out var item))
                    {
                        var doc = await FetchAsync(item, hardStop).ConfigureAwait(false);
                        try
                        {
                            await fetched.Writer.WriteAsync(doc, hardStop).ConfigureAwait(false);
                        }
                        catch
                        {
                            doc.Dispose();
                            throw;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested) { }
        })).ToArray();

        var extractors = Enumerable.Range(0, Math.Max(1, options.Parallelism)).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var doc in fetched.Reader.ReadAllAsync(hardStop).ConfigureAwait(false))
                {
                    var extractedDoc = await ExtractAsync(doc, hardStop).ConfigureAwait(false);
                    try
                    {
                        await (extractedDoc.OcrFile is null ? extracted : ocrQueue).Writer.WriteAsync(extractedDoc, hardStop).ConfigureAwait(false);
                    }
                    catch
                    {
                        extractedDoc.DeleteSpooled();
                        throw;
                    }
                }
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested) { }
        })).ToArray();

        // Each OCR worker holds one file at a time; a file's own pages are read in turn (one tesseract per worker).
        var ocrWorkers = Enumerable.Range(0, ocrStage is null ? 0 : Math.Max(1, options.OcrParallelism)).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var doc in ocrQueue.Reader.ReadAllAsync(hardStop).ConfigureAwait(false))
                {
                    ExtractedDocument read;
                    try
                    {
                        read = await OcrAsync(doc, stop, hardStop).ConfigureAwait(false);
                    }
                    finally
                    {
                        doc.DeleteSpooled();
                    }
                    await extracted.Writer.WriteAsync(read, hardStop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested) { }
        })).ToArray();

        var judges = Enumerable.Range(0, Math.Max(1, options.Parallelism)).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (await extracted.Reader.WaitToReadAsync(hardStop).ConfigureAwait(false))
                {
                    // The document is taken inside JudgeNextAsync so that nothing here holds its text once judged.
                    if (await JudgeNextAsync(extracted.Reader, hardStop).ConfigureAwait(false) is not (var result, var chars)) continue;
                    await results.Writer.WriteAsync(result, hardStop).ConfigureAwait(false);
                    if (chars >= TrimAfterJudgedChars) ReleaseMemoryAfterLargeDocument();
                }
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested) { }
        })).ToArray();

        var counts = new SummaryCounter();
        var report = Task.Run(async () =>
        {
            await foreach (var result in results.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (counts.SinkFailed) continue; // drain so the workers can finish; the scan is already marked failed
                var clock = Stopwatch.StartNew();
                try
                {
                    await sink.WriteAsync(result, CancellationToken.None).ConfigureAwait(false);
                    counts.Add(result);
                }
                catch (Exception ex)
                {
                    counts.SinkFailed = true;
                    Fail(ReportFailure(ex));
                }
                progress.AddReport(clock.Elapsed);
                progress.AddCompleted();
            }
        });

        await enumerate.ConfigureAwait(false);
        await Task.WhenAll(fetchers).ConfigureAwait(false);
        fetched.Writer.TryComplete();
        await Task.WhenAll(extractors).ConfigureAwait(false);
        // After an abort, documents fetched but never extracted still hold streams and pooled buffers.
        while (fetched.Reader.TryRead(out var leftover)) leftover.Dispose();
        ocrQueue.Writer.TryComplete();
        await Task.WhenAll(ocrWorkers).ConfigureAwait(false);
        // After an abort, files still waiting for OCR may hold a spooled copy: it is deleted, never left behind.
        while (ocrQueue.Reader.TryRead(out var waiting)) waiting.DeleteSpooled();
        extracted.Writer.TryComplete();
        await Task.WhenAll(judges).ConfigureAwait(false);
        results.Writer.TryComplete();
        await report.ConfigureAwait(false);

        var complete = enumerationComplete && !stop.IsCancellationRequested && !hardStop.IsCancellationRequested && fatalReason is null;
        var summary = counts.ToSummary(started, time.GetUtcNow(), complete,
            complete ? null : fatalReason ?? (abort.IsCancellationRequested ? "avbruten (pågående filer övergavs)" : "avbruten av användaren"),
            progress.ExtractedChars);
        try
        {
            await sink.CompleteAsync(summary, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The reports (or the state) could not be finished: the sinks keep last night's files, and the run
            // ends incomplete naming the cause instead of crashing. A write that failed earlier already named it.
            var why = ReportFailure(ex);
            summary = summary with
            {
                Complete = false,
                IncompleteReason = counts.SinkFailed ? summary.IncompleteReason : summary.IncompleteReason is { } earlier ? earlier + "; " + why : why,
            };
        }
        return summary;
    }

    /// <summary>The incomplete reason for a sink failure: "rapporten kunde inte skrivas: utdatamappen är full (…)".</summary>
    private static string ReportFailure(Exception ex) =>
        ex is OutputWriteException ? ex.Message : "rapporten kunde inte skrivas: " + OutputWriteException.Describe(ex);

    private async Task<FetchedDocument> FetchAsync(SourceItem item, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (item.EnumerationError is { } why)
                return FetchedDocument.Failed(item, item.EnumerationStatus == ScanStatus.Unsupported
                    ? new ExtractionResult.Unsupported(why)
                    : new ExtractionResult.Unreadable(why), clock.Elapsed);
            if (item.Size > options.Limits.MaxFileBytes)
                return FetchedDocument.Failed(item, DocumentAnalyzer.TooLarge(item.Size.Value, options.Limits.MaxFileBytes), clock.Elapsed);

            // Opening and the first read block in the kernel on a share that stopped answering, or on a named pipe
            // nobody writes to; cancellation cannot reach them. So the open runs as its own task that the fetcher
            // walks away from after FetchTimeout, like a hung parser; a stream it opens late is disposed.
            var open = Task.Run(async () =>
            {
                for (var attempt = 1; ; attempt++)
                {
                    var raw = await source.OpenReadAsync(item, ct).ConfigureAwait(false);
                    try
                    {
                        var read = await FetchedDocument.ReadAsync(item, raw, options, ct).ConfigureAwait(false);
                        return read.Timed(clock.Elapsed);
                    }
                    catch (ContentMismatchException ex) when (attempt >= 2)
                    {
                        return FetchedDocument.Failed(item, new ExtractionResult.Unreadable(ex.Message + " efter omförsök"), clock.Elapsed);
                    }
                    catch (ContentMismatchException)
                    {
                        // The bytes read disagree with the source's own checksum: read the item once more, afresh.
                    }
                }
            }, CancellationToken.None);
            FetchedDocument doc;
            try
            {
                doc = await open.WaitAsync(options.FetchTimeout, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                _ = open.ContinueWith(static t => { if (t.IsCompletedSuccessfully) t.Result.Dispose(); else _ = t.Exception; },
                    CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                if (ex is not TimeoutException) throw;
                return FetchedDocument.Failed(item, new ExtractionResult.TimedOut(
                    $"tidsgräns: filen kunde inte öppnas eller läsas på {options.FetchTimeout.TotalSeconds:0} s (en resurs som inte svarar, eller en specialfil som en namngiven pipe)"),
                    clock.Elapsed);
            }
            progress.AddBytes(doc.Bytes);
            return doc;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (NotAFileException ex)
        {
            // A source that finds at open time that the entry is nothing it reads (it became a pipe after listing).
            return FetchedDocument.Failed(item, new ExtractionResult.Unsupported(ex.Message), clock.Elapsed);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Deleted or moved between listing and reading: normal on a live share, and the row must say so
            // rather than look like a read failure of an existing file.
            return FetchedDocument.Failed(item, new ExtractionResult.Unreadable("filen försvann innan den lästes"), clock.Elapsed);
        }
        catch (Exception ex)
        {
            return FetchedDocument.Failed(item, new ExtractionResult.Unreadable(
                $"kunde inte öppnas ({ex.GetType().Name}): {Core.Privacy.SafeText.Message(ex.Message)}"), clock.Elapsed);
        }
        finally
        {
            progress.AddFetch(clock.Elapsed);
        }
    }

    /// <summary>Extracts one fetched document within the per-file timeout; the document is disposed when done.</summary>
    private async Task<ExtractedDocument> ExtractAsync(FetchedDocument doc, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (doc.Failure is { } failure)
        {
            doc.Dispose();
            return new(doc.Item, doc.Bytes, doc.FetchTime, new DocumentExtraction(null, failure));
        }

        DocumentExtraction extraction;
        try
        {
            extraction = await WithinTimeoutAsync(
                token => analyzer.Extract(doc.Item.Name, doc.Content!, doc.Head.Span, options.Limits, token),
                "läsningen", abandoned: doc, ct).ConfigureAwait(false);
            if (OcrStage.Needs(extraction))
            {
                var ready = await PrepareOcrAsync(doc, extraction, clock, ct).ConfigureAwait(false);
                doc.Dispose();
                return ready;
            }
            doc.Dispose();
        }
        catch (TimeoutException ex)
        {
            extraction = new(null, new ExtractionResult.TimedOut(ex.Message));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (Exception ex)
        {
            doc.Dispose();
            extraction = new(null, DocumentAnalyzer.Bug(ex));
        }
        return new(doc.Item, doc.Bytes, doc.FetchTime + clock.Elapsed, extraction);
    }

    /// <summary>
    /// A document whose extraction found pages without a text layer: with OCR, bound for the OCR stage with a local
    /// file to read (the source's own file, or a private copy of a download, deleted after OCR); without, marked so the
    /// row says "OCR saknas".
    /// </summary>
    private async Task<ExtractedDocument> PrepareOcrAsync(FetchedDocument doc, DocumentExtraction extraction, Stopwatch clock, CancellationToken ct)
    {
        var text = extraction.Result.TextRead!;
        if (ocrStage is null)
        {
            return new(doc.Item, doc.Bytes, doc.FetchTime + clock.Elapsed, extraction)
            {
                Ocr = new OcrOutcome(0, 0, [], text.PageCount, ocrUnavailable ?? "OCR är avstängt"),
            };
        }
        if (doc.Item.LocalPath is { } path && Path.IsPathFullyQualified(path))
            return new(doc.Item, doc.Bytes, doc.FetchTime + clock.Elapsed, extraction) { OcrFile = path };
        try
        {
            var stream = doc.Content!.Stream;
            stream.Position = 0;
            var spooled = await ContentSpooler.ToPrivateFileAsync(stream, ct).ConfigureAwait(false);
            return new(doc.Item, doc.Bytes, doc.FetchTime + clock.Elapsed, extraction) { OcrFile = spooled, OcrFileIsSpooled = true };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            var unread = text.TextlessPages.Select(p => (p, $"kunde inte sparas till en tillfällig fil för OCR ({ex.GetType().Name})")).ToList();
            return new(doc.Item, doc.Bytes, doc.FetchTime + clock.Elapsed, extraction with
            {
                Result = new ExtractionResult.Text(OcrStage.Merge(text, [], new OcrOutcome(0, 0, unread, text.PageCount), options.Limits.MaxExtractedChars)),
            })
            {
                Ocr = new OcrOutcome(0, 0, unread, text.PageCount),
            };
        }
    }

    /// <summary>
    /// OCR of one document bound for it. After the first Ctrl+C (<paramref name="stop"/>) files still waiting are not
    /// read but listed with their pages unread, so stopping does not wait for a queue of scans.
    /// </summary>
    private async Task<ExtractedDocument> OcrAsync(ExtractedDocument doc, CancellationToken stop, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var text = doc.Extraction.Result.TextRead!;
        if (stop.IsCancellationRequested)
        {
            var unread = text.TextlessPages.Select(p => (p, "skanningen avbröts före OCR")).ToList();
            var outcome = new OcrOutcome(0, 0, unread, text.PageCount);
            return doc with
            {
                Extraction = doc.Extraction with { Result = new ExtractionResult.Text(OcrStage.Merge(text, [], outcome, options.Limits.MaxExtractedChars)) },
                Ocr = outcome,
                OcrFile = null,
            };
        }
        var (extraction, ocrOutcome) = await ocrStage!.ReadAsync(doc.Extraction, doc.OcrFile!, ct).ConfigureAwait(false);
        return doc with { Extraction = extraction, Ocr = ocrOutcome, OcrFile = null, Elapsed = doc.Elapsed + clock.Elapsed };
    }

    /// <summary>
    /// Judges the next extracted document, if another lane did not take it first, and says how much text it had.
    /// </summary>
    private async Task<(ScanResult Result, long Chars)?> JudgeNextAsync(ChannelReader<ExtractedDocument> reader, CancellationToken ct)
    {
        if (!reader.TryRead(out var doc)) return null;
        var chars = TextChars(doc.Extraction.Result);
        return (await JudgeAsync(doc, ct).ConfigureAwait(false), chars);
    }

    private static long TextChars(ExtractionResult result) => result switch
    {
        ExtractionResult.Container c => c.Entries.Sum(e => TextChars(e.Result)),
        _ => result.TextRead?.TotalChars ?? 0,
    };

    // Judging a document at the text limit (16 M characters) takes ~120 MB beside its text: lowered copies, word
    // and sentence indexes, language samples. The GC keeps that heap committed for the next burst, so without a trim
    // the scanner stayed ~100 MB above its working size for as long as it judged small files after one big one, and
    // when a worker then met a heavy file of its own the two peaks added up. A blocking compacting collection costs
    // tens of milliseconds, next to the seconds such a document takes to judge.
    private const long TrimAfterJudgedChars = 2L * 1024 * 1024;

    private static void ReleaseMemoryAfterLargeDocument() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Detects and classifies one extracted document within the per-file timeout.</summary>
    private async Task<ScanResult> JudgeAsync(ExtractedDocument doc, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        ScanResult result;
        if (doc.Extraction.Result is ExtractionResult.Failure)
        {
            result = analyzer.Judge(doc.Item, doc.Extraction, ct); // nothing to judge: the status and reason only
        }
        else
        {
            try
            {
                result = await WithinTimeoutAsync(token => analyzer.Judge(doc.Item, doc.Extraction, token),
                    "analysen", abandoned: null, ct).ConfigureAwait(false);
            }
            catch (TimeoutException ex)
            {
                result = new() { Item = doc.Item, Status = ScanStatus.Error, StatusDetail = ex.Message, Extractor = doc.Extraction.Extractor };
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
            catch (Exception ex)
            {
                // A classifier or rule failure on one file must not end the stage (and the scan): the file is not judged.
                result = new() { Item = doc.Item, Status = ScanStatus.Error, StatusDetail = $"bedömningen misslyckades ({ex.GetType().Name})", Extractor = doc.Extraction.Extractor };
            }
        }
        if (doc.Ocr is { } ocrOutcome) result = OcrStage.Finish(result, ocrOutcome);
        // The analyzer judges content; the size read and the time taken are the pipeline's.
        return result with { Bytes = doc.Bytes > 0 ? doc.Bytes : doc.Item.Size ?? 0, Elapsed = doc.Elapsed + clock.Elapsed };
    }

    /// <summary>
    /// Runs CPU work as its own task that the stage can walk away from: parsers do not all honour cancellation
    /// (PdfPig, OpenXml), so when <see cref="ScanOptions.FileTimeout"/> passes the stage moves on and the abandoned
    /// task releases <paramref name="abandoned"/> when it finally ends. Throws <see cref="TimeoutException"/>
    /// with a Swedish message naming <paramref name="what"/>.
    /// </summary>
    private async Task<T> WithinTimeoutAsync<T>(Func<CancellationToken, T> work, string what, IDisposable? abandoned, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var task = Task.Run(() => work(cts.Token), CancellationToken.None);
        try
        {
            return await task.WaitAsync(options.FileTimeout, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException || (ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            cts.Cancel();
            _ = task.ContinueWith(static (t, state) => { _ = t.Exception; (state as IDisposable)?.Dispose(); }, abandoned,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            if (ex is TimeoutException)
                throw new TimeoutException($"tidsgräns: {what} tog mer än {options.FileTimeout.TotalSeconds:0} s och avbröts", ex);
            throw;
        }
    }

    /// <summary>
    /// A document between the extract and detect stages: its extraction result; on its way to OCR, the local file OCR
    /// reads (<see cref="OcrFileIsSpooled"/>: a private copy to delete); after OCR, what it did.
    /// </summary>
    private sealed record ExtractedDocument(SourceItem Item, long Bytes, TimeSpan Elapsed, DocumentExtraction Extraction)
    {
        public string? OcrFile { get; init; }
        public bool OcrFileIsSpooled { get; init; }
        public OcrOutcome? Ocr { get; init; }

        /// <summary>Deletes the private copy made for OCR, if any (idempotent).</summary>
        public void DeleteSpooled()
        {
            if (OcrFileIsSpooled && OcrFile is { } path) ContentSpooler.DeletePrivateFile(path);
        }
    }
}
