using System.Text;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// One-line builders for the common cases; use the builder classes (<see cref="DocxBuilder"/>,
/// <see cref="XlsxBuilder"/>, <see cref="PptxBuilder"/>, <see cref="PdfBuilder"/>, <see cref="EmlBuilder"/>)
/// for anything richer. All return the file's bytes; <see cref="Write"/> puts them in a folder for end-to-end tests.
/// </summary>
public static class TestDocuments
{
    /// <summary>A DOCX with one body paragraph per string.</summary>
    public static byte[] Docx(params string[] paragraphs)
    {
        var b = new DocxBuilder();
        foreach (var p in paragraphs) b.Paragraph(p);
        return b.Build();
    }

    /// <summary>An XLSX with one sheet named "Blad1" and the given rows.</summary>
    public static byte[] Xlsx(params object?[][] rows) =>
        new XlsxBuilder().Sheet("Blad1", s =>
        {
            foreach (var r in rows) s.Row(r);
        }).Build();

    /// <summary>A PPTX with one slide per string.</summary>
    public static byte[] Pptx(params string[] slides)
    {
        var b = new PptxBuilder();
        foreach (var s in slides) b.Slide(s);
        return b.Build();
    }

    /// <summary>A PDF with one page per string (lines split on '\n').</summary>
    public static byte[] Pdf(params string[] pages)
    {
        var b = new PdfBuilder();
        foreach (var p in pages) b.Page(p.Split('\n'));
        return b.Build();
    }

    /// <summary>A plain-text e-mail.</summary>
    public static byte[] Eml(string subject, string text) =>
        new EmlBuilder().From("avsandare@example.se").To("mottagare@example.se").Subject(subject).Text(text).Build();

    /// <summary>Text encoded as given; <paramref name="bom"/> adds the encoding's preamble.</summary>
    public static byte[] Text(string text, Encoding encoding, bool bom = false)
    {
        var body = encoding.GetBytes(text);
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    /// <summary>Windows-1252 bytes (the legacy Windows code page for Swedish).</summary>
    public static byte[] Windows1252(string text) =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    /// <summary>Writes <paramref name="content"/> to <paramref name="folder"/>/<paramref name="fileName"/> and returns the path.</summary>
    public static string Write(string folder, string fileName, byte[] content)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllBytes(path, content);
        return path;
    }
}
