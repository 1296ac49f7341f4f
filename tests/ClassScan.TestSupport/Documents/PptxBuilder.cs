using System.Security;
using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes a small PPTX in memory: slides with text boxes, speaker notes and classic comments. The package is
/// well-formed OPC/PresentationML as far as text extraction cares; it has no slide master or theme, so
/// PowerPoint itself may offer to repair it.
/// <code>var bytes = new PptxBuilder().Slide("Rubrik", "Brödtext").Notes("Talarens anteckning").Build();</code>
/// </summary>
public sealed class PptxBuilder
{
    private const string Ns = """xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" """;

    private readonly List<SlideSpec> slides = [];

    /// <summary>A slide; each string becomes a paragraph in one text box.</summary>
    public PptxBuilder Slide(params string[] paragraphs)
    {
        slides.Add(new SlideSpec(paragraphs));
        return this;
    }

    /// <summary>Speaker notes for the last slide added.</summary>
    public PptxBuilder Notes(params string[] paragraphs)
    {
        Last().Notes = paragraphs;
        return this;
    }

    /// <summary>A classic comment on the last slide added.</summary>
    public PptxBuilder Comment(string text)
    {
        Last().Comments.Add(text);
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var doc = PresentationDocument.Create(ms, DocumentFormat.OpenXml.PresentationDocumentType.Presentation))
        {
            var pres = doc.AddPresentationPart();
            CommentAuthorsPart? authors = null;
            var ids = new StringBuilder();
            uint id = 256;
            foreach (var spec in slides)
            {
                var slide = pres.AddNewPart<SlidePart>();
                Feed(slide, $"<p:sld {Ns}>{ShapeTree(spec.Paragraphs)}</p:sld>");
                if (spec.Notes is { } notes)
                {
                    var notesPart = slide.AddNewPart<NotesSlidePart>();
                    Feed(notesPart, $"<p:notes {Ns}>{ShapeTree(notes)}</p:notes>");
                }
                if (spec.Comments.Count > 0)
                {
                    if (authors is null)
                    {
                        authors = pres.AddNewPart<CommentAuthorsPart>();
                        Feed(authors, $"<p:cmAuthorLst {Ns}><p:cmAuthor id=\"0\" name=\"Testperson\" initials=\"TP\" lastIdx=\"{slides.Sum(s => s.Comments.Count)}\" clrIdx=\"0\"/></p:cmAuthorLst>");
                    }
                    var commentsPart = slide.AddNewPart<SlideCommentsPart>();
                    var cms = string.Concat(spec.Comments.Select((c, i) =>
                        $"<p:cm authorId=\"0\" dt=\"2024-01-01T00:00:00.000\" idx=\"{i + 1}\"><p:pos x=\"10\" y=\"10\"/><p:text>{SecurityElement.Escape(c)}</p:text></p:cm>"));
                    Feed(commentsPart, $"<p:cmLst {Ns}>{cms}</p:cmLst>");
                }
                ids.Append($"<p:sldId id=\"{id++}\" r:id=\"{pres.GetIdOfPart(slide)}\"/>");
            }
            Feed(pres, $"<p:presentation {Ns}><p:sldIdLst>{ids}</p:sldIdLst><p:sldSz cx=\"9144000\" cy=\"6858000\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>");
        }
        return ms.ToArray();
    }

    private SlideSpec Last() => slides.Count > 0 ? slides[^1] : throw new InvalidOperationException("add a slide first");

    private static string ShapeTree(string[] paragraphs)
    {
        var ps = string.Concat(paragraphs.Select(p => $"<a:p><a:r><a:rPr lang=\"sv-SE\"/><a:t>{SecurityElement.Escape(p)}</a:t></a:r></a:p>"));
        return "<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>"
            + "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Text 1\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr/>"
            + $"<p:txBody><a:bodyPr/><a:lstStyle/>{ps}</p:txBody></p:sp></p:spTree></p:cSld>";
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var s = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
        part.FeedData(s);
    }

    private sealed class SlideSpec(string[] paragraphs)
    {
        public string[] Paragraphs { get; } = paragraphs;

        public string[]? Notes { get; set; }

        public List<string> Comments { get; } = [];
    }
}
