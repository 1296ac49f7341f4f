using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace ClassScan.Sources.Graph;

/// <summary>
/// The JSON calls a scan makes, through the SDK's typed models. Every call uses an explicit URL (WithUrl) so the
/// wire format is exactly the documented one (e.g. /drives/{id}/root/delta) whatever path style the SDK's
/// builders prefer, and nextLink/deltaLink URLs are followed verbatim. Errors become <see cref="GraphRequestException"/>.
/// </summary>
internal sealed class GraphApi(GraphConnection graph)
{
    public string FirstDeltaUrl(string driveId) => $"{graph.BaseUrl}/drives/{GraphUrl.Segment(driveId)}/root/delta";

    /// <summary>One page of a drive's delta feed; the url gets <see cref="DeltaQuery.Select"/> unless it carries a $select.</summary>
    public async Task<(IReadOnlyList<DriveItem> Items, string? NextLink, string? DeltaLink)> GetDeltaPageAsync(string url, CancellationToken ct)
    {
        url = DeltaQuery.WithSelect(url);
        var page = await Call("delta", () => graph.Client.Drives["_"].Items["root"].Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: ct)).ConfigureAwait(false);
        return (page?.Value ?? [], page?.OdataNextLink, page?.OdataDeltaLink);
    }

    public Task<Drive?> GetDriveAsync(string driveId, CancellationToken ct) =>
        Call("enheten " + driveId, () => graph.Client.Drives[driveId].WithUrl($"{graph.BaseUrl}/drives/{GraphUrl.Segment(driveId)}").GetAsync(cancellationToken: ct));

    /// <summary>A site by id ("host,guid,guid"), by URL (https://host/sites/x → /sites/host:/sites/x), or the root site by host URL.</summary>
    public Task<Site?> GetSiteAsync(string idOrUrl, CancellationToken ct)
    {
        string url;
        if (Uri.TryCreate(idOrUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))
        {
            var path = u.AbsolutePath.TrimEnd('/');
            url = path.Length == 0 ? $"{graph.BaseUrl}/sites/{u.Host}" : $"{graph.BaseUrl}/sites/{u.Host}:{path}";
        }
        else
        {
            url = $"{graph.BaseUrl}/sites/{GraphUrl.Segment(idOrUrl)}";
        }
        return Call("webbplatsen " + idOrUrl, () => graph.Client.Sites["_"].WithUrl(url).GetAsync(cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Drive>> GetSiteDrivesAsync(string siteId, CancellationToken ct)
    {
        var all = new List<Drive>();
        string? url = $"{graph.BaseUrl}/sites/{GraphUrl.Segment(siteId)}/drives";
        while (url is not null)
        {
            var next = url;
            var page = await Call("bibliotek för " + siteId, () => graph.Client.Sites["_"].Drives.WithUrl(next).GetAsync(cancellationToken: ct)).ConfigureAwait(false);
            all.AddRange(page?.Value ?? []);
            url = page?.OdataNextLink;
        }
        return all;
    }

    public async Task<IReadOnlyList<Site>> GetAllSitesAsync(CancellationToken ct)
    {
        var all = new List<Site>();
        string? url = $"{graph.BaseUrl}/sites/getAllSites";
        while (url is not null)
        {
            var next = url;
            var page = await Call("alla webbplatser", () => graph.Client.Sites.GetAllSites.WithUrl(next).GetAsGetAllSitesGetResponseAsync(cancellationToken: ct)).ConfigureAwait(false);
            all.AddRange(page?.Value ?? []);
            url = page?.OdataNextLink;
        }
        return all;
    }

    public async Task<IReadOnlyList<User>> GetUsersAsync(CancellationToken ct)
    {
        var all = new List<User>();
        string? url = $"{graph.BaseUrl}/users?$select=id,displayName,userPrincipalName&$top=999";
        while (url is not null)
        {
            var next = url;
            var page = await Call("användare", () => graph.Client.Users.WithUrl(next).GetAsync(cancellationToken: ct)).ConfigureAwait(false);
            all.AddRange(page?.Value ?? []);
            url = page?.OdataNextLink;
        }
        return all;
    }

    /// <summary>The first users-delta request: only what a OneDrive's label needs.</summary>
    public string FirstUsersDeltaUrl() => $"{graph.BaseUrl}/users/delta?$select=id,displayName,userPrincipalName";

    /// <summary>One page of the users delta: changed or added users, and the ids of removed ones ("@removed").</summary>
    public async Task<(IReadOnlyList<User> Changed, IReadOnlyList<string> Removed, string? NextLink, string? DeltaLink)> GetUsersDeltaPageAsync(string url, CancellationToken ct)
    {
        var page = await Call("användarändringar", () => graph.Client.Users.Delta.WithUrl(url).GetAsDeltaGetResponseAsync(cancellationToken: ct)).ConfigureAwait(false);
        var changed = new List<User>();
        var removed = new List<string>();
        foreach (var u in page?.Value ?? [])
        {
            if (u.Id is null) continue;
            if (u.AdditionalData.ContainsKey("@removed")) removed.Add(u.Id);
            else changed.Add(u);
        }
        return (changed, removed, page?.OdataNextLink, page?.OdataDeltaLink);
    }

    public Task<Drive?> GetUserDriveAsync(string userId, CancellationToken ct) =>
        Call("OneDrive för " + userId, () => graph.Client.Users["_"].Drive.WithUrl($"{graph.BaseUrl}/users/{GraphUrl.Segment(userId)}/drive").GetAsync(cancellationToken: ct));

    private static async Task<T> Call<T>(string what, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ApiException ex)
        {
            throw GraphRequestException.From(ex, what);
        }
    }
}
