namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>A request as the fault plan and the tests see it. <see cref="Attempt"/> counts same-kind requests for the same key, from 1.</summary>
internal sealed record FakeRequest(FakeRequestKind Kind, string PathAndQuery, string? DriveId, string? ItemId, int Attempt, bool HasAuthorization, long? RangeFrom, DateTimeOffset At, string UserAgent)
{
    public int Status { get; set; }

    /// <summary>The Prefer header as received ("" without one).</summary>
    public string Prefer { get; init; } = "";

    /// <summary>Bytes of the JSON body answered (0 for other answers).</summary>
    public int ResponseBytes { get; set; }
}
