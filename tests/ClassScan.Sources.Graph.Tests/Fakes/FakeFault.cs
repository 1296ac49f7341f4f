namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>What the fake server does instead of answering normally.</summary>
internal sealed record FakeFault(FakeFaultKind Kind, int Status = 0, int? RetryAfterSeconds = null)
{
    public static FakeFault Throttle(int retryAfter = 1) => new(FakeFaultKind.Status, 429, retryAfter);
    public static FakeFault Unavailable(int? retryAfter = null) => new(FakeFaultKind.Status, 503, retryAfter);
    public static readonly FakeFault Reset = new(FakeFaultKind.Reset);
    public static readonly FakeFault Truncate = new(FakeFaultKind.Truncate);
    public static readonly FakeFault Corrupt = new(FakeFaultKind.Corrupt);
}
