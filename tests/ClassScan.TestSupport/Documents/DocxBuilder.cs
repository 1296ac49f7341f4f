using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using V = DocumentFormat.OpenXml.Vml;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes a small, valid DOCX in memory with the Open XML SDK. Each call adds content in document order.
/// Use synthetic data only (test personnummer from Skatteverket's lists, invented names).
/// <code>var bytes = new DocxBuilder().Paragraph("Hej").Header("Sekretess").Table(["a", "b"]).Build();</code>
/// </summary>
public sealed class DocxBuilder
{
    private readonly List<Func<MainDocumentPart, OpenXmlElement>> body = [];
    private readonly List<string> headers = [];
    private readonly List<string> footers = [];
    private readonly List<string> footnotes = [];
    private readonly List<string> endnotes = [];
    private readonly List<(string Anchor, string Text)> comments = [];
    private readonly List<(string Name, string Value)> customProperties = [];
    private string? title;

    /// <summary>A body paragraph; each string is its own run, so "1912" + "1212-1212" tests run joining.</summary>
    public DocxBuilder Paragraph(params string[] runs)
    {
        body.Add(_ => new Paragraph(runs.Select(r => new Run(Text(r)))));
        return this;
    }

    /// <summary>A paragraph whose runs are separated by a tab and a line break (w:tab, w:br).</summary>
    public DocxBuilder ParagraphWithTabAndBreak(string beforeTab, string afterTab, string afterBreak)
    {
        body.Add(_ => new Paragraph(new Run(Text(beforeTab), new TabChar(), Text(afterTab), new Break(), Text(afterBreak))));
        return this;
    }

    /// <summary>A table; each array is a row of cell texts.</summary>
    public DocxBuilder Table(params string[][] rows)
    {
        body.Add(_ =>
        {
            var table = new Table(
                new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single })),
                new TableGrid(rows.Length == 0 ? [] : rows[0].Select(_ => new GridColumn { Width = "2000" })));
            foreach (var row in rows)
                table.Append(new TableRow(row.Select(cell => new TableCell(new Paragraph(new Run(Text(cell)))))));
            return table;
        });
        return this;
    }

    /// <summary>A paragraph holding a VML text box with the given text (w:pict/v:textbox/w:txbxContent).</summary>
    public DocxBuilder TextBox(string text)
    {
        body.Add(_ => new Paragraph(new Run(new Picture(
            new V.Shape(new V.TextBox(new TextBoxContent(new Paragraph(new Run(Text(text))))))
            {
                Id = "tb" + Guid.NewGuid().ToString("N")[..8],
                Style = "width:200pt;height:40pt",
            }))));
        return this;
    }

    /// <summary>A body paragraph with a footnote reference; the footnote holds <paramref name="footnote"/>.</summary>
    public DocxBuilder Footnote(string anchorText, string footnote)
    {
        footnotes.Add(footnote);
        long id = footnotes.Count;
        body.Add(_ => new Paragraph(new Run(Text(anchorText)), new Run(new FootnoteReference { Id = id })));
        return this;
    }

    /// <summary>A body paragraph with an endnote reference.</summary>
    public DocxBuilder Endnote(string anchorText, string endnote)
    {
        endnotes.Add(endnote);
        long id = endnotes.Count;
        body.Add(_ => new Paragraph(new Run(Text(anchorText)), new Run(new EndnoteReference { Id = id })));
        return this;
    }

    /// <summary>A body paragraph with a comment anchored on it.</summary>
    public DocxBuilder Comment(string anchorText, string comment)
    {
        comments.Add((anchorText, comment));
        var id = (comments.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        body.Add(_ => new Paragraph(
            new CommentRangeStart { Id = id },
            new Run(Text(anchorText)),
            new CommentRangeEnd { Id = id },
            new Run(new CommentReference { Id = id })));
        return this;
    }

    /// <summary>Adds a default header part (one per call; each becomes a separate part).</summary>
    public DocxBuilder Header(string text)
    {
        headers.Add(text);
        return this;
    }

    public DocxBuilder Footer(string text)
    {
        footers.Add(text);
        return this;
    }

    /// <summary>Core property dc:title.</summary>
    public DocxBuilder Title(string value)
    {
        title = value;
        return this;
    }

    /// <summary>A custom document property (where sensitivity labels such as MSIP_Label_*_Name live).</summary>
    public DocxBuilder CustomProperty(string name, string value)
    {
        customProperties.Add((name, value));
        return this;
    }

    public byte[] Build()
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var sectPr = new SectionProperties();
            foreach (var text in headers)
            {
                var part = main.AddNewPart<HeaderPart>();
                part.Header = new Header(new Paragraph(new Run(Text(text))));
                sectPr.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            foreach (var text in footers)
            {
                var part = main.AddNewPart<FooterPart>();
                part.Footer = new Footer(new Paragraph(new Run(Text(text))));
                sectPr.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) });
            }
            if (footnotes.Count > 0)
            {
                var part = main.AddNewPart<FootnotesPart>();
                part.Footnotes = new Footnotes(
                    new Footnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Footnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                for (int i = 0; i < footnotes.Count; i++)
                    part.Footnotes.Append(new Footnote(new Paragraph(new Run(new FootnoteReferenceMark()), new Run(Text(" " + footnotes[i])))) { Id = i + 1 });
            }
            if (endnotes.Count > 0)
            {
                var part = main.AddNewPart<EndnotesPart>();
                part.Endnotes = new Endnotes(
                    new Endnote(new Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                    new Endnote(new Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
                for (int i = 0; i < endnotes.Count; i++)
                    part.Endnotes.Append(new Endnote(new Paragraph(new Run(new EndnoteReferenceMark()), new Run(Text(" " + endnotes[i])))) { Id = i + 1 });
            }
            if (comments.Count > 0)
            {
                var part = main.AddNewPart<WordprocessingCommentsPart>();
                part.Comments = new Comments(comments.Select((c, i) => new Comment(new Paragraph(new Run(Text(c.Text))))
                {
                    Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Author = "Testperson",
                    Initials = "TP",
                }));
            }

            main.Document = new Document(new Body(body.Select(b => b(main)).Append(sectPr)));
            if (title is not null) doc.PackageProperties.Title = title;
            if (customProperties.Count > 0) OoxmlCustomProperties.Add(doc, customProperties);
        }
        return ms.ToArray();
    }

    private static Text Text(string value) => new(value) { Space = SpaceProcessingModeValues.Preserve };
}
