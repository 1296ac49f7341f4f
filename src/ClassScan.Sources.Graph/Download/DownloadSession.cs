using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClassScan.Sources.Graph.Http;

namespace ClassScan.Sources.Graph.Download;

/// <summary>
/// Fetches one item's content from a byte offset: GET /drives/{d}/items/{i}/content on the authenticated client
/// answers 302 with a pre-authenticated URL, which is fetched on the unauthenticated client (no bearer token
/// leaves for another host). The URL is reused for resumed ranges until it stops working (it lasts about an
/// hour), then Graph is asked again. Every retry is charged to the item's budget.
/// </summary>
internal sealed class DownloadSession(GraphConnection graph, string driveId, string itemId, RetryBudget budget)
{
    private const int MaxHops = 32;
    private Uri? location;

    public RetryBudget Budget => budget;

    /// <summary>A success response (200, or 206 for a range) with unread body. Throws <see cref="ItemGoneException"/> on 404.</summary>
    public async Task<HttpResponseMessage> OpenAtAsync(long offset, CancellationToken ct)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (location is { } preauth)
            {
                var r = await SendAsync(graph.Download, preauth, offset, ct).ConfigureAwait(false);
                if (r.IsSuccessStatusCode) return r;
                var status = r.StatusCode;
                r.Dispose();
                // Expired or revoked pre-authenticated URL: ask Graph for a new one.
                if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
                {
                    location = null;
                    if (!budget.TryTake()) throw new GraphRequestException(status, null, $"nedladdningsadressen svarade HTTP {(int)status}");
                    continue;
                }
                throw new GraphRequestException(status, null, $"nedladdningen svarade HTTP {(int)status}");
            }

            var content = new Uri($"{graph.BaseUrl}/drives/{GraphUrl.Segment(driveId)}/items/{GraphUrl.Segment(itemId)}/content");
            graph.Counters?.AddDownload();
            var response = await SendAsync(graph.Api, content, offset, ct).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently or HttpStatusCode.SeeOther
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect && response.Headers.Location is { } target)
            {
                location = target.IsAbsoluteUri ? target : new Uri(content, target);
                response.Dispose();
                continue;
            }
            if (response.IsSuccessStatusCode) return response; // a server may send the bytes directly
            var code = response.StatusCode;
            response.Dispose();
            if (code == HttpStatusCode.NotFound) throw new ItemGoneException();
            throw new GraphRequestException(code, null, $"/content svarade HTTP {(int)code}");
        }
        throw new GraphRequestException(HttpStatusCode.LoopDetected, null, "för många omdirigeringar");
    }

    /// <summary>
    /// The item's quickXorHash as Graph has it now (null when it lists none): one small JSON request, charged to the
    /// item's budget, made only when a download did not match the hash it was listed with.
    /// </summary>
    public async Task<string?> CurrentQuickXorHashAsync(CancellationToken ct)
    {
        var url = new Uri($"{graph.BaseUrl}/drives/{GraphUrl.Segment(driveId)}/items/{GraphUrl.Segment(itemId)}?$select=id,file");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(GraphRequestOptions.Budget, budget);
        using var response = await graph.Api.SendAsync(request, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) return null;
        await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
        return json.RootElement.TryGetProperty("file", out var file) && file.TryGetProperty("hashes", out var hashes)
            && hashes.TryGetProperty("quickXorHash", out var q) && q.ValueKind == JsonValueKind.String
            ? q.GetString()
            : null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, Uri url, long offset, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        request.Options.Set(GraphRequestOptions.Budget, budget);
        request.Options.Set(GraphRequestOptions.Stream, true);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
    }
}
