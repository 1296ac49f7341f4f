using ClassScan.Core.Documents;
using ClassScan.Extraction;
using ClassScan.Extraction.Biff;
using ClassScan.Extraction.Cfb;
using ClassScan.Extraction.Epub;
using ClassScan.Extraction.Internal;
using ClassScan.Extraction.Legacy;
using ClassScan.Extraction.Mail;
using ClassScan.Extraction.OpenDocument;
using ClassScan.Extraction.OpenXml;
using ClassScan.Extraction.Pdf;
using ClassScan.Extraction.Rtf;
using ClassScan.Extraction.Text;

namespace ClassScan.Fuzz;

/// <summary>
/// One fuzz target per extractor, plus "select" (the selector picks by magic bytes, as a scan does). A target
/// treats every result (text or a documented failure) as fine and lets every exception escape, which the fuzzer
/// reports as a crash: that is the contract the scan relies on.
/// </summary>
internal static class FuzzTargets
{
    // Smaller than the scan's defaults: an input is tiny, and a run must not spend seconds or gigabytes on one.
    public static readonly ExtractionLimits Limits = new()
    {
        MaxFileBytes = 16L * 1024 * 1024,
        MaxExtractedChars = 4L * 1024 * 1024,
        MaxUncompressedBytes = 64L * 1024 * 1024,
        MaxPdfPages = 200,
    };

    private static readonly Dictionary<string, (string FileName, Func<ITextExtractor> Create)> Targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["word"] = ("input.docx", () => WordExtractor.Instance),
        ["excel"] = ("input.xlsx", () => ExcelExtractor.Instance),
        ["powerpoint"] = ("input.pptx", () => PowerPointExtractor.Instance),
        ["ooxml"] = ("input.zip", () => OoxmlAutoExtractor.Instance),
        ["pdf"] = ("input.pdf", () => PdfExtractor.Instance),
        ["eml"] = ("input.eml", () => new EmlExtractor(ExtractorSelector.Default)),
        ["html"] = ("input.html", () => HtmlExtractor.Instance),
        ["xml"] = ("input.xml", () => XmlTextExtractor.Instance),
        ["text"] = ("input.txt", () => PlainTextExtractor.Instance),
        ["cfb"] = ("input.doc", () => CfbExtractor.Instance),
        ["msg"] = ("input.msg", () => new CfbExtractor(ExtractorSelector.Default)),
        ["rtf"] = ("input.rtf", () => RtfExtractor.Instance),
        ["opendocument"] = ("input.odt", () => OpenDocumentExtractor.Instance),
        ["epub"] = ("input.epub", () => EpubExtractor.Instance),
        ["xls"] = ("input.xls", () => new XlsStreamTarget()),
        ["xlsb"] = ("input.xlsb", () => XlsbExtractor.Instance),
        ["archive"] = ("input.zip", () => ExtractorSelector.Default.Named("sharpcompress-archive")!),
    };

    // Raw-stream targets for the legacy readers: the input is the stream itself (no compound file around it),
    // so the fuzzer mutates FIB, piece table and records directly instead of mostly breaking the container.
    private static readonly Dictionary<string, Action<byte[], SegmentCollector>> StreamTargets = new(StringComparer.OrdinalIgnoreCase)
    {
        // The same bytes serve as WordDocument and table stream: offsets into either land in fuzzed data.
        ["doc"] = (input, c) => DocReader.Read(input, _ => input, c),
        ["ppt"] = (input, c) => PptReader.Read(input, input, c),
        ["ppt95"] = (input, c) => Ppt95Reader.Read(input, c),
        ["word2"] = (input, c) => DocReader.ReadWord2(input, c),
        ["biff-old"] = (input, c) => OldExcelReader.Read(input, c),
    };

    public static IEnumerable<string> Names => Targets.Keys.Concat(StreamTargets.Keys).Append("select").Append("lzfu").Order(StringComparer.Ordinal);

    /// <summary>The action for <paramref name="name"/>, or null if there is no such target.</summary>
    public static Action<ReadOnlySpan<byte>>? Find(string name)
    {
        if (name.Equals("select", StringComparison.OrdinalIgnoreCase))
        {
            return input =>
            {
                var extractor = ExtractorSelector.Default.Select("input", input[..Math.Min(input.Length, IExtractorSelector.HeadBytes)]);
                if (extractor is not null) Extract(extractor, input);
            };
        }
        if (name.Equals("lzfu", StringComparison.OrdinalIgnoreCase))
        {
            // The compressed-RTF body of a .msg on its own: damage is a stop with a result, never another exception.
            return input =>
            {
                try
                {
                    _ = CompressedRtf.Decompress(input, Limits.MaxUncompressedBytes, CancellationToken.None);
                }
                catch (ExtractionStop)
                {
                }
            };
        }
        if (StreamTargets.TryGetValue(name, out var read))
        {
            return input =>
            {
                var bytes = input.ToArray();
                _ = ExtractionStop.Run(() =>
                {
                    var c = new SegmentCollector(Limits, CancellationToken.None);
                    read(bytes, c);
                    return c.Result();
                });
            };
        }
        if (!Targets.TryGetValue(name, out var target)) return null;
        var instance = target.Create();
        return input => Extract(instance, input);
    }

    private static void Extract(ITextExtractor extractor, ReadOnlySpan<byte> input)
    {
        // Every outcome of a file is a result; any exception escaping here is a finding.
        using var stream = new MemoryStream(input.ToArray(), writable: false);
        _ = extractor.Extract(stream, Limits, CancellationToken.None);
    }
}
