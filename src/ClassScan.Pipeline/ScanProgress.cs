namespace ClassScan.Pipeline;

/// <summary>
/// Live counters of a running scan, updated with Interlocked by the stages and read by a progress display
/// or the benchmark. Polling counters keeps the hot path free of callbacks.
/// </summary>
public sealed class ScanProgress
{
    private long ocrPages, ocrTicks, enumerated, completed, bytesRead, extractedChars, fetchTicks, extractTicks, detectTicks, classifyTicks, reportTicks;
    private int enumerationFinished;

    public long Enumerated => Interlocked.Read(ref enumerated);
    public long Completed => Interlocked.Read(ref completed);
    public long BytesRead => Interlocked.Read(ref bytesRead);
    public long ExtractedChars => Interlocked.Read(ref extractedChars);
    public bool EnumerationFinished => Volatile.Read(ref enumerationFinished) == 1;

    /// <summary>Time spent per stage summed over workers (so with 2 workers it can exceed wall time).</summary>
    public TimeSpan FetchTime => TimeSpan.FromTicks(Interlocked.Read(ref fetchTicks));
    public TimeSpan ExtractTime => TimeSpan.FromTicks(Interlocked.Read(ref extractTicks));
    public TimeSpan DetectTime => TimeSpan.FromTicks(Interlocked.Read(ref detectTicks));
    public TimeSpan ClassifyTime => TimeSpan.FromTicks(Interlocked.Read(ref classifyTicks));
    public TimeSpan ReportTime => TimeSpan.FromTicks(Interlocked.Read(ref reportTicks));

    /// <summary>Pages read by OCR (whatever they gave), and the time OCR took summed over its workers.</summary>
    public long OcrPages => Interlocked.Read(ref ocrPages);
    public TimeSpan OcrTime => TimeSpan.FromTicks(Interlocked.Read(ref ocrTicks));

    internal void AddEnumerated() => Interlocked.Increment(ref enumerated);
    internal void AddCompleted() => Interlocked.Increment(ref completed);
    internal void AddBytes(long n) => Interlocked.Add(ref bytesRead, n);
    internal void AddChars(long n) => Interlocked.Add(ref extractedChars, n);
    internal void MarkEnumerationFinished() => Volatile.Write(ref enumerationFinished, 1);
    internal void AddFetch(TimeSpan t) => Interlocked.Add(ref fetchTicks, t.Ticks);
    internal void AddExtract(TimeSpan t) => Interlocked.Add(ref extractTicks, t.Ticks);
    internal void AddDetect(TimeSpan t) => Interlocked.Add(ref detectTicks, t.Ticks);
    internal void AddClassify(TimeSpan t) => Interlocked.Add(ref classifyTicks, t.Ticks);
    internal void AddReport(TimeSpan t) => Interlocked.Add(ref reportTicks, t.Ticks);
    internal void AddOcrPage(TimeSpan t)
    {
        Interlocked.Increment(ref ocrPages);
        Interlocked.Add(ref ocrTicks, t.Ticks);
    }
}
