using ClassScan.Sources.Graph.Http;
using ClassScan.Core.Scanning;
using ClassScan.State.Work;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace ClassScan.Sources.Graph;

/// <summary>
/// The HTTP side of a Graph scan, one per tenant: the SDK client for JSON calls (delta, sites, drives, users),
/// a raw client for /content (redirects not followed, so the pre-authenticated URL is fetched by the third
/// client, which has no token handler at all). All three share one throttle (concurrency cap and
/// tenant-wide pause), one request budget (resource units; given by the caller when several nodes share one,
/// else this process's own bucket of <see cref="GraphConnectionOptions.Budget"/>) and one retry layer per chain;
/// the SDK's own RetryHandler is taken out.
/// Thread-safe; dispose after the scan.
/// </summary>
public sealed class GraphConnection : IDisposable
{
    private GraphConnection(GraphConnectionOptions options, GraphServiceClient client, HttpClient api, HttpClient download, RunCounters? counters)
    {
        Options = options;
        Client = client;
        Api = api;
        Download = download;
        Counters = counters;
        BaseUrl = options.BaseUrl.ToString().TrimEnd('/');
    }

    public GraphConnectionOptions Options { get; }

    internal GraphServiceClient Client { get; }

    /// <summary>Authenticated, does not follow redirects.</summary>
    internal HttpClient Api { get; }

    /// <summary>Unauthenticated, for pre-authenticated download URLs.</summary>
    internal HttpClient Download { get; }

    internal RunCounters? Counters { get; }

    /// <summary>Base URL without a trailing slash, e.g. https://graph.microsoft.com/v1.0.</summary>
    internal string BaseUrl { get; }

    public static GraphConnection Create(GraphConnectionOptions options, GraphAuth auth, RunCounters? counters = null, TimeProvider? time = null, IRequestBudget? budget = null)
    {
        time ??= TimeProvider.System;
        var throttle = new GraphThrottle(options.MaxConcurrency, time);
        budget ??= new SharedRequestBudget(new InMemoryBudgetLedger(options.Budget, time), options.Budget, time);

        var sdkHandlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = sdkHandlers.Count - 1; i >= 0; i--)
        {
            // One retry layer only: ours honours Retry-After across the tenant and charges the file's budget.
            if (sdkHandlers[i] is RetryHandler) sdkHandlers.RemoveAt(i);
        }
        sdkHandlers.Add(new GraphResilienceHandler(throttle, budget, options, time, counters));
        sdkHandlers.Add(new BearerTokenHandler(auth, options.BaseUrl));
        var sdkHttp = new HttpClient(GraphClientFactory.CreatePipeline(sdkHandlers, Transport(followRedirects: false)))
        {
            Timeout = Timeout.InfiniteTimeSpan, // attempts are timed by the retry layer
        };
        var client = new GraphServiceClient(sdkHttp, new AnonymousAuthenticationProvider(), options.BaseUrl.ToString().TrimEnd('/'));

        var api = new HttpClient(Chain(Transport(followRedirects: false),
            new GraphResilienceHandler(throttle, budget, options, time, counters), new BearerTokenHandler(auth, options.BaseUrl)))
        { Timeout = Timeout.InfiniteTimeSpan };
        var download = new HttpClient(Chain(Transport(followRedirects: true),
            new GraphResilienceHandler(throttle, budget, options, time, counters)))
        { Timeout = Timeout.InfiniteTimeSpan };
        return new GraphConnection(options, client, api, download, counters);
    }

    public void Dispose()
    {
        Api.Dispose();
        Download.Dispose();
        Client.Dispose();
    }

    private static SocketsHttpHandler Transport(bool followRedirects) => new()
    {
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = 5,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };

    private static HttpMessageHandler Chain(HttpMessageHandler transport, params DelegatingHandler[] outerToInner)
    {
        HttpMessageHandler inner = transport;
        for (var i = outerToInner.Length - 1; i >= 0; i--)
        {
            outerToInner[i].InnerHandler = inner;
            inner = outerToInner[i];
        }
        return inner;
    }
}
