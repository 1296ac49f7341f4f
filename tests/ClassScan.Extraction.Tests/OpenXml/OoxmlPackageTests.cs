using System.IO.Compression;
using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.OpenXml;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Extraction.Tests.OpenXml;

/// <summary>How the OOXML extractors open packages: what they read, what they never touch, and what they never write.</summary>
public class OoxmlPackageTests
{
    private const int StoredBytes = 2 * 1024 * 1024;

    [Fact]
    public void Extract_MalformedHyperlinkUri_TextStillRead()
    {
        // An external relationship whose target System.Uri rejects (port out of range): the SDK's URI repair case.
        var docx = TestDocuments.Docx("Text bredvid en trasig länk");
        var rels = EntryText(docx, "word/_rels/document.xml.rels")
            ?? """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>""";
        rels = rels.Replace("</Relationships>",
            """<Relationship Id="rIdBad" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com:99999999/x" TargetMode="External"/></Relationships>""",
            StringComparison.Ordinal);
        docx = WordExtractorTests.ReplaceEntry(docx, "word/_rels/document.xml.rels", rels);

        var text = ExtractionHelper.Run(WordExtractor.Instance, docx);

        Assert.Equal("Text bredvid en trasig länk", Assert.Single(text.OfKind(SegmentKind.Body)).Text);
    }

    public static TheoryData<string> Packages => new() { "docx", "xlsx", "pptx" };

    /// <summary>
    /// A stored (uncompressed) 2 MB image is never read: neither inflated as a part nor copied with the package
    /// (the SDK copies a package it opens read-only from an unwritable stream to a temporary file).
    /// </summary>
    [Theory]
    [MemberData(nameof(Packages))]
    public void Extract_PackageWithLargeImage_ImageBytesNeverRead(string format)
    {
        var package = WithStoredEntry(Build(format), format[0] switch { 'd' => "word", 'x' => "xl", _ => "ppt" } + "/media/image1.png", StoredBytes);
        using var counting = new CountingStream(package);

        var result = Extractor(format).Extract(counting, ExtractionLimits.Default, CancellationToken.None);

        Assert.IsType<ExtractionResult.Text>(result);
        Assert.InRange(counting.BytesRead, 1, StoredBytes / 2);
    }

