using System.IO.Compression;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// The parts of an .xlsb zip package: entries by name (case-insensitive, as OPC names are), relationship parts
/// read with <see cref="SafeXml"/>, and record readers over parts. The zip directory has passed
/// <see cref="OpenXml.ZipGuard"/> before this is made.
/// </summary>
internal sealed class XlsbPackage(ZipArchive zip, ExtractionLimits limits, CancellationToken ct)
{
    /// <summary>As in <see cref="OpenXml.ZipGuard"/>: small parts are not held to the ratio (tiny, repetitive records compress very well).</summary>
    private const long RatioGraceBytes = 1024 * 1024;

    private readonly Dictionary<string, ZipArchiveEntry> entries = Index(zip);

    public bool Has(string part) => entries.ContainsKey(part);

    /// <summary>Reads a part's records; false when the package has no such part.</summary>
    public bool ReadRecords(string part, Func<int, bool> wanted, Action<XlsbRecordReader> onRecord)
    {
        if (!entries.TryGetValue(part, out var entry)) return false;
        // ZipGuard holds only XML parts to the compression ratio; here the binary parts are what is inflated.
        double ratio = (double)entry.Length / Math.Max(1, entry.CompressedLength);
        if (entry.Length > RatioGraceBytes && ratio > limits.MaxCompressionRatio)
            throw ExtractionStop.Limit(nameof(ExtractionLimits.MaxCompressionRatio),
                $"zip entry compressed {ratio:F0}:1, above {limits.MaxCompressionRatio:F0}:1 (MaxCompressionRatio)");
        using var raw = entry.Open();
        using var buffered = new BufferedStream(raw, 64 * 1024);
        var reader = new XlsbRecordReader(buffered, Math.Min(entry.Length, limits.MaxUncompressedBytes));
        int records = 0;
        while (reader.Next(wanted))
        {
            if ((++records & 4095) == 0) ct.ThrowIfCancellationRequested();
            if (wanted(reader.Type)) onRecord(reader);
        }
        return true;
    }

    /// <summary>Streams an XML part (properties) with <see cref="SafeXml"/>; false when the package has no such part.</summary>
    public bool ReadXml(string part, Action<XmlReader> read)
    {
        if (!entries.TryGetValue(part, out var entry)) return false;
        using var stream = entry.Open();
        using var r = SafeXml.Create(stream, limits);
        read(r);
        return true;
    }

    /// <summary>The relationships of <paramref name="part"/> ("" for the package's own): id → (type, package-absolute target); external ones left out.</summary>
    public Dictionary<string, (string Type, string Target)> Relationships(string part)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var dir = part.Contains('/', StringComparison.Ordinal) ? part[..part.LastIndexOf('/')] : "";
        var relsPart = part.Length == 0 ? "_rels/.rels" : (dir.Length > 0 ? dir + "/" : "") + "_rels/" + part[(part.LastIndexOf('/') + 1)..] + ".rels";
        if (!entries.TryGetValue(relsPart, out var entry)) return result;
        try
        {
            using var stream = entry.Open();
            using var r = SafeXml.Create(stream, limits);
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "Relationship") continue;
                if (string.Equals(r.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)) continue;
                if (r.GetAttribute("Id") is not { } id || r.GetAttribute("Target") is not { } target) continue;
                result[id] = (r.GetAttribute("Type") ?? "", Resolve(dir, target));
            }
        }
        catch (XmlException ex)
        {
            throw ExtractionStop.Corrupt($"malformed XML in {relsPart} (line {ex.LineNumber})");
        }
        return result;
    }

    /// <summary>A relationship target relative to the source part's folder, as a zip entry name.</summary>
    internal static string Resolve(string dir, string target)
    {
        var path = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var segments = new List<string>();
        if (!path.StartsWith('/') && dir.Length > 0) segments.AddRange(dir.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var s in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (s == ".") continue;
            if (s == "..")
            {
                if (segments.Count > 0) segments.RemoveAt(segments.Count - 1);
                continue;
            }
            segments.Add(s);
        }
        return string.Join('/', segments);
    }

    private static Dictionary<string, ZipArchiveEntry> Index(ZipArchive zip)
    {
        var index = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in zip.Entries) index.TryAdd(e.FullName.TrimStart('/'), e);
        return index;
    }
}
