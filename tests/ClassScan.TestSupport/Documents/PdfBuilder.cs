using System.Globalization;
using System.Text;

namespace ClassScan.TestSupport.Documents;

/// <summary>
/// Writes a small PDF by hand: standard-14 Helvetica with WinAnsiEncoding (so å, ä, ö and other Latin-1
/// letters work, which PdfPig's own builder cannot do with standard fonts), one content stream per page and a
/// correct cross-reference table. Each line is its own text object; <see cref="PageWithRuns"/> writes one
/// line as several consecutive text-showing operations (<c>Tj</c>), as PDF producers often split numbers.
/// <code>var bytes = new PdfBuilder().Page("Rad 1", "Rad 2").BlankPage().Build();</code>
/// </summary>
public sealed class PdfBuilder
{
    private static readonly Encoding WinAnsi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private readonly List<string> pages = [];
    private string? title;

    /// <summary>A page with one text line per string, top to bottom.</summary>
    public PdfBuilder Page(params string[] lines)
    {
        var sb = new StringBuilder();
        double y = 800;
        foreach (var line in lines)
        {
            sb.Append(CultureInfo.InvariantCulture, $"BT /F1 12 Tf 50 {y} Td ({Escape(line)}) Tj ET\n");
            y -= 20;
        }
        pages.Add(sb.ToString());
        return this;
    }

    /// <summary>One line written as consecutive <c>Tj</c> operations, each continuing where the previous ended.</summary>
    public PdfBuilder PageWithRuns(params string[] runs)
    {
        var sb = new StringBuilder("BT /F1 12 Tf 50 800 Td ");
        foreach (var run in runs) sb.Append('(').Append(Escape(run)).Append(") Tj ");
        sb.Append("ET\n");
        pages.Add(sb.ToString());
        return this;
    }

    /// <summary>A page without any text (as a scanned page looks to a text extractor).</summary>
    public PdfBuilder BlankPage()
    {
        pages.Add("");
        return this;
    }

    /// <summary>The document information /Title.</summary>
    public PdfBuilder Title(string value)
    {
        title = value;
        return this;
    }

    public byte[] Build()
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "", // pages, filled in below
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        };
        var kids = new List<string>();
        foreach (var content in pages)
        {
            int pageObj = objects.Count + 1;
            kids.Add($"{pageObj} 0 R");
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {pageObj + 1} 0 R >>");
            objects.Add($"<< /Length {WinAnsi.GetByteCount(content)} >>\nstream\n{content}\nendstream");
        }
        objects[1] = $"<< /Type /Pages /Kids [{string.Join(' ', kids)}] /Count {pages.Count} >>";
        int? info = null;
        if (title is not null)
        {
            objects.Add($"<< /Title ({Escape(title)}) >>");
            info = objects.Count;
        }

        using var ms = new MemoryStream();
        void Write(string s) => ms.Write(WinAnsi.GetBytes(s));
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (int i = 0; i < objects.Count; i++)
        {
            offsets.Add(ms.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        long xref = ms.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R{(info is { } n ? $" /Info {n} 0 R" : "")} >>\nstartxref\n{xref}\n%%EOF\n");
        return ms.ToArray();
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