    [Fact]
    public void Extract_SharedStringsUsedByManySheets_ReadOnce()
    {
        // One large shared string table, stored uncompressed, referenced by four sheets.
        var builder = new XlsxBuilder();
        var words = Enumerable.Range(0, 2000).Select(i => $"delad sträng {i} " + new string('x', 400)).ToArray();
        for (int s = 0; s < 4; s++)
            builder.Sheet($"Blad{s}", sheet => { foreach (var w in words.Take(50)) sheet.Row(w); });
        builder.Sheet("Alla", sheet => { foreach (var w in words) sheet.Row(w); });
        var xlsx = Restored(builder.Build(), name => name.EndsWith("sharedStrings.xml", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        long sstBytes = EntryLength(xlsx, "xl/sharedStrings.xml");
        using var counting = new CountingStream(xlsx);

        var text = ExcelExtractor.Instance.Extract(counting, ExtractionLimits.Default, CancellationToken.None).TextRead!;

        Assert.Equal(5, text.OfKind(SegmentKind.Cell).Select(c => c.Location).Distinct().Count());
        Assert.InRange(counting.BytesRead, sstBytes, sstBytes * 3 / 2);
    }

    [Theory]
    [InlineData(false, typeof(ExtractionResult.Text))]
    [InlineData(true, typeof(ExtractionResult.Corrupt))]
    public void Extract_BrokenStylesPart_ReadOnlyWhenANumberNeedsItsFormat(bool withNumber, Type expected)
    {
        var xlsx = new XlsxBuilder().Sheet("Blad1", s =>
        {
            s.Row("bara text");
            if (withNumber) s.Row(19121212d);
        }).Build();
        xlsx = WordExtractorTests.ReplaceEntry(xlsx, StylesEntry(xlsx), "<styleSheet><numFmts>");

        Assert.IsType(expected, ExtractionHelper.Result(ExcelExtractor.Instance, xlsx));
    }

    /// <summary>A sheet four times larger costs no more memory: it is streamed and stops at the text limit.</summary>
    [Fact]
    public void Extract_HugeSheetBeyondTextLimit_PartialWithFlatAllocation()
    {
        var limits = ExtractionLimits.Default with { MaxExtractedChars = 200_000 };
        var small = HugeSheet(50_000);
        var large = HugeSheet(200_000);
        ExtractionHelper.Result(ExcelExtractor.Instance, small, limits); // JIT and caches out of the measurement

        var (smallResult, smallBytes) = Allocated(() => ExtractionHelper.Result(ExcelExtractor.Instance, small, limits));
        var (largeResult, largeBytes) = Allocated(() => ExtractionHelper.Result(ExcelExtractor.Instance, large, limits));

        var partial = Assert.IsType<ExtractionResult.PartialText>(largeResult);
        Assert.Equal(200_000, partial.Content.TotalChars);
        Assert.IsType<ExtractionResult.PartialText>(smallResult);
        Assert.InRange(largeBytes, 0, smallBytes * 3 / 2);
    }

    private static byte[] HugeSheet(int rows)
    {
        // Inline strings, as generators write them: no shared string table to hold the whole sheet.
        var sb = new StringBuilder("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (int r = 1; r <= rows; r++)
            sb.Append($"""<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>rad {r} med lite text</t></is></c><c r="B{r}"><v>{r}</v></c></row>""");
        sb.Append("</sheetData></worksheet>");
        var xlsx = new XlsxBuilder().Sheet("Stor", s => s.Row("ersätts")).Build();
        return WordExtractorTests.ReplaceEntry(xlsx, SheetEntry(xlsx), sb.ToString());
    }

    private static (ExtractionResult Result, long Bytes) Allocated(Func<ExtractionResult> run)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = run();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static byte[] Build(string format) => format switch
    {
        "docx" => TestDocuments.Docx("Brödtext"),
        "xlsx" => new XlsxBuilder().Sheet("Blad1", s => s.Row("Cell")).Build(),
        _ => new PptxBuilder().Slide("Rubrik", "Punkt").Build(),
    };

    private static ITextExtractor Extractor(string format) => format switch
    {
        "docx" => WordExtractor.Instance,
        "xlsx" => ExcelExtractor.Instance,
        _ => PowerPointExtractor.Instance,
    };

    private static string SheetEntry(byte[] xlsx) => EntryNames(xlsx).First(n => n.Contains("worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal));

    private static string StylesEntry(byte[] xlsx) => EntryNames(xlsx).First(n => n.EndsWith("styles.xml", StringComparison.OrdinalIgnoreCase));

    private static List<string> EntryNames(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    private static string? EntryText(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        if (zip.GetEntry(name) is not { } entry) return null;
        using var r = new StreamReader(entry.Open());
        return r.ReadToEnd();
    }

    private static long EntryLength(byte[] package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        return zip.GetEntry(name)!.Length;
    }

    /// <summary>The package with an extra entry of random (incompressible) bytes, stored.</summary>
    private static byte[] WithStoredEntry(byte[] package, string name, int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        using var ms = new MemoryStream();
        ms.Write(package);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            s.Write(bytes);
        }
        return ms.ToArray();
    }

    /// <summary>The package rewritten entry by entry with the compression level <paramref name="level"/> gives each name.</summary>
    private static byte[] Restored(byte[] package, Func<string, CompressionLevel> level)
    {
        using var source = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        using var ms = new MemoryStream();
        using (var target = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, level(entry.FullName)).Open();
                from.CopyTo(to);
            }
        }
        return ms.ToArray();
    }

    /// <summary>
    /// A read-only, seekable stream over bytes that counts what is read from it. A plain <see cref="Stream"/>, not a
    /// MemoryStream, whose CopyTo would hand its buffer over without a counted read.
    /// </summary>
    private sealed class CountingStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes, writable: false);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            BytesRead += n;

            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
