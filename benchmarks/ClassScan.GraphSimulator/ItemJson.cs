using System.Text.Json;

namespace ClassScan.GraphSimulator;

/// <summary>
/// Writes driveItems as Graph's delta returns them. Libraries carry cTag; OneDrives leave it out, as OneDrive for
/// Business delta does for creates and edits, so the scanner's quickXorHash fallback is exercised on half the drives.
/// </summary>
internal static class ItemJson
{
    public static void Root(Utf8JsonWriter w, SimDrive d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.RootId);
        w.WriteString("name", "root");
        w.WriteString("eTag", $"\"{{{d.RootId}}},1\"");
        w.WriteString("lastModifiedDateTime", TenantModel.Clock.ToString("O"));
        w.WriteString("webUrl", d.WebUrl);
        w.WriteStartObject("root");
        w.WriteEndObject();
        w.WriteStartObject("folder");
        w.WriteNumber("childCount", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Folder(Utf8JsonWriter w, SimDrive d, int f)
    {
        w.WriteStartObject();
        w.WriteString("id", d.FolderId(f));
        w.WriteString("name", $"Mapp {f}");
        w.WriteString("eTag", $"\"{{{d.FolderId(f)}}},1\"");
        w.WriteString("lastModifiedDateTime", TenantModel.Clock.ToString("O"));
        w.WriteString("webUrl", d.WebUrl + "/" + TenantModel.FolderPath(f));
        Parent(w, d, SimDrive.ParentOf(f));
        w.WriteStartObject("folder");
        w.WriteNumber("childCount", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void File(Utf8JsonWriter w, TenantModel tenant, SimItem item)
    {
        var d = item.Drive;
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("name", item.Name);
        if (item.Deleted)
        {
            w.WriteStartObject("deleted");
            w.WriteString("state", "deleted");
            w.WriteEndObject();
            Parent(w, d, item.Folder);
            w.WriteEndObject();
            return;
        }
        var content = tenant.Content(item);
        w.WriteString("eTag", $"\"{{{item.Id}}},{1 + item.ContentVersion + item.NameVersion}\"");
        if (!d.OneDrive) w.WriteString("cTag", $"\"c:{{{item.Id}}},{1 + item.ContentVersion}\"");
        w.WriteNumber("size", content.Length);
        w.WriteString("lastModifiedDateTime", tenant.Modified(item).ToString("O"));
        w.WriteString("webUrl", d.WebUrl + "/" + TenantModel.FolderPath(item.Folder) + "/" + item.Name);
        w.WriteStartObject("lastModifiedBy");
        w.WriteStartObject("user");
        w.WriteString("displayName", tenant.ModifiedBy(item));
        w.WriteEndObject();
        w.WriteEndObject();
        Parent(w, d, item.Folder);
        w.WriteStartObject("file");
        w.WriteString("mimeType", MimeType(item.Template.Extension));
        w.WriteStartObject("hashes");
        w.WriteString("quickXorHash", QuickXorHash.Base64(content));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string MimeType(string extension) => extension switch
    {
        ".html" => "text/html",
        ".csv" => "text/csv",
        ".eml" => "message/rfc822",
        _ => "text/plain",
    };

    private static void Parent(Utf8JsonWriter w, SimDrive d, int folder)
    {
        w.WriteStartObject("parentReference");
        w.WriteString("driveId", d.Id);
        w.WriteString("driveType", d.OneDrive ? "business" : "documentLibrary");
        w.WriteString("id", folder < 0 ? d.RootId : d.FolderId(folder));
        w.WriteEndObject();
    }
}
