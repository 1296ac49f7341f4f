using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// The document properties of an .xlsb package (docProps/core.xml and docProps/custom.xml are XML, as in any OOXML
/// package): the same Metadata segment as <see cref="OpenXml.OoxmlProperties"/> gives for an .xlsx, descriptive
/// core properties and custom ones (where sensitivity labels live), author names left out. Broken properties
/// become a note, never the workbook's failure.
/// </summary>
internal static class XlsbProperties
{
    private static readonly (string Element, string Label)[] Core =
    [
        ("title", "Titel"), ("subject", "Ämne"), ("keywords", "Nyckelord"), ("description", "Beskrivning"), ("category", "Kategori"),
    ];

    public static void Read(XlsbPackage package, SegmentCollector collector, string location)
    {
        try
        {
            var sb = new StringBuilder();
            var core = new Dictionary<string, string>(StringComparer.Ordinal);
            var targets = package.Relationships("").Values.ToList();
            if (Target(targets, "/metadata/core-properties") is { } corePart)
            {
                package.ReadXml(corePart, r =>
                {
                    r.MoveToContent();
                    while (!r.EOF)
                    {
                        if (r.NodeType == XmlNodeType.Element && r.Depth == 1 && !r.IsEmptyElement && Core.Any(c => c.Element == r.LocalName))
                        {
                            core.TryAdd(r.LocalName, r.ReadElementContentAsString()); // already on the next node
                            continue;
                        }
                        r.Read();
                    }
                });
            }
            foreach (var (element, label) in Core) Append(sb, label, core.GetValueOrDefault(element));

            if (Target(targets, "/custom-properties") is { } customPart)
            {
                package.ReadXml(customPart, r =>
                {
                    string? name = null;
                    while (r.Read())
                    {
                        if (r.NodeType != XmlNodeType.Element) continue;
                        if (r.LocalName == "property") name = r.GetAttribute("name");
                        else if (name is not null && r.Depth >= 2 && !r.IsEmptyElement)
                        {
                            Append(sb, name, r.ReadElementContentAsString());
                            name = null;
                        }
                    }
                });
            }
            collector.Add(SegmentKind.Metadata, location, sb.ToString());
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException || (ex is ExtractionStop stop && stop.Result is ExtractionResult.Corrupt))
        {
            collector.Note("dokumentegenskaperna kunde inte läsas");
        }
    }

    private static string? Target(List<(string Type, string Target)> rels, string typeSuffix) =>
        rels.Where(r => r.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Select(r => r.Target).FirstOrDefault();

    private static void Append(StringBuilder sb, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        sb.Append(label).Append(": ").Append(value.Trim()).Append('\n');
    }
}
