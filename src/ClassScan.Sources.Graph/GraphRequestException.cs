using System.Net;
using Microsoft.Kiota.Abstractions;

namespace ClassScan.Sources.Graph;

/// <summary>Graph answered with an error status after all retries. Carries the status, the error code and Location.</summary>
internal sealed class GraphRequestException(HttpStatusCode status, string? code, string message, string? location = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Graph's error code (e.g. "resyncRequired", "itemNotFound") when the body had one.</summary>
    public string? Code { get; } = code;

    /// <summary>The Location header (410 Gone points to a fresh enumeration).</summary>
    public string? Location { get; } = location;

    internal static GraphRequestException From(ApiException ex, string what)
    {
        string? location = null;
        if (ex.ResponseHeaders is { } headers)
        {
            foreach (var (name, values) in headers)
            {
                if (string.Equals(name, "Location", StringComparison.OrdinalIgnoreCase)) location = values.FirstOrDefault();
            }
        }
        var code = (ex as Microsoft.Graph.Models.ODataErrors.ODataError)?.Error?.Code;
        var status = (HttpStatusCode)ex.ResponseStatusCode;
        return new GraphRequestException(status, code, $"{what}: HTTP {(int)status}{(code is null ? "" : " " + code)}", location, ex);
    }
}
