using System.Diagnostics;
using System.Threading.Channels;
using ClassScan.Core.Scanning;

namespace ClassScan.Pipeline;

/// <summary>
/// Runs a scan as bounded channel stages: enumerate (1) → fetch (I/O, <see cref="ScanOptions.FetchParallelism"/>)
/// → analyze (CPU, <see cref="ScanOptions.Parallelism"/>: extract, detect, classify fused) → report (1).
/// Bounded channels with FullMode=Wait give back-pressure: a slow stage slows the listing instead of
/// filling memory, and nothing is ever dropped. Per-file failures are result rows; only a failing source
/// listing or a failing sink (disk full) stops the scan, and the summary still says so.
/// </summary>
public sealed class ScanPipeline(
    IDocumentSource source,
    DocumentAnalyzer analyzer,
    ScanOptions options,
    TimeProvider time,
    ScanProgress progress)
{
    /// <summary>
    /// Scans everything the source lists and writes each result to <paramref name="sink"/>.
    /// <paramref name="stop"/> (first Ctrl+C) stops taking new files and lets files in flight finish;
    /// <paramref name="abort"/> (second Ctrl+C) abandons files in flight. Either way the sink is completed
    /// with a summary marked incomplete. Throws only if the sink itself cannot be completed.
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

        var items = Channel.CreateBounded<SourceItem>(new BoundedChannelOptions(Math.Max(1, options.EnumerationBuffer))
        { FullMode = BoundedChannelFullMode.Wait, SingleWriter = true });
        var fetched = Channel.CreateBounded<FetchedDocument>(new BoundedChannelOptions(Math.Max(1, options.Parallelism))
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
                    await items.Writer.WriteAsync(item, both.Token).ConfigureAwait(false);
                }
                enumerationComplete = true;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested || hardStop.IsCancellationRequested) { }
            catch (Exception ex)
            {
                Fail("källan kunde inte listas: " + Core.Privacy.SafeText.Message(ex.Message));
            }
            finally
            {
                progress.MarkEnumerationFinished();
                items.Writer.TryComplete();
            }
        });

        var fetchers = Enumerable.Range(0, Math.Max(1, options.FetchParallelism)).Select(_ => Task.Run(async () =>
        {
            try
            {
                while (!stop.IsCancellationRequested && await items.Reader.WaitToReadAsync(hardStop).ConfigureAwait(false))
                {
                    while (!stop.IsCancellationRequested && items.Reader.TryRead(out var item))
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

        var analyzers = Enumerable.Range(0, Math.Max(1, options.Parallelism)).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var doc in fetched.Reader.ReadAllAsync(hardStop).ConfigureAwait(false))
                {
                    var result = await AnalyzeAsync(doc, hardStop).ConfigureAwait(false);
                    await results.Writer.WriteAsync(result, hardStop).ConfigureAwait(false);
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
                    Fail("rapporten kunde inte skrivas: " + Core.Privacy.SafeText.Message(ex.Message));
                }
                progress.AddReport(clock.Elapsed);
                progress.AddCompleted();
            }
        });

        await enumerate.ConfigureAwait(false);
        await Task.WhenAll(fetchers).ConfigureAwait(false);
        fetched.Writer.TryComplete();
        await Task.WhenAll(analyzers).ConfigureAwait(false);
        // After an abort, documents fetched but never analysed still hold streams and pooled buffers.
        while (fetched.Reader.TryRead(out var leftover)) leftover.Dispose();
        results.Writer.TryComplete();
        await report.ConfigureAwait(false);

        var complete = enumerationComplete && !stop.IsCancellationRequested && !hardStop.IsCancellationRequested && fatalReason is null;
        var summary = counts.ToSummary(started, time.GetUtcNow(), complete,
            complete ? null : fatalReason ?? (abort.IsCancellationRequested ? "avbruten (pågående filer övergavs)" : "avbruten av användaren"),
            progress.ExtractedChars);
        await sink.CompleteAsync(summary, CancellationToken.None).ConfigureAwait(false);
        return summary;
    }

    private async Task<FetchedDocument> FetchAsync(SourceItem item, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (item.EnumerationError is { } why)
                return FetchedDocument.Failed(item, new() { Status = ScanStatus.Error, StatusDetail = why }, clock.Elapsed);
            if (item.Size > options.Limits.MaxFileBytes)
                return FetchedDocument.Failed(item, DocumentAnalyzer.Failure(new FileTooLargeException(item.Size.Value, options.Limits.MaxFileBytes), null), clock.Elapsed);

            var raw = await source.OpenReadAsync(item, ct).ConfigureAwait(false);
            var seekable = await ContentSpooler.MakeSeekableAsync(raw, options.Limits.MaxFileBytes, options.InMemoryBufferBytes, ct).ConfigureAwait(false);
            var doc = FetchedDocument.Opened(item, seekable, clock.Elapsed);
            progress.AddBytes(doc.Bytes);
            return doc;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { throw; }
        catch (FileTooLargeException ex)
        {
            return FetchedDocument.Failed(item, new() { Status = ScanStatus.Error, StatusDetail = ex.Message }, clock.Elapsed);
        }
        catch (Exception ex)
        {
            return FetchedDocument.Failed(item, new()
            {
                Status = ScanStatus.Error,
                StatusDetail = $"kunde inte öppnas ({ex.GetType().Name}): {Core.Privacy.SafeText.Message(ex.Message)}",
            }, clock.Elapsed);
        }
        finally
        {
            progress.AddFetch(clock.Elapsed);
        }
    }

    private async Task<ScanResult> AnalyzeAsync(FetchedDocument doc, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (doc.Failure is { } failure)
        {
            doc.Dispose();
            return ToResult(doc, failure, doc.FetchTime);
        }

        // Parsers do not all honour cancellation (PdfPig, OpenXml), so the work runs as its own task that
        // the worker can walk away from when the per-file timeout passes. The abandoned task keeps the
        // document until it ends, then releases it.
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = Task.Run(() => analyzer.Analyze(doc.Item.Name, doc.Content!, doc.Head.Span, options.Limits, cts.Token), CancellationToken.None);
        DocumentAnalysis analysis;
        try
        {
            analysis = await work.WaitAsync(options.FileTimeout, ct).ConfigureAwait(false);
            doc.Dispose();
        }
        catch (TimeoutException)
        {
            cts.Cancel();
            _ = work.ContinueWith(static (t, state) => { _ = t.Exception; ((FetchedDocument)state!).Dispose(); }, doc,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            analysis = new() { Status = ScanStatus.Error, StatusDetail = $"tidsgräns: läsningen tog mer än {options.FileTimeout.TotalSeconds:0} s och avbröts" };
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            cts.Cancel();
            _ = work.ContinueWith(static (t, state) => { _ = t.Exception; ((FetchedDocument)state!).Dispose(); }, doc,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            throw;
        }
        catch (Exception ex)
        {
            doc.Dispose();
            analysis = DocumentAnalyzer.Failure(ex, null);
        }
        return ToResult(doc, analysis, doc.FetchTime + clock.Elapsed);
    }

    private static ScanResult ToResult(FetchedDocument doc, DocumentAnalysis a, TimeSpan elapsed) => new()
    {
        Item = doc.Item,
        Status = a.Status,
        StatusDetail = a.StatusDetail,
        Classification = a.Classification,
        Evidence = a.Evidence,
        PersonnummerCount = a.PersonnummerCount,
        HealthCount = a.HealthCount,
        OslMarking = a.OslMarking,
        Bytes = doc.Bytes > 0 ? doc.Bytes : doc.Item.Size ?? 0,
        Extractor = a.Extractor,
        Elapsed = elapsed,
    };
}
