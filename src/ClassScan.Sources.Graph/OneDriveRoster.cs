using System.Net;
using ClassScan.State;
using Microsoft.Graph.Models;

namespace ClassScan.Sources.Graph;

/// <summary>
/// The OneDrives of --all-onedrives, remembered between runs: the first run lists every user through Graph's users
/// delta and asks each for its drive; later runs call the stored delta link and ask only about the users it names
/// (added, changed, removed), so a quiet night costs one request instead of one per user. A removed user's drive is
/// no longer scanned; its items keep their last verdicts in the state. Each page is saved with the link after it,
/// so a stopped run goes on from there. Users who had no OneDrive when asked are asked again each run (a OneDrive is
/// made at first sign-in, which changes no property the users delta reports). If the users delta cannot be read,
/// the drives known from earlier runs are scanned and the failure is an error row; if there is no users delta at all
/// (404/400/501 on the first listing, with nothing remembered), the caller lists every user instead.
/// </summary>
internal sealed class OneDriveRoster(GraphApi api, IUserDriveDirectory directory)
{
    private const int MaxRestarts = 2;

    /// <summary>The OneDrives to scan, or null when this Graph has no users delta and nothing is remembered yet.</summary>
    public async Task<IReadOnlyList<DriveTarget>?> ResolveAsync(ICollection<(string Target, string Error)> errors, CancellationToken ct)
    {
        var known = directory.GetUserDrives().ToDictionary(u => u.UserId, StringComparer.Ordinal);
        var saved = directory.GetUsersDeltaLink();
        var full = saved is null;
        var url = saved ?? api.FirstUsersDeltaUrl();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var restarts = 0;
        while (true)
        {
            IReadOnlyList<User> changed;
            IReadOnlyList<string> removed;
            string? next, delta;
            try
            {
                (changed, removed, next, delta) = await api.GetUsersDeltaPageAsync(url, ct).ConfigureAwait(false);
            }
            catch (GraphRequestException ex) when (ex.Status is HttpStatusCode.Gone or HttpStatusCode.BadRequest && !full && restarts++ < MaxRestarts)
            {
                // The stored token is too old: list every user again; whoever the fresh listing lacks is gone.
                url = api.FirstUsersDeltaUrl();
                full = true;
                seen.Clear();
                continue;
            }
            catch (GraphRequestException ex) when (ex.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented
                                                   && full && known.Count == 0)
            {
                return null; // no users delta here (a national cloud, a test server): every user is listed, as without a state
            }
            catch (Exception ex) when (GraphTargetResolver.NotFatal(ex))
            {
                errors.Add(("alla OneDrive", $"användarändringarna kunde inte läsas, OneDrive-listan från förra körningen används ({Core.Privacy.SafeText.Message(ex.Message)})"));
                break;
            }

            var upserts = new List<UserDrive>();
            foreach (var user in changed)
            {
                var entry = await LookUpAsync(user.Id!, "OneDrive " + (user.DisplayName ?? user.UserPrincipalName ?? user.Id), user.UserPrincipalName, errors, ct).ConfigureAwait(false);
                upserts.Add(entry);
                known[entry.UserId] = entry;
                seen.Add(entry.UserId);
            }
            var gone = removed.Where(known.Remove).ToList();
            if (next is null && full)
            {
                var lacking = known.Keys.Where(id => !seen.Contains(id)).ToList();
                foreach (var id in lacking) known.Remove(id);
                gone.AddRange(lacking);
            }
            if ((next ?? delta) is not { } following)
            {
                errors.Add(("alla OneDrive", "svaret på användarändringar saknar både @odata.nextLink och @odata.deltaLink"));
                break;
            }
            directory.SaveUserDrives(upserts, gone, following);
            saved = following;
            if (next is null) break;
            url = next;
        }

        if (saved is not null)
        {
            var late = new List<UserDrive>();
            foreach (var u in known.Values.Where(u => u.DriveId is null && !seen.Contains(u.UserId)).ToList())
            {
                var entry = await LookUpAsync(u.UserId, u.Label, null, errors, ct).ConfigureAwait(false);
                if (entry.DriveId is null) continue;
                late.Add(entry);
                known[entry.UserId] = entry;
            }
            if (late.Count > 0) directory.SaveUserDrives(late, [], saved);
        }

        return known.Values.Where(u => u.DriveId is not null).OrderBy(u => u.UserId, StringComparer.Ordinal)
            .Select(u => new DriveTarget(u.DriveId!, u.Label, u.WebUrl)).ToList();
    }

    /// <summary>The user's OneDrive, or none (404: no licence or never signed in; other failures are an error row, and it is asked again next run).</summary>
    private async Task<UserDrive> LookUpAsync(string userId, string label, string? upn, ICollection<(string, string)> errors, CancellationToken ct)
    {
        try
        {
            var d = await api.GetUserDriveAsync(userId, ct).ConfigureAwait(false);
            return new UserDrive(userId, d?.Id, label, d?.WebUrl);
        }
        catch (GraphRequestException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return new UserDrive(userId, null, label, null);
        }
        catch (Exception ex) when (GraphTargetResolver.NotFatal(ex))
        {
            errors.Add((upn ?? userId, $"OneDrive kunde inte läsas ({Core.Privacy.SafeText.Message(ex.Message)})"));
            return new UserDrive(userId, null, label, null);
        }
    }
}
