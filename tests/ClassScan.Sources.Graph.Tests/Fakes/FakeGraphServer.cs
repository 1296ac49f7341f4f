using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClassScan.Sources.Graph.Tests.Fakes;

/// <summary>
/// Two Kestrel servers on 127.0.0.1: one speaks Graph's wire format (delta with nextLink/deltaLink paging and
/// 410 resync, /content answering 302, drives, sites, users; every call needs "Bearer t"), the other plays
/// the pre-authenticated download host (ranges supported; it records any Authorization header it receives).
/// <see cref="Fault"/> injects 429/503, connection resets, truncated and corrupted bodies. Delta honours $select as
/// Graph does (only the selected properties, the $select carried into nextLink and deltaLink). Everything is logged.
/// </summary>
internal sealed class FakeGraphServer : IAsyncDisposable
{
    public const string Token = "t";

    private readonly WebApplication graph;
    private readonly WebApplication download;
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> log = new();

    private FakeGraphServer(WebApplication graph, WebApplication download)
    {
        this.graph = graph;
        this.download = download;
    }

    public string BaseUrl { get; private set; } = "";
    public string DownloadHost { get; private set; } = "";
    public ConcurrentDictionary<string, FakeDrive> Drives { get; } = new(StringComparer.Ordinal);
    public List<FakeSite> Sites { get; } = [];
    public List<FakeUser> Users { get; } = [];
    public int PageSize { get; set; } = 200;

    /// <summary>False: /users/delta is unknown here (400), as on a server that only lists /users.</summary>
    public bool UsersDeltaSupported { get; set; } = true;

    /// <summary>Users-delta tokens older than this get 410 Gone.</summary>
    public long MinValidUsersToken { get; set; }

    private readonly List<JsonObject> userLog = [];

    /// <summary>Adds or replaces a user and logs the change for the users delta.</summary>
    public void ChangeUser(FakeUser user)
    {
        lock (userLog)
        {
            Users.RemoveAll(u => u.Id == user.Id);
            Users.Add(user);
            userLog.Add(UserJson(user));
        }
    }

    /// <summary>Deletes a user; the users delta reports it as "@removed".</summary>
    public void RemoveUser(string id)
    {
        lock (userLog)
        {
            Users.RemoveAll(u => u.Id == id);
            userLog.Add(new JsonObject { ["id"] = id, ["@removed"] = new JsonObject { ["reason"] = "deleted" } });
        }
    }

    /// <summary>Decides per request whether to misbehave; null answers normally.</summary>
    public Func<FakeRequest, FakeFault?>? Fault { get; set; }

    /// <summary>Delay before each download body (to keep a scan in flight long enough to kill it).</summary>
    public TimeSpan DownloadDelay { get; set; }

    public IReadOnlyList<FakeRequest> Requests => log.ToArray();

    public int Count(FakeRequestKind kind, bool successfulOnly = false) =>
        log.Count(r => r.Kind == kind && (!successfulOnly || r.Status is >= 200 and < 400));

    public void ResetLog()
    {
        log.Clear();
        attempts.Clear();
    }

    public FakeDrive AddDrive(string id, string name = "Dokument")
    {
        var d = new FakeDrive(id, name);
        Drives[id] = d;
        return d;
    }

    public static async Task<FakeGraphServer> StartAsync()
    {
        var server = new FakeGraphServer(Build(), Build());
        server.graph.Run(server.HandleGraphAsync);
        server.download.Run(server.HandleDownloadAsync);
        await server.graph.StartAsync();
        await server.download.StartAsync();
        server.BaseUrl = server.graph.Urls.Single().TrimEnd('/') + "/v1.0";
        server.DownloadHost = server.download.Urls.Single().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await graph.StopAsync();
        await download.StopAsync();
        await graph.DisposeAsync();
        await download.DisposeAsync();
    }

