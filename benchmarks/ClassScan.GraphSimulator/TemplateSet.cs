using System.Text;

namespace ClassScan.GraphSimulator;

/// <summary>
/// The dev corpus's small text-bearing files (.txt, .csv, .html, .eml), split by their label into files that
/// must leave M365 and files that may stay. Read once at start; every simulated file is one of them plus a line
/// that makes its bytes (and so its hash) its own. The label says what the corpus author meant; what the
/// scanner actually answers per template is calibrated by tenant.sh, so "what was flagged" is checked exactly.
/// </summary>
internal sealed class TemplateSet
{
    private static readonly string[] Extensions = [".txt", ".csv", ".html", ".eml"];

    private TemplateSet(IReadOnlyList<ContentTemplate> sensitive, IReadOnlyList<ContentTemplate> plain)
    {
        Sensitive = sensitive;
        Plain = plain;
    }

    public IReadOnlyList<ContentTemplate> Sensitive { get; }
    public IReadOnlyList<ContentTemplate> Plain { get; }
    public IEnumerable<ContentTemplate> All => Sensitive.Concat(Plain);

    public static TemplateSet Load(string corpusDir)
    {
        var labels = Path.Combine(corpusDir, "labels.csv");
        var sensitive = new List<ContentTemplate>();
        var plain = new List<ContentTemplate>();
        foreach (var line in File.ReadLines(labels).Skip(1))
        {
            // file,split,level,must_leave,pnr_count,health_individual,osl_marking,where,doctype
            var cells = line.Split(',');
            if (cells.Length < 9) continue;
            var ext = Path.GetExtension(cells[0]).ToLowerInvariant();
            if (!Extensions.Contains(ext)) continue;
            var path = Path.Combine(corpusDir, cells[0]);
            if (!File.Exists(path)) continue;
            var t = new ContentTemplate(cells[0], ext, cells[8], File.ReadAllBytes(path), cells[3] == "true");
            (t.MustLeave ? sensitive : plain).Add(t);
        }
        if (sensitive.Count == 0 || plain.Count == 0)
            throw new InvalidDataException($"{labels}: needs text files both with must_leave=true and false");
        return new TemplateSet(sensitive.OrderBy(t => t.Name, StringComparer.Ordinal).ToList(), plain.OrderBy(t => t.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>The template's bytes with an item-specific reference line, placed where each format reads text.</summary>
    public static byte[] Render(ContentTemplate t, string reference)
    {
        var line = "Dokumentreferens: " + reference;
        if (t.Extension == ".html")
        {
            var html = Encoding.UTF8.GetString(t.Bytes);
            var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            var p = $"<p>{line}</p>\n";
            return Encoding.UTF8.GetBytes(at < 0 ? html + p : html.Insert(at, p));
        }
        var suffix = Encoding.UTF8.GetBytes((t.Bytes.Length > 0 && t.Bytes[^1] == (byte)'\n' ? "" : "\n") + line + "\n");
        var bytes = new byte[t.Bytes.Length + suffix.Length];
        t.Bytes.CopyTo(bytes, 0);
        suffix.CopyTo(bytes, t.Bytes.Length);
        return bytes;
    }
}
