using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ClassScan.GraphSimulator;

/// <summary>
/// What a correct scan must find, computed from the model rather than remembered: live files per template at a
/// generation (the benchmark multiplies by the scanner's calibrated verdict per template to get the exact number
/// that must be flagged), and the changes between two generations (edits and new files are what a nightly
/// delta must download, renames and deletions what it must apply without downloading).
/// </summary>
internal static class Expected
{
    public static JsonObject Compute(TenantModel tenant, int gen, int from)
    {
        var byTemplate = new Dictionary<string, long>(StringComparer.Ordinal);
        long live = 0, sensitive = 0, bytes = 0, edited = 0, renamed = 0, deleted = 0, created = 0;
        foreach (var d in tenant.Drives)
        {
            var end = d.MaxIndex(gen);
            for (long i = 0; i < end; i++)
            {
                if (tenant.Item(d, i, gen) is not { } item) continue;
                if (from >= 0 && item.LastChange > from)
                {
                    var before = tenant.Item(d, i, from);
                    if (before is null) { if (!item.Deleted) created++; }
                    else if (item.Deleted) deleted++;
                    else if (item.ContentVersion != before.Value.ContentVersion) edited++;
                    else if (item.NameVersion != before.Value.NameVersion) renamed++;
                }
                if (item.Deleted) continue;
                live++;
                if (item.Template.MustLeave) sensitive++;
                bytes += tenant.Content(item).Length;
                byTemplate[item.Template.Name] = byTemplate.GetValueOrDefault(item.Template.Name) + 1;
            }
        }
        var templates = new JsonObject();
        foreach (var (k, v) in byTemplate.OrderBy(p => p.Key, StringComparer.Ordinal)) templates[k] = v;
        var o = new JsonObject
        {
            ["generation"] = gen,
            ["drives"] = tenant.Drives.Count,
            ["live_files"] = live,
            ["label_must_leave"] = sensitive,
            ["bytes"] = bytes,
            ["by_template"] = templates,
        };
        if (from >= 0)
        {
            o["from"] = from;
            o["edited"] = edited;
            o["renamed"] = renamed;
            o["deleted"] = deleted;
            o["created"] = created;
        }
        return o;
    }

    /// <summary>
    /// Every live file at <paramref name="gen"/> as CSV (what a state that had judged the tenant would hold), for
    /// seeding a state database so that a full listing of a million items can be measured without judging them all.
    /// Columns: scope,item_id,parent_id,name,path,web_url,ctag,etag,qxhash,size,last_modified,template.
    /// </summary>
    public static async Task ExportAsync(HttpResponse response, TenantModel tenant, int gen, CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        var sb = new StringBuilder();
        foreach (var d in tenant.Drives)
        {
            var end = d.MaxIndex(gen);
            for (long i = 0; i < end; i++)
            {
                if (tenant.Item(d, i, gen) is not { Deleted: false } item) continue;
                var content = tenant.Content(item);
                var folderPath = TenantModel.FolderPath(item.Folder);
                sb.Append(d.Id).Append(',').Append(item.Id).Append(',').Append(d.FolderId(item.Folder)).Append(',')
                  .Append(item.Name).Append(',').Append(folderPath).Append('/').Append(item.Name).Append(',')
                  .Append(d.WebUrl).Append('/').Append(folderPath).Append('/').Append(item.Name).Append(',')
                  .Append(d.OneDrive ? "" : $"\"\"\"c:{{{item.Id}}},{1 + item.ContentVersion}\"\"\"").Append(',')
                  .Append($"\"\"\"{{{item.Id}}},{1 + item.ContentVersion + item.NameVersion}\"\"\"").Append(',')
                  .Append(QuickXorHash.Base64(content)).Append(',').Append(content.Length).Append(',')
                  .Append(tenant.Modified(item).ToString("O")).Append(',').Append(item.Template.Name).Append('\n');
                if (sb.Length > 1 << 16)
                {
                    await response.WriteAsync(sb.ToString(), ct);
                    sb.Clear();
                }
            }
        }
        await response.WriteAsync(sb.ToString(), ct);
    }
}
