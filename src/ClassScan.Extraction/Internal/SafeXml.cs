using System.Xml;
using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Internal;

/// <summary>
/// The only way this assembly creates XML readers: DTDs are prohibited (no entity expansion, billion laughs),
/// no resolver (no external access, XXE) and the characters read per part are bounded.
/// </summary>
internal static class SafeXml
{
    public static XmlReader Create(Stream stream, ExtractionLimits limits) =>
        XmlReader.Create(stream, Settings(limits));

    public static XmlReaderSettings Settings(ExtractionLimits limits) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = Math.Max(1, limits.MaxUncompressedBytes),
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    /// <summary>True for a relationship id attribute in either the transitional or the strict namespace.</summary>
    public static bool IsRelationshipNamespace(string ns) =>
        ns.EndsWith("/relationships", StringComparison.Ordinal);
}
