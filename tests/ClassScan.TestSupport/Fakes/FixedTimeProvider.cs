namespace ClassScan.TestSupport.Fakes;

/// <summary>A clock stopped at one instant (UTC), so century resolution in tests never depends on the run date.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    /// <summary>The scan date used by the tests: the + separator applies to people born 1926 or earlier.</summary>
    public static FixedTimeProvider ScanDate { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public const int ScanYear = 2026;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => utcNow;
}
