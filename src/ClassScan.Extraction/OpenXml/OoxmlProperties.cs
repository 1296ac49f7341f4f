using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Reads document properties into one Metadata segment: the descriptive core properties (title, subject,
/// keywords, description, category) and custom properties, where sensitivity labels
/// (<c>MSIP_Label_..._Name</c>) and records-management markings live. Author names are left out on purpose.
/// </summary>
internal static class OoxmlProperties
{
    /// <summary>Broken properties must not cost the document's text: a failure becomes a note.</summary>
    public static void Read(OpenXmlPackage package, SegmentCollector collector, string location)
    {
        try
        {
            ReadCore(package, collector, location);
        }
        catch (Exception ex) when (OoxmlPackage.IsLibraryFailure(ex))
        {
            collector.Note("dokumentegenskaperna kunde inte läsas");
        }
    }

    private static void ReadCore(OpenXmlPackage package, SegmentCollector collector, string location)
    {
        var sb = new StringBuilder();
        var p = package.PackageProperties;
        AppendLine(sb, "Titel", p.Title);
        AppendLine(sb, "Ämne", p.Subject);
        AppendLine(sb, "Nyckelord", p.Keywords);
        AppendLine(sb, "Beskrivning", p.Description);
        AppendLine(sb, "Kategori", p.Category);

        var custom = package.GetPartsOfType<CustomFilePropertiesPart>().FirstOrDefault();
        if (custom is not null)
        {
            OoxmlPackage.ReadPart(custom, collector.Limits, r =>
            {
                string? name = null;
                while (r.Read())
                {
                    if (r.NodeType != XmlNodeType.Element) continue;
                    if (r.LocalName == "property") name = r.GetAttribute("name");
                    else if (name is not null && r.Depth >= 2 && !r.IsEmptyElement)
                    {
                        var value = r.ReadElementContentAsString();
                        AppendLine(sb, name, value);
                        name = null;
                    }
                }
            });
        }
        collector.Add(SegmentKind.Metadata, location, sb.ToString());
    }

    private static void AppendLine(StringBuilder sb, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        sb.Append(label).Append(": ").Append(value.Trim()).Append('\n');
    }
}
