using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;

namespace ClassScan.TestSupport.Documents;

/// <summary>Writes docProps/custom.xml (string properties) for any OOXML package.</summary>
internal static class OoxmlCustomProperties
{
    public static void Add(OpenXmlPackage package, IEnumerable<(string Name, string Value)> properties)
    {
        CustomFilePropertiesPart part = package switch
        {
            WordprocessingDocument w => w.AddCustomFilePropertiesPart(),
            SpreadsheetDocument s => s.AddCustomFilePropertiesPart(),
            PresentationDocument p => p.AddCustomFilePropertiesPart(),
            _ => throw new ArgumentException("unknown package type", nameof(package)),
        };
        int pid = 2; // 0 and 1 are reserved (MS-OLEPS)
        part.Properties = new Properties(properties.Select(p => new CustomDocumentProperty(new VTLPWSTR(p.Value))
        {
            FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}",
            PropertyId = pid++,
            Name = p.Name,
        }));
    }
}
