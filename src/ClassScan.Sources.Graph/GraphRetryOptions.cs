namespace ClassScan.Sources.Graph;

/// <summary>
/// How hard the scanner tries before a request or a file counts as failed. Retry-After from Graph (429, 503)
/// is always honoured up to <see cref="MaxRetryAfter"/>; other transient failures back off exponentially with
/// jitter from <see cref="BaseDelay"/>. A file's downloads, redirects and resumed cuts share one budget.
/// </summary>
internal sealed record GraphRetryOptions
{
    /// <summary>Attempts per HTTP request (first try included).</summary>
    public int MaxAttemptsPerRequest { get; init; } = 8;

    /// <summary>Retries one file may use in total (throttled requests, expired download URLs, cut transfers).</summary>
    public int ItemRetryBudget { get; init; } = 10;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest Retry-After obeyed; a larger value is cut to this (Graph asks for seconds to minutes).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);
}
