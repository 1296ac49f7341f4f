using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassScan.GraphSimulator;

/// <summary>
/// Two Kestrel servers on 127.0.0.1, as the test fake has: the Graph endpoints a scan calls (drives, sites, users,
/// /root/delta with nextLink/deltaLink paging and 410 for tokens older than the valid generation, /content
/// answering 302) behind "Bearer t" and the resource-unit budget; and the pre-authenticated download host.
/// <para>Delta tokens carry position and generation: "e{g}.{pos}" a full enumeration pinned to generation g,
/// "d{g}" a deltaLink (the state at g), "c{from}.{to}.{pos}" a change feed between two generations. Nothing per
/// client is kept: any node may follow any link. /sim/* (no token, loopback only) controls the tenant and reports
/// statistics.</para>
/// </summary>
internal sealed class SimServer(TenantModel tenant, SimStats stats, ResourceBudget budget)
{
    private const string Token = "Bearer t";
    private const int MaxScanPerPage = 50_000;

    public string BaseUrl { get; private set; } = "";
    public string DownloadHost { get; private set; } = "";

    public async Task RunAsync(int port, string? portFile, CancellationToken ct)
    {
        var graph = Build(port);
        var download = Build(0);
        graph.Run(async ctx =>
        {
            try
            {
                await HandleGraphAsync(ctx);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A simulator bug must be visible, not a silent 500 that the client retries.
                Console.Error.WriteLine($"graph-simulator: {ctx.Request.Path}{ctx.Request.QueryString}: {ex}");
                throw;
            }
        });
        download.Run(HandleDownloadAsync);
        await graph.StartAsync(ct);
        await download.StartAsync(ct);
        BaseUrl = graph.Urls.Single().TrimEnd('/') + "/v1.0";
        DownloadHost = download.Urls.Single().TrimEnd('/');
        var line = $"{BaseUrl} {DownloadHost}";
        if (portFile is not null) await File.WriteAllTextAsync(portFile + ".tmp", line + "\n", ct);
        if (portFile is not null) File.Move(portFile + ".tmp", portFile, overwrite: true);
        Console.WriteLine($"graph-simulator: {line} drives={tenant.Drives.Count} sites={tenant.Sites.Count} users={tenant.Users.Count} items={tenant.Options.Items} generation={tenant.Generation}");
        // The host's console lifetime turns SIGTERM and Ctrl+C into a shutdown; waiting on it (rather than on a
        // token of our own) lets `kill PID` end the simulator instead of leaving it listening.
        await graph.WaitForShutdownAsync(ct);
        await download.StopAsync(CancellationToken.None);
    }

