using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// Word (DOCX/DOCM/DOTX/DOTM) via the Open XML SDK: body, tables, text boxes, headers and footers (each part
/// once), footnotes, endnotes, comments, SmartArt and document properties. Parts are streamed with safe XML
/// readers, never loaded into a DOM. Stateless and thread-safe.
/// </summary>
internal sealed class WordExtractor : ITextExtractor
{
    public static WordExtractor Instance { get; } = new();

    private WordExtractor()
    {
    }

    public string Name => "openxml-word";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        OoxmlPackage.Run(content.Stream, limits, ct, OoxmlKind.Word, first =>
            OoxmlPackage.Read(content.Stream, first, WordprocessingDocument.Open, WordprocessingDocument.Open, (doc, c) =>
            {
                var main = doc.MainDocumentPart ?? throw ExtractionStop.Corrupt("Word package without a main document part");
                Extract(main, c);
                OoxmlProperties.Read(doc, c, WordLocations.Properties);
                return c.Result();
            }));

    private static void Extract(MainDocumentPart main, SegmentCollector c)
    {
        var limits = c.Limits;
        OoxmlPackage.ReadPart(main, limits, r => WordXmlWalker.ReadBody(r, c));

        var seen = new HashSet<Uri>();
        foreach (var header in main.HeaderParts)
        {
            c.Token.ThrowIfCancellationRequested();
            if (seen.Add(header.Uri))
                OoxmlPackage.ReadPart(header, limits, r => WordXmlWalker.ReadFlat(r, c, SegmentKind.Header, WordLocations.Header));
        }
        foreach (var footer in main.FooterParts)
        {
            c.Token.ThrowIfCancellationRequested();
            if (seen.Add(footer.Uri))
                OoxmlPackage.ReadPart(footer, limits, r => WordXmlWalker.ReadFlat(r, c, SegmentKind.Footer, WordLocations.Footer));
        }
        if (main.FootnotesPart is { } footnotes)
            OoxmlPackage.ReadPart(footnotes, limits, r => WordXmlWalker.ReadFlat(r, c, SegmentKind.Footnote, WordLocations.Footnote));
        if (main.EndnotesPart is { } endnotes)
            OoxmlPackage.ReadPart(endnotes, limits, r => WordXmlWalker.ReadFlat(r, c, SegmentKind.Endnote, WordLocations.Endnote));
        if (main.WordprocessingCommentsPart is { } comments)
            OoxmlPackage.ReadPart(comments, limits, r => WordXmlWalker.ReadFlat(r, c, SegmentKind.Comment, WordLocations.Comment));

        foreach (var chunk in main.AlternativeFormatImportParts)
        {
            c.Token.ThrowIfCancellationRequested();
            WordAltChunk.Read(chunk, c);
        }

        foreach (var diagram in main.DiagramDataParts)
        {
            c.Token.ThrowIfCancellationRequested();
            var sb = new StringBuilder();
            OoxmlPackage.ReadPart(diagram, limits, r => DrawingTextReader.Read(r, sb, c.Token));
            c.Add(SegmentKind.TextBox, WordLocations.SmartArt, sb.ToString());
        }
    }
}
