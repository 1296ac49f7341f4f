namespace ClassScan.Sources.Graph.Http;

/// <summary>
/// What a request costs in SharePoint resource units, after Microsoft's published table: 1 for a single item,
/// a delta with a token or a download; 2 for a multi-item query (a delta without a token, a list of drives,
/// sites, users or children); 5 for permissions. The pre-authenticated download URL is not a Graph call: its
/// cost is the /content request that led to it, so it is free here.
/// </summary>
internal static class ResourceUnitCost
{
    private static readonly string[] Collections = ["drives", "sites", "users", "children", "items", "lists", "groups"];

    public static int Of(HttpRequestMessage request, string graphBase)
    {
        if (request.RequestUri is not { } uri) return 0;
        var url = uri.AbsoluteUri;
        if (!url.StartsWith(graphBase + "/", StringComparison.OrdinalIgnoreCase)) return 0;
        var path = uri.AbsolutePath.TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        if (last.Contains("permissions", StringComparison.OrdinalIgnoreCase)) return 5;
        if (last.StartsWith("delta", StringComparison.OrdinalIgnoreCase))
            return uri.Query.Contains("token=", StringComparison.OrdinalIgnoreCase) ? 1 : 2;
        if (last.Equals("content", StringComparison.OrdinalIgnoreCase)) return 1;
        return Collections.Contains(last, StringComparer.OrdinalIgnoreCase) || uri.Query.Contains("search", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
    }
}
