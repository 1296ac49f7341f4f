using System.IO.Compression;
using System.Text;

namespace ClassScan.Extraction.Tests.Safety;

/// <summary>
/// Hostile DTDs (external entities to a local file and to <see cref="LoopbackTrap"/>, an out-of-band parameter
/// entity, billion laughs) and a way to plant one into any part of an OOXML package. Documents carry
/// <see cref="Marker"/> where the text is, so the entity reference lands where its expansion would be read.
/// </summary>
internal static class HostileXml
{
    public const string Marker = "XXEMARKER";

    /// <summary>First characters of /etc/passwd: their presence in extracted text means the file was read.</summary>
    public const string PasswdSignature = "root:";

    public static string ExternalEntities(LoopbackTrap trap) => $"""
        <!DOCTYPE r [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
          <!ENTITY web SYSTEM "{trap.Url("entity")}">
          <!ENTITY % remote SYSTEM "{trap.Url("dtd")}">
          %remote;
        ]>
        """;

    public const string ExternalReferences = "&xxe;&web;";

    public static string BillionLaughs()
    {
        var sb = new StringBuilder("<!DOCTYPE r [\n  <!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
            sb.Append($"  <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        return sb.Append("]>\n").ToString();
    }

    public const string LaughReference = "&lol9;";

    /// <summary>Text an expanded billion-laughs entity would produce.</summary>
    public const string LaughSignature = "lollollol";

    /// <summary>Puts <paramref name="doctype"/> after the XML declaration (or first) and the reference in place of the marker.</summary>
    public static string Plant(string xml, string doctype, string reference)
    {
        var at = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return string.Concat(xml.AsSpan(0, at), doctype, xml.AsSpan(at)).Replace(Marker, reference, StringComparison.Ordinal);
    }

    /// <summary>The package with one entry's XML replaced by its planted version.</summary>
    public static byte[] PlantInPart(byte[] package, string entryName, string doctype, string reference)
    {
        using var ms = new MemoryStream();
        ms.Write(package);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"no entry {entryName}");
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
                xml = reader.ReadToEnd();
            entry.Delete();
            var replaced = zip.CreateEntry(entryName);
            using var writer = new StreamWriter(replaced.Open(), new UTF8Encoding(false));
            writer.Write(Plant(xml, doctype, reference));
        }
        return ms.ToArray();
    }

    public static IReadOnlyList<string> XmlEntries(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.FullName).Order(StringComparer.Ordinal).ToList();
    }
}
