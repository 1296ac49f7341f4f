namespace ClassScan.State.Work;

/// <summary>
/// Keeps a node's leases alive: every third of the lease it tells the registry the node lives (with its counters)
/// and learns which units it still holds. A unit taken before a beat and missing from that beat's answer was lost
/// (the node stalled past its lease and another took it over): <see cref="Lost"/> says so, and the source stops
/// handing out its files. A failed beat is reported and retried on the next one. Thread-safe; dispose to stop.
/// </summary>
public sealed class NodeHeartbeat : IAsyncDisposable
{
    private readonly INodeRegistry registry;
    private readonly string node;
    private readonly Func<NodeCounters> counters;
    private readonly TimeSpan lease;
    private readonly TimeProvider time;
    private readonly Action<Exception>? failed;
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, long> takenAt = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly Task loop;
    private IReadOnlySet<string> held = new HashSet<string>();
    private long beatStarted = long.MinValue;

    public NodeHeartbeat(INodeRegistry registry, string node, Func<NodeCounters> counters, TimeSpan lease, TimeProvider? time = null, Action<Exception>? failed = null)
    {
        this.registry = registry;
        this.node = node;
        this.counters = counters;
        this.lease = lease;
        this.time = time ?? TimeProvider.System;
        this.failed = failed;
        loop = Task.Run(RunAsync);
    }

    /// <summary>How often the node beats: a third of the lease, so two beats may fail before a lease runs out.</summary>
    public static TimeSpan IntervalOf(TimeSpan lease) => lease / 3;

    /// <summary>Remembers when a unit was taken, so only later beats can declare it lost.</summary>
    public void Taken(string unitId)
    {
        lock (gate) takenAt[unitId] = time.GetTimestamp();
    }

    /// <summary>True when a beat after the unit was taken no longer found it held by this node.</summary>
    public bool Lost(string unitId)
    {
        lock (gate) return takenAt.TryGetValue(unitId, out var t) && beatStarted > t && !held.Contains(unitId);
    }

    private async Task RunAsync()
    {
        var interval = IntervalOf(lease);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stop.Token).ConfigureAwait(false);
                var started = time.GetTimestamp();
                var answer = await registry.HeartbeatAsync(node, counters(), lease, stop.Token).ConfigureAwait(false);
                lock (gate)
                {
                    held = answer;
                    beatStarted = started;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed?.Invoke(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stop.Dispose();
    }
}
