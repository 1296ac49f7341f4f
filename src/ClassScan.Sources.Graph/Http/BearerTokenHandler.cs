using System.Net.Http.Headers;

namespace ClassScan.Sources.Graph.Http;

/// <summary>
/// Adds the bearer token to requests for the Graph host only (same scheme, host and port as the base URL).
/// Any other host, such as the pre-authenticated download URL a /content request redirects to, never sees it.
/// </summary>
internal sealed class BearerTokenHandler(GraphAuth auth, Uri graphBase) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsGraph(request.RequestUri))
        {
            var token = await auth.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else
        {
            request.Headers.Authorization = null;
        }
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private bool IsGraph(Uri? uri) =>
        uri is not null && uri.IsAbsoluteUri
        && string.Equals(uri.Scheme, graphBase.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.Host, graphBase.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == graphBase.Port;
}
