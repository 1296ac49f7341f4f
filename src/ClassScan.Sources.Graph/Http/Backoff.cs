namespace ClassScan.Sources.Graph.Http;

/// <summary>Exponential backoff with jitter, and Retry-After as Graph sends it (seconds, or an HTTP date).</summary>
internal static class Backoff
{
    /// <summary>base·2^attempt, times a random factor in [0.5, 1.5) so clients throttled together do not return together.</summary>
    public static TimeSpan Delay(GraphRetryOptions options, int attempt)
    {
        var exp = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var jittered = exp * (0.5 + Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxDelay.TotalMilliseconds));
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time, TimeSpan max)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } at ? at - time.GetUtcNow() : null);
        if (wait is null) return null;
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
