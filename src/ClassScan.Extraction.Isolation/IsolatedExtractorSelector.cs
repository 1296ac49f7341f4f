using System.Collections.Concurrent;
using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Isolation;

/// <summary>
/// Runs the real extractors in a pool of worker processes. Chooses the extractor in-process, once (so unsupported
/// formats cost nothing, and the worker neither sniffs nor reads a head again), then sends its name and the
/// content (a local file's path or the bytes, as <see cref="DocumentContent"/> says) to an idle worker. A parser that overflows its stack, blows
/// the heap limit or ignores cancellation kills only its worker: the file gets an error status, the worker is
/// replaced, and on timeout the process is killed so its CPU is truly freed. Thread-safe.
/// </summary>
public sealed class IsolatedExtractorSelector : IExtractorSelector, IDisposable
{
    private readonly IExtractorSelector inner;
    private readonly WorkerCommand command;
    private readonly ConcurrentBag<WorkerProcess> idle = [];
    private readonly ConcurrentDictionary<WorkerProcess, byte> live = new();
    private long started, peakMax, peakSum;
    private int disposed;

    public IsolatedExtractorSelector(IExtractorSelector inner, WorkerCommand command)
    {
        this.inner = inner;
        this.command = command;
    }

    public ITextExtractor? Select(string fileName, ReadOnlySpan<byte> head)
    {
        var real = inner.Select(fileName, head);
        return real is null ? null : new IsolatedExtractor(this, real.Name);
    }

    internal ExtractionResult Extract(string extractor, DocumentContent content, ExtractionLimits limits, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!idle.TryTake(out var worker)) worker = Start();
        try
        {
            return worker.Extract(extractor, content, limits, ct);
        }
        finally
        {
            if (worker.Healthy && Volatile.Read(ref disposed) == 0) idle.Add(worker);
            else worker.Dispose();
        }
    }

    private WorkerProcess Start()
    {
        var worker = new WorkerProcess(command);
        Interlocked.Increment(ref started);
        live[worker] = 0;
        worker.Exited += w =>
        {
            var peak = w.PeakResidentBytes();
            Interlocked.Add(ref peakSum, peak);
            long seen;
            while (peak > (seen = Interlocked.Read(ref peakMax)) && Interlocked.CompareExchange(ref peakMax, peak, seen) != seen) { }
            live.TryRemove(w, out _);
        };
        return worker;
    }

    /// <summary>Worker processes started so far (replacements after a crash or timeout included).</summary>
    public long WorkersStarted => Interlocked.Read(ref started);

    /// <summary>Largest peak resident set (VmHWM) of a worker that has ended, in bytes (Linux; 0 elsewhere).</summary>
    public long WorkerPeakMaxBytes => Interlocked.Read(ref peakMax);

    /// <summary>Sum of the peak resident sets of the workers that have ended, in bytes (an upper bound of their combined peak).</summary>
    public long WorkerPeakSumBytes => Interlocked.Read(ref peakSum);

    /// <summary>Current resident set of the live workers together, in bytes (Linux; 0 elsewhere): for sampling.</summary>
    public long WorkersResidentBytes()
    {
        long sum = 0;
        foreach (var w in live.Keys) sum += w.ResidentBytes();
        return sum;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref disposed, 1);
        while (idle.TryTake(out var w)) w.Dispose();
    }

    private sealed class IsolatedExtractor(IsolatedExtractorSelector owner, string name) : ITextExtractor
    {
        public string Name => name;

        public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
            owner.Extract(name, content, limits, ct);
    }
}
