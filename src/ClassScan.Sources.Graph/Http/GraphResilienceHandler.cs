using System.Net;
using ClassScan.Core.Scanning;
using ClassScan.State.Work;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ClassScan.Sources.Graph.Http;

/// <summary>
/// The only retry layer of every Graph request (the SDK's own RetryHandler is removed, so nothing retries twice):
/// sets the User-Agent, takes each attempt's cost in resource units from the tenant's budget (shared by every
/// node on PostgreSQL), waits for the tenant's throttle, retries 429/5xx and network failures with Retry-After
/// or jittered exponential backoff, charges each retry to the file's budget when the request carries one, and
/// bounds each attempt in time. JSON responses are buffered inside the attempt so a cut body is retried too;
/// streamed downloads are resumed by their stream instead.
/// </summary>
internal sealed class GraphResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<RetryBudget?> BudgetKey = new("classscan.budget");

    private readonly GraphThrottle throttle;
    private readonly IRequestBudget budget;
    private readonly string graphBase;
    private readonly string userAgent;
    private readonly RunCounters? counters;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public GraphResilienceHandler(GraphThrottle throttle, IRequestBudget budget, GraphConnectionOptions options, TimeProvider time, RunCounters? counters)
    {
        this.throttle = throttle;
        this.budget = budget;
        graphBase = options.BaseUrl.ToString().TrimEnd('/');
        this.counters = counters;
        userAgent = options.UserAgent;
        var retry = options.Retry;
        pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, retry.MaxAttemptsPerRequest - 1),
                MaxDelay = retry.MaxRetryAfter > retry.MaxDelay ? retry.MaxRetryAfter : retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context) && TakeBudget(args.Context)),
                // Graph's Retry-After is obeyed as given; otherwise our own jittered exponential delay.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Result is { } r && Backoff.RetryAfter(r, time, retry.MaxRetryAfter) is { } after
                        ? after
                        : Backoff.Delay(retry, args.AttemptNumber)),
                OnRetry = async args =>
                {
                    counters?.AddRetry();
                    if (args.Outcome.Result is { } r)
                    {
                        if (r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                        {
                            counters?.AddThrottled();
                            // Throttling is per app and tenant: everyone waits, not just this request, and on a
                            // shared budget every node too.
                            if (r.StatusCode == HttpStatusCode.TooManyRequests || r.Headers.RetryAfter is not null)
                            {
                                throttle.PauseFor(args.RetryDelay);
                                await PauseEveryoneAsync(time.GetUtcNow() + args.RetryDelay).ConfigureAwait(false);
                            }
                        }
                        r.Dispose();
                    }
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // '|' is not a valid product token, so the header is set without validation (Microsoft's NONISV format).
        request.Headers.Remove("User-Agent");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Options.TryGetValue(GraphRequestOptions.Budget, out var budget);
        var streamed = request.Options.TryGetValue(GraphRequestOptions.Stream, out var s) && s;

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BudgetKey, budget);
        try
        {
            return await pipeline.ExecuteAsync(static async (ctx, state) =>
            {
                var (self, req, streamBody) = state;
                // Every attempt costs: Graph counts throttled and retried calls against the quota as well.
                var cost = ResourceUnitCost.Of(req, self.graphBase);
                await self.budget.TakeAsync(cost, ctx.CancellationToken).ConfigureAwait(false);
                using (await self.throttle.EnterAsync(ctx.CancellationToken).ConfigureAwait(false))
                {
                    self.counters?.AddRequest();
                    self.counters?.AddResourceUnits(cost);
                    var response = await self.SendOnceAsync(req, ctx.CancellationToken).ConfigureAwait(false);
                    if (streamBody) return response;
                    try
                    {
                        await response.Content.LoadIntoBufferAsync(ctx.CancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        response.Dispose();
                        throw;
                    }
                    return response;
                }
            }, context, (this, request, streamed)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task PauseEveryoneAsync(DateTimeOffset until)
    {
        try
        {
            await budget.PauseUntilAsync(until, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The shared pause is a courtesy to the other nodes; this node's own pause (the throttle) already holds.
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken ct) => base.SendAsync(request, ct);

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested) return false;
        if (outcome.Exception is { } ex)
        {
            return ex is HttpRequestException or IOException or TimeoutRejectedException or TimeoutException
                || ex is OperationCanceledException; // a connect timeout inside the handler, not the caller's token (checked above)
        }
        return outcome.Result?.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout
            or HttpStatusCode.RequestTimeout;
    }

    private static bool TakeBudget(ResilienceContext context) =>
        !context.Properties.TryGetValue(BudgetKey, out var budget) || budget is null || budget.TryTake();
}
