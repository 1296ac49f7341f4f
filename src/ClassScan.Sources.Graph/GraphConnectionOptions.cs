using ClassScan.State.Work;

namespace ClassScan.Sources.Graph;

/// <summary>Where Graph is and how to behave towards it. Defaults suit a nightly scan of one tenant.</summary>
public sealed record GraphConnectionOptions
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Graph root including the version segment (national clouds, test servers).</summary>
    public Uri BaseUrl { get; init; } = new(DefaultBaseUrl);

    /// <summary>The organisation named in the User-Agent (Microsoft asks ISV-less callers to say who they are).</summary>
    public string Organisation { get; init; } = "Unspecified";

    /// <summary>Requests in flight at once against the tenant (Graph throttles per app and tenant).</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>The licence count the default budget assumes: a mid-sized Swedish municipality (5,001–15,000 tier).</summary>
    public const int DefaultLicences = 10_000;

    /// <summary>
    /// The tenant's Graph budget in resource units when this process keeps its own (one node); several nodes pass
    /// a shared one to <see cref="GraphConnection.Create"/>. Default: 90 % of Microsoft's limit for <see cref="DefaultLicences"/>.
    /// </summary>
    public BudgetLimits Budget { get; init; } = BudgetLimits.For(DefaultLicences);

    internal GraphRetryOptions Retry { get; init; } = new();

    /// <summary>Time allowed for one attempt to return headers (and, for JSON calls, the whole body).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>A download that delivers no byte for this long counts as cut and is resumed.</summary>
    public TimeSpan DownloadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The User-Agent: NONISV|organisation|ClassScan/version.</summary>
    public string UserAgent
    {
        get
        {
            var v = typeof(GraphConnectionOptions).Assembly.GetName().Version ?? new Version(0, 0, 0);
            var org = Organisation.Replace('|', '/').Trim();
            return $"NONISV|{(org.Length == 0 ? "Unspecified" : org)}|ClassScan/{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}";
        }
    }
}