    private static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        return builder.Build();
    }

    private async Task HandleGraphAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (kind, driveId, itemId) = path.StartsWith("/v1.0/sites/", StringComparison.Ordinal) && path.Contains(':', StringComparison.Ordinal)
            ? (FakeRequestKind.Site, null, null)
            : Classify(segments);
        var request = Log(ctx, kind, driveId, itemId);
        if (ctx.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            await Error(ctx, request, 401, "InvalidAuthenticationToken");
            return;
        }
        if (await InjectAsync(ctx, request)) return;

        switch (kind)
        {
            case FakeRequestKind.Delta:
                await DeltaAsync(ctx, request, driveId!);
                return;
            case FakeRequestKind.Content:
                var item = Drives.GetValueOrDefault(driveId!)?.Get(itemId!);
                if (item is null || !item.IsFile)
                {
                    await Error(ctx, request, 404, "itemNotFound");
                    return;
                }
                request.Status = 302;
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = $"{DownloadHost}/dl/{driveId}/{itemId}?v={item.ContentVersion}&sig=preauth";
                return;
            case FakeRequestKind.Item:
                var one = Drives.GetValueOrDefault(driveId!)?.Get(itemId!);
                if (one is null) await Error(ctx, request, 404, "itemNotFound");
                else await Json(ctx, request, Selected(Drives[driveId!].Render(one), ctx.Request.Query["$select"]));
                return;
            case FakeRequestKind.Drive:
                if (Drives.GetValueOrDefault(driveId!) is not { } d)
                {
                    await Error(ctx, request, 404, "itemNotFound");
                    return;
                }
                await Json(ctx, request, DriveJson(d));
                return;
            case FakeRequestKind.Site:
                var site = FindSite(path["/v1.0/sites/".Length..]);
                if (site is null) await Error(ctx, request, 404, "itemNotFound");
                else await Json(ctx, request, new JsonObject { ["id"] = site.Id, ["displayName"] = site.DisplayName, ["webUrl"] = site.WebUrl });
                return;
            case FakeRequestKind.SiteDrives:
                var owner = Sites.FirstOrDefault(s => s.Id == segments[2]);
                if (owner is null) await Error(ctx, request, 404, "itemNotFound");
                else await Json(ctx, request, new JsonObject { ["value"] = new JsonArray(owner.DriveIds.Select(id => (JsonNode)DriveJson(Drives[id])).ToArray()) });
                return;
            case FakeRequestKind.AllSites:
                await Json(ctx, request, new JsonObject
                {
                    ["value"] = new JsonArray(Sites.Select(s => (JsonNode)new JsonObject { ["id"] = s.Id, ["displayName"] = s.DisplayName, ["webUrl"] = s.WebUrl }).ToArray()),
                });
                return;
            case FakeRequestKind.Users:
                await Json(ctx, request, new JsonObject
                {
                    ["value"] = new JsonArray(Users.Select(u => (JsonNode)new JsonObject { ["id"] = u.Id, ["displayName"] = u.DisplayName, ["userPrincipalName"] = u.Upn }).ToArray()),
                });
                return;
            case FakeRequestKind.UsersDelta when !UsersDeltaSupported:
                await Error(ctx, request, 400, "invalidRequest");
                return;
            case FakeRequestKind.UsersDelta:
                await UsersDeltaAsync(ctx, request);
                return;
            case FakeRequestKind.UserDrive:
                var user = Users.FirstOrDefault(u => u.Id == segments[2]);
                if (user?.DriveId is null) await Error(ctx, request, 404, "itemNotFound");
                else await Json(ctx, request, DriveJson(Drives[user.DriveId]));
                return;
            default:
                await Error(ctx, request, 400, "invalidRequest");
                return;
        }
    }

    private async Task DeltaAsync(HttpContext ctx, FakeRequest request, string driveId)
    {
        if (!Drives.TryGetValue(driveId, out var drive))
        {
            await Error(ctx, request, 404, "itemNotFound");
            return;
        }
        long? token = long.TryParse(ctx.Request.Query["token"], out var t) ? t : null;
        var skip = int.TryParse(ctx.Request.Query["skip"], out var s) ? s : 0;
        if (token is { } tok && tok < drive.MinValidToken)
        {
            ctx.Response.Headers.Location = $"{BaseUrl}/drives/{driveId}/root/delta";
            await Error(ctx, request, 410, "resyncRequired");
            return;
        }
        // A full enumeration is pinned to the log position it started at, carried in its page links.
        long at = long.TryParse(ctx.Request.Query["at"], out var a) ? a : drive.Token;
        var feed = drive.Feed(token);
        string? select = ctx.Request.Query["$select"];
        var page = feed.Skip(skip).Take(PageSize).Select(o => (JsonNode)Selected(o, select)).ToList();
        var body = new JsonObject { ["value"] = new JsonArray(page.ToArray()) };
        // Like Graph, the links keep the request's $select.
        var baseLink = $"{BaseUrl}/drives/{driveId}/root/delta";
        var keep = select is null ? "" : "&$select=" + Uri.EscapeDataString(select);
        if (skip + PageSize < feed.Count)
            body["@odata.nextLink"] = $"{baseLink}?{(token is null ? "" : $"token={token}&")}skip={skip + PageSize}&at={at}{keep}";
        else
            body["@odata.deltaLink"] = $"{baseLink}?token={(token is null ? at : drive.Token)}{keep}";
        await Json(ctx, request, body);
    }

    /// <summary>Only the selected top-level properties, as Graph answers a $select (no $select: everything).</summary>
    internal static JsonObject Selected(JsonObject item, string? select)
    {
        if (string.IsNullOrEmpty(select)) return item;
        var keep = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in item.Select(p => p.Key).ToList())
        {
            if (!keep.Contains(name)) item.Remove(name);
        }
        return item;
    }

    private async Task UsersDeltaAsync(HttpContext ctx, FakeRequest request)
    {
        long? token = long.TryParse(ctx.Request.Query["token"], out var t) ? t : null;
        var skip = int.TryParse(ctx.Request.Query["skip"], out var s) ? s : 0;
        string? select = ctx.Request.Query["$select"];
        List<JsonObject> feed;
        long now;
        lock (userLog)
        {
            if (token is { } tok && tok < MinValidUsersToken)
            {
                feed = [];
                now = 0;
            }
            else
            {
                feed = token is { } from ? userLog.Skip((int)from).Select(o => (JsonObject)o.DeepClone()).ToList() : Users.Select(UserJson).ToList();
                now = userLog.Count;
            }
        }
        if (token is { } old && old < MinValidUsersToken)
        {
            await Error(ctx, request, 410, "syncStateNotFound");
            return;
        }
        long at = long.TryParse(ctx.Request.Query["at"], out var a) ? a : now;
        var page = feed.Skip(skip).Take(PageSize).Select(o => (JsonNode)(o.ContainsKey("@removed") ? o : Selected(o, select))).ToArray();
        var body = new JsonObject { ["value"] = new JsonArray(page) };
        var keep = select is null ? "" : "&$select=" + Uri.EscapeDataString(select);
        var baseLink = $"{BaseUrl}/users/delta";
        if (skip + PageSize < feed.Count)
            body["@odata.nextLink"] = $"{baseLink}?{(token is null ? "" : $"token={token}&")}skip={skip + PageSize}&at={at}{keep}";
        else
            body["@odata.deltaLink"] = $"{baseLink}?token={(token is null ? at : now)}{keep}";
        await Json(ctx, request, body);
    }

    private static JsonObject UserJson(FakeUser u) =>
        new() { ["id"] = u.Id, ["displayName"] = u.DisplayName, ["userPrincipalName"] = u.Upn, ["accountEnabled"] = true, ["mail"] = u.Upn, ["jobTitle"] = "Handläggare" };

    private async Task HandleDownloadAsync(HttpContext ctx)
    {
        var segments = (ctx.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var driveId = segments.Length == 3 ? segments[1] : null;
        var itemId = segments.Length == 3 ? segments[2] : null;
        var request = Log(ctx, FakeRequestKind.Download, driveId, itemId);
        if (await InjectAsync(ctx, request)) return;
        var item = driveId is null ? null : Drives.GetValueOrDefault(driveId)?.Get(itemId!);
        if (item is null)
        {
            request.Status = 404;
            ctx.Response.StatusCode = 404;
            return;
        }
        if (DownloadDelay > TimeSpan.Zero) await Task.Delay(DownloadDelay);
        var content = item.Content;
        var from = request.RangeFrom ?? 0;
        if (from > 0)
        {
            request.Status = 206;
            ctx.Response.StatusCode = 206;
            ctx.Response.Headers.ContentRange = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }
        else
        {
            request.Status = 200;
        }
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = content.Length - from;
        await ctx.Response.Body.WriteAsync(content.AsMemory((int)from));
    }

    /// <summary>Applies the fault plan; true when the request was answered (or dropped) by it.</summary>
    private async Task<bool> InjectAsync(HttpContext ctx, FakeRequest request)
    {
        if (Fault?.Invoke(request) is not { } fault) return false;
        switch (fault.Kind)
        {
            case FakeFaultKind.Reset:
                request.Status = -1;
                ctx.Abort();
                return true;
            case FakeFaultKind.Corrupt when request.Kind == FakeRequestKind.Download && request.ItemId is { } cid
                                              && Drives.GetValueOrDefault(request.DriveId!)?.Get(cid) is { Content.Length: > 0 } corrupted:
                request.Status = 200;
                var copy = corrupted.Content.ToArray();
                copy[copy.Length / 2] ^= 0x20;
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/octet-stream";
                ctx.Response.ContentLength = copy.Length;
                await ctx.Response.Body.WriteAsync(copy);
                return true;
            case FakeFaultKind.Truncate:
                request.Status = -2;
                var bytes = request.Kind == FakeRequestKind.Download && request.ItemId is { } id && Drives.GetValueOrDefault(request.DriveId!)?.Get(id) is { } item
                    ? item.Content
                    : new byte[4096];
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentLength = bytes.Length;
                await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await ctx.Response.Body.FlushAsync();
                await Task.Delay(300); // let the transport send the first half before the connection is dropped
                ctx.Abort();
                return true;
            default:
                if (fault.RetryAfterSeconds is { } after) ctx.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Error(ctx, request, fault.Status, fault.Status == 429 ? "TooManyRequests" : "serviceNotAvailable");
                return true;
        }
    }

    private FakeRequest Log(HttpContext ctx, FakeRequestKind kind, string? driveId, string? itemId)
    {
        var key = $"{kind}|{driveId}|{itemId}|{(kind == FakeRequestKind.Delta ? ctx.Request.QueryString.Value : "")}";
        var range = ctx.Request.Headers.Range.ToString();
        long? from = range.StartsWith("bytes=", StringComparison.Ordinal) && long.TryParse(range[6..].TrimEnd('-'), out var f) ? f : null;
        var r = new FakeRequest(kind, ctx.Request.Path + ctx.Request.QueryString, driveId, itemId, attempts.AddOrUpdate(key, 1, (_, n) => n + 1),
            ctx.Request.Headers.Authorization.Count > 0, from, DateTimeOffset.UtcNow, ctx.Request.Headers.UserAgent.ToString())
        {
            Prefer = ctx.Request.Headers["Prefer"].ToString(),
        };
        log.Enqueue(r);
        return r;
    }

    private static (FakeRequestKind, string?, string?) Classify(string[] s)
    {
        // s[0] = "v1.0"
        if (s.Length < 2 || s[0] != "v1.0") return (FakeRequestKind.Unknown, null, null);
        return s[1..] switch
        {
            ["drives", var d, "root", "delta"] => (FakeRequestKind.Delta, d, null),
            ["drives", var d, "items", var i, "content"] => (FakeRequestKind.Content, d, i),
            ["drives", var d, "items", var i] => (FakeRequestKind.Item, d, i),
            ["drives", var d] => (FakeRequestKind.Drive, d, null),
            ["sites", "getAllSites"] => (FakeRequestKind.AllSites, null, null),
            ["sites", _, "drives"] => (FakeRequestKind.SiteDrives, null, null),
            ["sites", _] => (FakeRequestKind.Site, null, null),
            ["users"] => (FakeRequestKind.Users, null, null),
            ["users", "delta"] => (FakeRequestKind.UsersDelta, null, null),
            ["users", _, "drive"] => (FakeRequestKind.UserDrive, null, null),
            _ => (FakeRequestKind.Unknown, null, null),
        };
    }

    private FakeSite? FindSite(string key)
    {
        // "host:/sites/x" (by path) or "host" (root site) or an id.
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return Sites.FirstOrDefault(s => s.Id == key || new Uri(s.WebUrl).Host == key && new Uri(s.WebUrl).AbsolutePath.Trim('/').Length == 0);
        var host = key[..colon];
        var path = key[(colon + 1)..].TrimEnd('/');
        return Sites.FirstOrDefault(s => new Uri(s.WebUrl).Host == host && new Uri(s.WebUrl).AbsolutePath.TrimEnd('/') == path);
    }

    private static JsonObject DriveJson(FakeDrive d)
    {
        var o = new JsonObject { ["id"] = d.Id, ["name"] = d.Name, ["webUrl"] = d.WebUrl, ["driveType"] = d.DriveType };
        if (d.OwnerName is not null) o["owner"] = new JsonObject { ["user"] = new JsonObject { ["displayName"] = d.OwnerName } };
        return o;
    }

    private static async Task Json(HttpContext ctx, FakeRequest request, JsonObject body)
    {
        request.Status = 200;
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        var bytes = System.Text.Encoding.UTF8.GetBytes(body.ToJsonString());
        request.ResponseBytes = bytes.Length;
        await ctx.Response.Body.WriteAsync(bytes);
    }

    private static async Task Error(HttpContext ctx, FakeRequest request, int status, string code)
    {
        request.Status = status;
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } }.ToJsonString());
    }
}
