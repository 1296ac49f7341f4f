using System.Net;
using ClassScan.State;
using Microsoft.Graph.Models;

namespace ClassScan.Sources.Graph;

/// <summary>
/// Turns --drive/--site/--all-sites/--all-onedrives into a list of drives with readable labels. A site or
/// drive that cannot be read becomes an error (reported as a row), the rest is still scanned; a refused
/// login (401) is fatal. A drive whose metadata cannot be read is still crawled, labelled by its id.
/// With a <paramref name="users"/> directory, --all-onedrives remembers users between runs (<see cref="OneDriveRoster"/>);
/// without one, every user is listed and asked for its OneDrive.
/// </summary>
internal sealed class GraphTargetResolver(GraphApi api, IUserDriveDirectory? users = null)
{
    public async Task<(IReadOnlyList<DriveTarget> Drives, IReadOnlyList<(string Target, string Error)> Errors)> ResolveAsync(
        GraphScanTargets targets, CancellationToken ct)
    {
        var drives = new List<DriveTarget>();
        var errors = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(DriveTarget d)
        {
            if (seen.Add(d.DriveId)) drives.Add(d);
        }

        foreach (var id in targets.Drives)
        {
            Drive? drive = null;
            try
            {
                drive = await api.GetDriveAsync(id, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (NotFatal(ex))
            {
                // Labels are a convenience; the delta crawl decides whether the drive is readable.
            }
            Add(new DriveTarget(id, drive is null ? id : LabelOf(drive, site: null), drive?.WebUrl));
        }

        foreach (var site in targets.Sites)
        {
            try
            {
                var s = await api.GetSiteAsync(site, ct).ConfigureAwait(false)
                    ?? throw new GraphRequestException(HttpStatusCode.NotFound, null, "webbplatsen finns inte");
                await AddLibrariesAsync(s, Add, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (NotFatal(ex))
            {
                errors.Add((site, $"webbplatsen kunde inte läsas ({Core.Privacy.SafeText.Message(ex.Message)})"));
            }
        }

        if (targets.AllSites)
        {
            foreach (var s in await api.GetAllSitesAsync(ct).ConfigureAwait(false))
            {
                if (IsPersonal(s)) continue; // OneDrives come with --all-onedrives
                try
                {
                    await AddLibrariesAsync(s, Add, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (NotFatal(ex))
                {
                    errors.Add((s.WebUrl ?? s.Id ?? "?", $"webbplatsens bibliotek kunde inte listas ({Core.Privacy.SafeText.Message(ex.Message)})"));
                }
            }
        }

        var remembered = targets.AllOneDrives && users is not null ? await new OneDriveRoster(api, users).ResolveAsync(errors, ct).ConfigureAwait(false) : null;
        foreach (var d in remembered ?? []) Add(d);
        if (targets.AllOneDrives && remembered is null)
        {
            foreach (var user in await api.GetUsersAsync(ct).ConfigureAwait(false))
            {
                if (user.Id is null) continue;
                try
                {
                    if (await api.GetUserDriveAsync(user.Id, ct).ConfigureAwait(false) is { Id: not null } d)
                        Add(new DriveTarget(d.Id, "OneDrive " + (user.DisplayName ?? user.UserPrincipalName ?? user.Id), d.WebUrl));
                }
                catch (GraphRequestException ex) when (ex.Status == HttpStatusCode.NotFound)
                {
                    // No OneDrive provisioned (no licence, never signed in): nothing to scan.
                }
                catch (Exception ex) when (NotFatal(ex))
                {
                    errors.Add((user.UserPrincipalName ?? user.Id, $"OneDrive kunde inte läsas ({Core.Privacy.SafeText.Message(ex.Message)})"));
                }
            }
        }
        return (drives, errors);
    }

    private async Task AddLibrariesAsync(Site site, Action<DriveTarget> add, CancellationToken ct)
    {
        var siteId = site.Id ?? throw new GraphRequestException(HttpStatusCode.NotFound, null, "webbplatsen saknar id");
        foreach (var d in await api.GetSiteDrivesAsync(siteId, ct).ConfigureAwait(false))
        {
            // Document libraries only; other drive types on a site are not files people keep.
            if (d.Id is null || d.DriveType is not (null or "documentLibrary")) continue;
            add(new DriveTarget(d.Id, LabelOf(d, site), d.WebUrl));
        }
    }

    private static string LabelOf(Drive d, Site? site)
    {
        if (d.DriveType is "personal" or "business" && d.Owner?.User?.DisplayName is { } owner) return "OneDrive " + owner;
        var name = d.Name ?? d.Id ?? "?";
        var siteName = site?.DisplayName ?? site?.Name;
        return siteName is null ? name : siteName + "/" + name;
    }

    private static bool IsPersonal(Site s) =>
        s.WebUrl is { } u && (u.Contains("-my.sharepoint.", StringComparison.OrdinalIgnoreCase) || u.Contains("/personal/", StringComparison.OrdinalIgnoreCase));

    internal static bool NotFatal(Exception ex) =>
        ex is GraphRequestException { Status: not HttpStatusCode.Unauthorized } or HttpRequestException or IOException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException;
}
