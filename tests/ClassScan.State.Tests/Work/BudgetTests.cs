using System.Diagnostics;
using ClassScan.State.Work;

namespace ClassScan.State.Tests.Work;

public sealed class BudgetTests
{
    [Theory]
    [InlineData(1, 1_250, 1_200_000)]
    [InlineData(1_000, 1_250, 1_200_000)]
    [InlineData(1_001, 2_500, 2_400_000)]
    [InlineData(5_000, 2_500, 2_400_000)]
    [InlineData(5_001, 3_750, 3_600_000)]
    [InlineData(15_000, 3_750, 3_600_000)]
    [InlineData(15_001, 5_000, 4_800_000)]
    [InlineData(50_000, 5_000, 4_800_000)]
    [InlineData(50_001, 6_250, 6_000_000)]
    public void Published_LicenceCount_MicrosoftsTableRow(int licences, int perMinute, long perDay) =>
        Assert.Equal((perMinute, perDay), BudgetLimits.Published(licences));

    [Fact]
    public void For_LicencesOnly_HeadroomOfThePublishedLimitAndTenSecondsOfBurst()
    {
        var limits = BudgetLimits.For(10_000);

        Assert.Equal(3_375, limits.UnitsPerMinute);      // 90 % of 3,750
        Assert.Equal(3_240_000, limits.UnitsPerDay);     // 90 % of 3.6 M
        Assert.Equal(562.5, limits.Burst);
    }

    [Fact]
    public void For_UnitsPerMinuteGiven_UsedAsIsAndDayCapScaled()
    {
        var limits = BudgetLimits.For(10_000, unitsPerMinute: 1_875);

        Assert.Equal(1_875, limits.UnitsPerMinute);
        Assert.Equal(1_800_000, limits.UnitsPerDay);     // half the rate, half the day
    }

    [Fact]
    public async Task TakeAsync_MoreThanTheBurst_WaitsForTheRefill()
    {
        var limits = new BudgetLimits(UnitsPerMinute: 1200, UnitsPerDay: 1_000_000, Burst: 2);
        var budget = new SharedRequestBudget(new InMemoryBudgetLedger(limits), limits);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 12; i++) await budget.TakeAsync(1, CancellationToken.None);

        // 2 at once, then 10 at 20/s: at least about half a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task TakeAsync_WithinTheBurst_NoWait()
    {
        var limits = new BudgetLimits(UnitsPerMinute: 60, UnitsPerDay: 1_000_000, Burst: 10);
        var budget = new SharedRequestBudget(new InMemoryBudgetLedger(limits), limits);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++) await budget.TakeAsync(2, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(900), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task PauseUntilAsync_ThrottledElsewhere_RequestsHereWaitItOut()
    {
        var limits = new BudgetLimits(UnitsPerMinute: 6000, UnitsPerDay: 1_000_000, Burst: 100);
        var ledger = new InMemoryBudgetLedger(limits);
        var throttled = new SharedRequestBudget(ledger, limits);
        var other = new SharedRequestBudget(ledger, limits);
        var clock = Stopwatch.StartNew();

        await throttled.PauseUntilAsync(DateTimeOffset.UtcNow.AddMilliseconds(500), CancellationToken.None);
        await other.TakeAsync(1, CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(400), clock.Elapsed.ToString());
    }
}
