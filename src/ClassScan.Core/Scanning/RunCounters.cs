namespace ClassScan.Core.Scanning;

/// <summary>
/// What a run did, counted by the sources, the state stages and the HTTP layer (Interlocked: several stages add at once).
/// In Core so that the Graph HTTP handler can count requests without knowing the state.
/// Saved in the run history; the request counts are what a tenant's throttling budget sees.
/// </summary>
public sealed class RunCounters
{
    private long listed, unchanged, queued, deleted, skipped, requests, throttled, retries, downloads, resyncs, resourceUnits;

    public long Listed => Interlocked.Read(ref listed);
    public long Unchanged => Interlocked.Read(ref unchanged);
    public long Queued => Interlocked.Read(ref queued);
    public long Deleted => Interlocked.Read(ref deleted);
    public long Skipped => Interlocked.Read(ref skipped);
    public long Requests => Interlocked.Read(ref requests);
    public long Throttled => Interlocked.Read(ref throttled);
    public long Retries => Interlocked.Read(ref retries);
    public long Downloads => Interlocked.Read(ref downloads);
    public long Resyncs => Interlocked.Read(ref resyncs);

    /// <summary>SharePoint resource units the Graph requests cost (Microsoft's published costs), as the tenant budget counts them.</summary>
    public long ResourceUnits => Interlocked.Read(ref resourceUnits);

    public void AddListed() => Interlocked.Increment(ref listed);
    public void AddUnchanged() => Interlocked.Increment(ref unchanged);
    public void AddQueued() => Interlocked.Increment(ref queued);
    public void AddDeleted(long n = 1) => Interlocked.Add(ref deleted, n);
    public void AddSkipped() => Interlocked.Increment(ref skipped);
    public void AddRequest() => Interlocked.Increment(ref requests);
    public void AddThrottled() => Interlocked.Increment(ref throttled);
    public void AddRetry() => Interlocked.Increment(ref retries);
    public void AddDownload() => Interlocked.Increment(ref downloads);
    public void AddResync() => Interlocked.Increment(ref resyncs);
    public void AddResourceUnits(long n) => Interlocked.Add(ref resourceUnits, n);
}
