using ClassScan.Core.Scanning;

namespace ClassScan.State.Work;

/// <summary>A node's running totals, sent with each heartbeat for <c>classscan status</c>.</summary>
public sealed record NodeCounters(long Listed, long Judged, long Downloads, long Requests, long Throttled, long ResourceUnits)
{
    public static NodeCounters From(RunCounters c) => new(c.Listed, c.Queued, c.Downloads, c.Requests, c.Throttled, c.ResourceUnits);
}
