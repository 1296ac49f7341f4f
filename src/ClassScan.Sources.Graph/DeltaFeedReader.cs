using System.Net;
using ClassScan.Core.Scanning;
using ClassScan.State;
using Polly.Timeout;

namespace ClassScan.Sources.Graph;

/// <summary>
/// Phase one of a drive: fetches its delta feed page by page into the state's staging table, committing the
/// page and the link to the next one together, so a killed run resumes at the page it reached. Starts from
/// the committed delta link (changes only) or, the first time, from /root/delta (the whole drive).
/// 410 Gone restarts from its Location as a full enumeration. Returns an error text for a drive that cannot be
/// read (the scan goes on with the next drive); throws only when the credentials are refused (401).
/// Knows the state only through its cursor and staging ports.
/// </summary>
internal sealed class DeltaFeedReader(GraphApi api, IDeltaCursors cursors, IFeedStaging feed, RunCounters counters)
{
    private const int MaxRestarts = 3;

    public async Task<string?> FetchAsync(DriveTarget drive, CancellationToken ct)
    {
        var scope = drive.DriveId;
        var cursor = cursors.GetCursor(scope);
        if (cursor.FeedFinal is not null) return null; // a complete feed staged by a run that stopped: judge it first

        string url;
        var resuming = false;
        if (cursor.FeedStarted && cursor.FeedNext is not null)
        {
            url = cursor.FeedNext;
            resuming = true;
        }
        else
        {
            url = Begin(cursor.DeltaLink);
        }

        var restarts = 0;
        while (true)
        {
            IReadOnlyList<Microsoft.Graph.Models.DriveItem> items;
            string? next, delta;
            try
            {
                (items, next, delta) = await api.GetDeltaPageAsync(url, ct).ConfigureAwait(false);
            }
            catch (GraphRequestException ex) when (ex.Status == HttpStatusCode.Unauthorized)
            {
                throw new GraphRequestException(ex.Status, ex.Code, "Graph nekade inloggningen (401): kontrollera token eller appregistrering", inner: ex);
            }
            catch (GraphRequestException ex) when (ex.Status == HttpStatusCode.Gone && restarts++ < MaxRestarts)
            {
                // resyncRequired: the token is too old; enumerate the drive again and apply the differences.
                counters.AddResync();
                url = ex.Location is { Length: > 0 } location ? location : api.FirstDeltaUrl(scope);
                cursors.StartFeed(scope, url, full: true);
                resuming = false;
                continue;
            }
            catch (GraphRequestException ex) when (resuming && ex.Status is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && restarts++ < MaxRestarts)
            {
                // The page link saved by a stopped run no longer works: start again from the committed delta link
                // (starting a feed drops what the stopped run staged).
                url = Begin(cursors.GetCursor(scope).DeltaLink);
                resuming = false;
                continue;
            }
            catch (GraphRequestException ex)
            {
                return $"enheten kunde inte listas ({Core.Privacy.SafeText.Message(ex.Message)})";
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutRejectedException or TimeoutException
                                       || (ex is OperationCanceledException && !ct.IsCancellationRequested))
            {
                return $"enheten kunde inte listas efter alla försök ({ex.GetType().Name}: {Core.Privacy.SafeText.Message(ex.Message)})";
            }

            List<FeedEntry> entries;
            try
            {
                entries = items.Select(DriveItemMapper.ToEntry).ToList();
            }
            catch (InvalidDataException ex)
            {
                return "ogiltigt delta-svar: " + ex.Message;
            }

            if (next is not null)
            {
                feed.SaveFeedPage(scope, entries, next, null);
                url = next;
                resuming = true;
            }
            else if (delta is not null)
            {
                feed.SaveFeedPage(scope, entries, null, delta);
                return null;
            }
            else
            {
                return "delta-svaret saknar både @odata.nextLink och @odata.deltaLink";
            }
        }

        string Begin(string? deltaLink)
        {
            var first = deltaLink ?? api.FirstDeltaUrl(scope);
            cursors.StartFeed(scope, first, full: deltaLink is null);
            return first;
        }
    }
}
