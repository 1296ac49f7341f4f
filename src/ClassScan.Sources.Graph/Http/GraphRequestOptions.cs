namespace ClassScan.Sources.Graph.Http;

/// <summary>Per-request settings the handlers read from <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class GraphRequestOptions
{
    /// <summary>The retry budget of the file this request belongs to.</summary>
    public static readonly HttpRequestOptionsKey<RetryBudget> Budget = new("classscan.budget");

    /// <summary>The body is streamed by the caller: do not buffer it inside the retry.</summary>
    public static readonly HttpRequestOptionsKey<bool> Stream = new("classscan.stream");
}
