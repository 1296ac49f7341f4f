using System.Text;
using System.Xml;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Internal;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.Extraction.OpenXml;

/// <summary>
/// PowerPoint (PPTX/PPTM/POTX/PPSX...) via the Open XML SDK: slide text in slide order ("bild N", hidden slides
/// too, SmartArt included), speaker notes ("bild N anteckningar"), classic and modern comments and document
/// properties. Slide masters and layouts are skipped (placeholder prompts, not content). Stateless and thread-safe.
/// </summary>
internal sealed class PowerPointExtractor : ITextExtractor
{
    public static PowerPointExtractor Instance { get; } = new();

    private PowerPointExtractor()
    {
    }

    public string Name => "openxml-powerpoint";

    public ExtractionResult Extract(DocumentContent content, ExtractionLimits limits, CancellationToken ct) =>
        OoxmlPackage.Run(content.Stream, limits, ct, OoxmlKind.PowerPoint, first =>
            OoxmlPackage.Read(content.Stream, first, PresentationDocument.Open, PresentationDocument.Open, (doc, c) =>
            {
                var pres = doc.PresentationPart ?? throw ExtractionStop.Corrupt("PowerPoint package without a presentation part");
                Extract(pres, c);
                OoxmlProperties.Read(doc, c, "dokumentegenskaper");
                return c.Result();
            }));

    private static void Extract(PresentationPart pres, SegmentCollector c)
    {
        var slideIds = new List<string>();
        OoxmlPackage.ReadPart(pres, c.Limits, r =>
        {
            while (r.Read())
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "sldId") continue;
                for (bool more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute())
                    if (r.LocalName == "id" && SafeXml.IsRelationshipNamespace(r.NamespaceURI)) slideIds.Add(r.Value);
                r.MoveToElement();
            }
        });

        int number = 0;
        foreach (var relId in slideIds)
        {
            c.Token.ThrowIfCancellationRequested();
            number++;
            if (!pres.TryGetPartById(relId, out var part) || part is not SlidePart slide)
            {
                c.Note($"bild {number}: bilden saknas i filen");
                continue;
            }
            var sb = new StringBuilder();
            Read(slide, c, sb);
            foreach (var diagram in slide.DiagramDataParts) Read(diagram, c, sb);
            c.Add(SegmentKind.Body, $"bild {number}", sb.ToString());

            if (slide.NotesSlidePart is { } notes)
            {
                sb.Clear();
                Read(notes, c, sb);
                c.Add(SegmentKind.Notes, $"bild {number} anteckningar", sb.ToString());
            }

            // Classic (p:cmLst) and modern (p188:cmLst) comment parts; matched by content type to cover both.
            sb.Clear();
            foreach (var rel in slide.Parts)
                if (rel.OpenXmlPart.ContentType.Contains("comments", StringComparison.OrdinalIgnoreCase))
                    Read(rel.OpenXmlPart, c, sb);
            c.Add(SegmentKind.Comment, $"bild {number} kommentar", sb.ToString());
        }
    }

    private static void Read(OpenXmlPart part, SegmentCollector c, StringBuilder sb)
    {
        OoxmlPackage.ReadPart(part, c.Limits, r => DrawingTextReader.Read(r, sb, c.Token));
        c.EnsureRoom(sb.Length);
    }
}
