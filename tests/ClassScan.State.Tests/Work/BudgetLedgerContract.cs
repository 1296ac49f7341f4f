using ClassScan.TestSupport.Engines;
using System.Diagnostics;
using ClassScan.State.Work;

namespace ClassScan.State.Tests.Work;

/// <summary>
/// The token bucket's rules, whichever engine keeps it: never more than the burst at once, refilled from elapsed
/// time, a pause stops every taker, a day's cap holds, and several takers together never exceed the rate.
/// </summary>
public abstract class BudgetLedgerContract : IDisposable
{
    public virtual void Dispose()
    {
    }

    /// <summary>A node's view of one shared bucket configured with <paramref name="limits"/>. May skip the test (no server).</summary>
    protected abstract Task<IBudgetLedger> LedgerAsync(BudgetLimits limits);

    [ContractFact]
    public async Task TakeShareAsync_FullBucket_GrantsUpToBurstThenAsksToWait()
    {
        var ledger = await LedgerAsync(new BudgetLimits(UnitsPerMinute: 60, UnitsPerDay: 1000, Burst: 5));

        var first = await ledger.TakeShareAsync(3, CancellationToken.None);
        var second = await ledger.TakeShareAsync(5, CancellationToken.None);
        var third = await ledger.TakeShareAsync(5, CancellationToken.None);

        Assert.Equal((3, 2, 0), (first.Granted, second.Granted, third.Granted));
        Assert.InRange(third.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(6));
        Assert.Null(third.PausedUntil);
    }

    [ContractFact]
    public async Task TakeShareAsync_TimePassed_RefilledAtTheRate()
    {
        var ledger = await LedgerAsync(new BudgetLimits(UnitsPerMinute: 600, UnitsPerDay: 100_000, Burst: 5));
        await ledger.TakeShareAsync(5, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await Task.Delay(400);

        var refilled = await ledger.TakeShareAsync(5, CancellationToken.None);

        // 10 units/s: about 4 after 0.4 s, never more than the time passed allows, and at most the burst.
        Assert.InRange(refilled.Granted, 3, Math.Min(5, (int)(clock.Elapsed.TotalSeconds * 10) + 1));
    }

    [ContractFact]
    public async Task PauseAsync_AnyNode_NothingGrantedUntilItEnds()
    {
        var limits = new BudgetLimits(UnitsPerMinute: 6000, UnitsPerDay: 100_000, Burst: 50);
        var throttled = await LedgerAsync(limits);
        var other = await LedgerAsync(limits);

        await throttled.PauseAsync(DateTimeOffset.UtcNow.AddMilliseconds(800), CancellationToken.None);
        var during = await other.TakeShareAsync(5, CancellationToken.None);
        await Task.Delay(during.RetryAfter + TimeSpan.FromMilliseconds(100));
        var after = await other.TakeShareAsync(5, CancellationToken.None);

        Assert.Equal(0, during.Granted);
        Assert.NotNull(during.PausedUntil);
        Assert.InRange(during.RetryAfter, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(900));
        Assert.Equal(5, after.Granted);
    }

    [ContractFact]
    public async Task TakeShareAsync_DayCapReached_NothingUntilTheNextUtcDay()
    {
        var ledger = await LedgerAsync(new BudgetLimits(UnitsPerMinute: 6000, UnitsPerDay: 4, Burst: 10));

        var first = await ledger.TakeShareAsync(10, CancellationToken.None);
        var second = await ledger.TakeShareAsync(1, CancellationToken.None);

        Assert.Equal((4, 0), (first.Granted, second.Granted));
        var toMidnight = DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow;
        Assert.InRange(second.RetryAfter, toMidnight - TimeSpan.FromMinutes(1), toMidnight + TimeSpan.FromMinutes(1));
    }

    [ContractFact]
    public async Task TakeShareAsync_ThreeNodesAtOnce_TogetherWithinBurstPlusRate()
    {
        var limits = new BudgetLimits(UnitsPerMinute: 1200, UnitsPerDay: 1_000_000, Burst: 10);
        var ledgers = new List<IBudgetLedger>();
        for (var i = 0; i < 3; i++) ledgers.Add(await LedgerAsync(limits));
        var clock = Stopwatch.StartNew();

        var granted = await Task.WhenAll(ledgers.Select(async l =>
        {
            var sum = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(1)) sum += (await l.TakeShareAsync(3, CancellationToken.None)).Granted;
            return sum;
        }));

        // 20 units/s for about a second, plus the burst that was full at the start.
        Assert.InRange(granted.Sum(), 20, 10 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds * 20) + 1);
    }
}