    private static WebApplication Build(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, port);
            o.AddServerHeader = false;
        });
        return builder.Build();
    }

    /// <summary>CLASSSCAN_SIM_LOG=1 prints every request with its status (debugging a client).</summary>
    private static readonly bool LogRequests = Environment.GetEnvironmentVariable("CLASSSCAN_SIM_LOG") == "1";

    private async Task HandleGraphAsync(HttpContext ctx)
    {
        if (LogRequests) ctx.Response.OnCompleted(() =>
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {ctx.Response.StatusCode} {ctx.Request.Path}{ctx.Request.QueryString}");
            return Task.CompletedTask;
        });
        var path = ctx.Request.Path.Value ?? "";
        if (path.StartsWith("/sim/", StringComparison.Ordinal))
        {
            await ControlAsync(ctx, path[5..]);
            return;
        }
        var s = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (ctx.Request.Headers.Authorization.ToString() != Token)
        {
            stats.Request("unauthorized");
            await Error(ctx, 401, "InvalidAuthenticationToken");
            return;
        }
        if (s.Length < 2 || s[0] != "v1.0")
        {
            await Error(ctx, 400, "invalidRequest");
            return;
        }
        var token = ctx.Request.Query["token"].ToString();
        var (kind, cost) = s[1..] switch
        {
            ["drives", _, "root", "delta"] => ("delta", token.Length == 0 ? 2 : 1),
            ["drives", _, "items", _, "content"] => ("content", 1),
            _ => ("metadata", 1),
        };
        stats.Request(kind);
        stats.Spent(cost);
        var (retryAfter, remaining) = budget.Take(cost);
        if (retryAfter is { } after)
        {
            stats.Throttled();
            ctx.Response.Headers.RetryAfter = after.ToString(CultureInfo.InvariantCulture);
            await Error(ctx, 429, "TooManyRequests");
            return;
        }
        if (budget.PerMinute > 0 && remaining < budget.PerMinute * 0.2)
        {
            // SharePoint adds these once 80 % of the window's budget is used (draft IETF RateLimit headers).
            ctx.Response.Headers["RateLimit-Limit"] = budget.PerMinute.ToString(CultureInfo.InvariantCulture);
            ctx.Response.Headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            ctx.Response.Headers["RateLimit-Reset"] = "60";
        }

        switch (s[1..])
        {
            case ["drives", var d, "root", "delta"]:
                await DeltaAsync(ctx, d, token);
                return;
            case ["drives", var d, "items", var i, "content"]:
                await ContentAsync(ctx, d, i);
                return;
            case ["drives", var d]:
                if (tenant.DriveById.GetValueOrDefault(d) is { } drive) await Json(ctx, w => DriveJson(w, drive), wrap: false);
                else await Error(ctx, 404, "itemNotFound");
                return;
            case ["sites", "getAllSites"]:
                await Json(ctx, w => List(w, tenant.Sites, SiteJson));
                return;
            case ["sites", var id, "drives"]:
                var owner = tenant.Sites.FirstOrDefault(x => x.Id == id);
                if (owner is null) await Error(ctx, 404, "itemNotFound");
                else await Json(ctx, w => List(w, owner.Drives.Select(x => tenant.Drives[x]), DriveJson));
                return;
            case ["sites", var key, ..]:
                // By id, or by URL ("/sites/host:/sites/x", which the split above cut at its slashes).
                var byUrl = path.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? "https://" + path["/v1.0/sites/".Length..colon] + path[(colon + 1)..].TrimEnd('/') : null;
                var site = tenant.Sites.FirstOrDefault(x => x.Id == key || x.WebUrl == byUrl);
                if (site is null) await Error(ctx, 404, "itemNotFound");
                else await Json(ctx, w => SiteJson(w, site), wrap: false);
                return;
            case ["users"]:
                await Json(ctx, w => List(w, tenant.Users, (w2, u) =>
                {
                    w2.WriteStartObject();
                    w2.WriteString("id", u.Id);
                    w2.WriteString("displayName", u.DisplayName);
                    w2.WriteString("userPrincipalName", u.Upn);
                    w2.WriteEndObject();
                }));
                return;
            case ["users", var uid, "drive"]:
                var user = tenant.Users.FirstOrDefault(x => x.Id == uid);
                if (user is null) await Error(ctx, 404, "itemNotFound");
                else await Json(ctx, w => DriveJson(w, tenant.Drives[user.Drive]), wrap: false);
                return;
            default:
                await Error(ctx, 400, "invalidRequest");
                return;
        }
    }

    private async Task DeltaAsync(HttpContext ctx, string driveId, string token)
    {
        if (!tenant.DriveById.TryGetValue(driveId, out var d))
        {
            await Error(ctx, 404, "itemNotFound");
            return;
        }
        if (!DeltaToken.TryParse(token, tenant.Generation, out var t))
        {
            await Error(ctx, 400, "invalidRequest");
            return;
        }
        if (t.From < tenant.MinValidGeneration)
        {
            ctx.Response.Headers.Location = $"{BaseUrl}/drives/{driveId}/root/delta";
            await Error(ctx, 410, "resyncRequired");
            return;
        }
        var link = $"{BaseUrl}/drives/{driveId}/root/delta?token=";
        var served = 0;
        await Json(ctx, w =>
        {
            w.WriteStartArray("value");
            long pos = t.Position;
            var pageSize = tenant.Options.PageSize;
            var scanned = 0;
            if (t.Full)
            {
                // Positions: 0 the root, 1..F the folders (parents first), then the files by index.
                var end = 1 + d.Folders + d.MaxIndex(t.To);
                for (; pos < end && served < pageSize && scanned < MaxScanPerPage; pos++, scanned++)
                {
                    if (pos == 0)
                    {
                        ItemJson.Root(w, d);
                        served++;
                    }
                    else if (pos <= d.Folders)
                    {
                        ItemJson.Folder(w, d, (int)pos - 1);
                        served++;
                    }
                    else if (tenant.Item(d, pos - 1 - d.Folders, t.To) is { Deleted: false } item)
                    {
                        ItemJson.File(w, tenant, item);
                        served++;
                    }
                }
                w.WriteEndArray();
                if (pos < end) w.WriteString("@odata.nextLink", link + $"e{t.To}.{pos}");
                else w.WriteString("@odata.deltaLink", link + $"d{t.To}");
            }
            else
            {
                var end = d.MaxIndex(t.To);
                for (; pos < end && served < pageSize && scanned < MaxScanPerPage; pos++, scanned++)
                {
                    if (tenant.Item(d, pos, t.To) is not { } item || item.LastChange <= t.From) continue;
                    if (item.Deleted && item.Created > t.From) continue; // born and gone since the token: never seen
                    ItemJson.File(w, tenant, item);
                    served++;
                }
                w.WriteEndArray();
                if (pos < end) w.WriteString("@odata.nextLink", link + $"c{t.From}.{t.To}.{pos}");
                else w.WriteString("@odata.deltaLink", link + $"d{t.To}");
            }
        });
        stats.Entries(served);
    }

    private async Task ContentAsync(HttpContext ctx, string driveId, string itemId)
    {
        var gen = tenant.Generation;
        if (tenant.ParseItemId(itemId) is not { } at || at.Drive.Id != driveId || tenant.Item(at.Drive, at.Index, gen) is not { Deleted: false })
        {
            await Error(ctx, 404, "itemNotFound");
            return;
        }
        ctx.Response.StatusCode = 302;
        ctx.Response.Headers.Location = $"{DownloadHost}/dl/{driveId}/{itemId}?g={gen}&sig=preauth";
    }

    private async Task HandleDownloadAsync(HttpContext ctx)
    {
        var s = (ctx.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (s.Length != 3 || s[0] != "dl" || tenant.ParseItemId(s[2]) is not { } at || at.Drive.Id != s[1]
            || !int.TryParse(ctx.Request.Query["g"], NumberStyles.None, CultureInfo.InvariantCulture, out var gen)
            || tenant.Item(at.Drive, at.Index, gen) is not { Deleted: false } item)
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        if (ctx.Request.Headers.Authorization.Count > 0) stats.Request("download-with-authorization");
        var content = tenant.Content(item);
        var range = ctx.Request.Headers.Range.ToString();
        var from = range.StartsWith("bytes=", StringComparison.Ordinal) && int.TryParse(range[6..].Split('-')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
        from = Math.Min(from, content.Length);
        if (from > 0)
        {
            ctx.Response.StatusCode = 206;
            ctx.Response.Headers.ContentRange = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }
        else
        {
            stats.Downloaded(s[1], s[2], content.Length);
        }
        stats.Request("download");
        ctx.Response.ContentType = "application/octet-stream";
        ctx.Response.ContentLength = content.Length - from;
        await ctx.Response.Body.WriteAsync(content.AsMemory(from));
    }

    private async Task ControlAsync(HttpContext ctx, string what)
    {
        var q = ctx.Request.Query;
        int Gen(string key, int fallback) => int.TryParse(q[key], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : fallback;
        switch (what)
        {
            case "stats":
                await Text(ctx, stats.ToJson(tenant).ToJsonString(), "application/json");
                return;
            case "reset":
                stats.Reset();
                await Text(ctx, "ok\n");
                return;
            case "generation":
                // The next night: ?g=N moves the tenant; &invalidate=1 also makes every older token answer 410.
                tenant.Generation = Gen("g", tenant.Generation + 1);
                if (q["invalidate"] == "1") tenant.MinValidGeneration = tenant.Generation;
                await Text(ctx, $"generation {tenant.Generation}\n");
                return;
            case "downloads":
                var sb = new StringBuilder();
                foreach (var (k, v) in stats.Downloads.OrderBy(p => p.Key, StringComparer.Ordinal)) sb.Append(k).Append(' ').Append(v).Append('\n');
                await Text(ctx, sb.ToString());
                return;
            case "templates":
                var tb = new StringBuilder("template,extension,must_leave_label\n");
                foreach (var t in tenant.Templates.All) tb.Append(t.Name).Append(',').Append(t.Extension).Append(',').Append(t.MustLeave ? "true" : "false").Append('\n');
                await Text(ctx, tb.ToString());
                return;
            case "expected":
                await Text(ctx, Expected.Compute(tenant, Gen("gen", tenant.Generation), Gen("from", -1)).ToJsonString(), "application/json");
                return;
            case "export":
                await Expected.ExportAsync(ctx.Response, tenant, Gen("gen", tenant.Generation), ctx.RequestAborted);
                return;
            default:
                ctx.Response.StatusCode = 404;
                return;
        }
    }

    private static void List<T>(Utf8JsonWriter w, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartArray("value");
        foreach (var i in items) write(w, i);
        w.WriteEndArray();
    }

    private static void SiteJson(Utf8JsonWriter w, SimSite s)
    {
        w.WriteStartObject();
        w.WriteString("id", s.Id);
        w.WriteString("displayName", s.DisplayName);
        w.WriteString("webUrl", s.WebUrl);
        w.WriteEndObject();
    }

    private static void DriveJson(Utf8JsonWriter w, SimDrive d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteString("name", d.Name);
        w.WriteString("webUrl", d.WebUrl);
        w.WriteString("driveType", d.OneDrive ? "business" : "documentLibrary");
        if (d.Owner is not null)
        {
            w.WriteStartObject("owner");
            w.WriteStartObject("user");
            w.WriteString("displayName", d.Owner);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Writes a JSON response: an object of the properties <paramref name="body"/> writes, or (wrap: false) the one object it writes.</summary>
    private static async Task Json(HttpContext ctx, Action<Utf8JsonWriter> body, bool wrap = true)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            if (wrap) w.WriteStartObject();
            body(w);
            if (wrap) w.WriteEndObject();
        }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength = buffer.Length;
        await ctx.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static async Task Text(HttpContext ctx, string text, string type = "text/plain")
    {
        ctx.Response.ContentType = type + "; charset=utf-8";
        await ctx.Response.WriteAsync(text);
    }

    private static async Task Error(HttpContext ctx, int status, string code)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync($"{{\"error\":{{\"code\":\"{code}\",\"message\":\"{code}\"}}}}");
    }
}
