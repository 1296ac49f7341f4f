namespace ClassScan.State.Work;

/// <summary>
/// A Graph budget in SharePoint resource units (RU): a refill rate per minute, a burst (the bucket's size) and a
/// cap per UTC day. Microsoft publishes the limits per app per tenant by the tenant's licence count
/// ("Avoid getting throttled or blocked in SharePoint Online", application throttling):
/// <list type="table">
/// <item>0–1,000 licences: 1,250 RU/min, 1.2 M RU/24 h</item>
/// <item>1,001–5,000: 2,500 RU/min, 2.4 M RU/24 h</item>
/// <item>5,001–15,000: 3,750 RU/min, 3.6 M RU/24 h</item>
/// <item>15,001–50,000: 5,000 RU/min, 4.8 M RU/24 h</item>
/// <item>50,000+: 6,250 RU/min, 6 M RU/24 h</item>
/// </list>
/// Costs per request: 1 for a single item, a delta with a token or a download; 2 for a multi-item query such as
/// a delta without a token; 5 for anything with permissions. The defaults keep <see cref="DefaultHeadroomPercent"/>
/// of the published figure, since the costs are Microsoft's and our count of them is an estimate.
/// </summary>
public sealed record BudgetLimits(double UnitsPerMinute, long UnitsPerDay, double Burst)
{
    /// <summary>The share of the published limit used by default: a scan that never meets a 429 wastes no time on one.</summary>
    public const int DefaultHeadroomPercent = 90;

    /// <summary>Microsoft's limit per minute and per day for a tenant of <paramref name="licences"/> licences.</summary>
    public static (int PerMinute, long PerDay) Published(int licences) => licences switch
    {
        <= 1_000 => (1_250, 1_200_000),
        <= 5_000 => (2_500, 2_400_000),
        <= 15_000 => (3_750, 3_600_000),
        <= 50_000 => (5_000, 4_800_000),
        _ => (6_250, 6_000_000),
    };

    /// <summary>
    /// The budget for a tenant: <paramref name="unitsPerMinute"/> when given (the day cap then scales with it),
    /// else the published limit for <paramref name="licences"/>, times <paramref name="percent"/>. The burst is
    /// ten seconds' worth, so no minute sees much more than its share.
    /// </summary>
    public static BudgetLimits For(int licences, double? unitsPerMinute = null, int percent = DefaultHeadroomPercent)
    {
        var (minute, day) = Published(licences);
        double perMinute;
        long perDay;
        if (unitsPerMinute is { } given)
        {
            perMinute = given;
            perDay = (long)Math.Min(day * (given / minute), given * 1440);
        }
        else
        {
            perMinute = minute * percent / 100.0;
            perDay = day * percent / 100;
        }
        return new BudgetLimits(perMinute, Math.Max(1, perDay), Math.Max(1, perMinute / 6));
    }

    public double UnitsPerSecond => UnitsPerMinute / 60.0;
}
