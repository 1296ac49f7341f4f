using System.Globalization;
using System.Text;
using ClassScan.Extraction.Pdf;
using ClassScan.Extraction.Tests.Corpus;
using ClassScan.TestSupport;
using FsCheck;
using FsCheck.Fluent;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Geometry;
using UglyToad.PdfPig.Graphics;
using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.SpecialGraphicsState;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Logging;
using UglyToad.PdfPig.Outline.Destinations;
using UglyToad.PdfPig.Parser;
using UglyToad.PdfPig.Tokenization.Scanner;
using UglyToad.PdfPig.Tokens;

namespace ClassScan.Extraction.Tests.Pdf;

/// <summary>
/// The text-only content parser must give the text operations PdfPig's own parser gives (same operators, same
/// operand values, same string bytes), in order, for well-formed streams: tables of cases, generated streams, and
/// every page and form of the real corpus's PDFs read both ways.
/// </summary>
public class TextOnlyContentParserTests
{
    private static readonly HashSet<string> TextOperators =
        ["BT", "ET", "T*", "Tf", "Td", "TD", "Tm", "cm", "Tc", "Tw", "Tz", "TL", "Ts", "Tr", "Tj", "TJ", "'", "\"", "gs", "Do", "q", "Q"];

    [Theory]
    [InlineData("BT /F1 12 Tf 72 700 Td (Hello) Tj ET", "BT|Tf F1 12|Td 72 700|Tj 48656C6C6F|ET")]
    [InlineData("q 1 0 0 1 10 20 cm BT 1 0 0 1 0 0 Tm [(A) -250 (B)] TJ ET Q", "q|cm 1 0 0 1 10 20|BT|Tm 1 0 0 1 0 0|TJ (41) -250 (42)|ET|Q")]
    [InlineData("BT 0.5 Tc 2 Tw 90 Tz 14 TL 3 Ts 3 Tr T* 1 -1 TD ET", "BT|Tc 0.5|Tw 2|Tz 90|TL 14|Ts 3|Tr 3|T*|TD 1 -1|ET")]
    [InlineData("BT (a) ' 1 2 (b) \" ET", "BT|' 61|\" 1 2 62|ET")]
    [InlineData("/GS0 gs /Fm1 Do", "gs GS0|Do Fm1")]
    [InlineData("BT <48 65 6C6c 6> Tj ET", "BT|Tj 48656C6C60|ET")]
    [InlineData(@"BT (\(a\)\\ \n\r\t\b\f \101\60x \7777) Tj ET", "BT|Tj 2861295C200A0D09080C20413078203F37|ET")]
    [InlineData("BT (a(b)c) Tj ET", "BT|Tj 6128622963|ET")]
    [InlineData("BT (line\\\r\n  next) Tj ET", "BT|Tj 6C696E6520206E657874|ET")]
    [InlineData("BT /A#20B 1 Tf /C#41 2 Tf ET", "BT|Tf A B 1|Tf CA 2|ET")]
    [InlineData("BT -.5 Tc +3. Tw 1.5e2 Tz 25e-1 TL ET", "BT|Tc -0.5|Tw 3|Tz 150|TL 2.5|ET")]
    public void Parse_TextOperators_AsPdfPigMakesThem(string content, string expected)
    {
        Assert.Equal(expected, Describe(Ours(content)));
        Assert.Equal(expected, Describe(PdfPigs(content)));
    }

    [Theory]
    // Paths, colour, clipping, shading, marked content and line style: nothing.
    [InlineData("0 0 m 100 100 l 10 10 50 50 re S f* W n 0.5 g 1 0 0 rg /CS0 cs 1 scn /Sh0 sh 2 w [3 1] 0 d")]
    [InlineData("/Span <</ActualText (x\\)) Tj) /Alt <FEFF0041>>> BDC EMC /P <</MCID 3>> BDC EMC")]
    // An inline image whose data holds "EI" and brackets that are not content.
    [InlineData("BI /W 4 /H 1 /BPC 8 /CS /G ID \x00\xff(EI[ EI0\x01\x02\x03\x04\x05\x06 EI Q")]
    [InlineData("% a comment with (Tj) and BT\n 1 2 3 re f")]
    public void Parse_NoTextOperators_Nothing(string content)
    {
        var ours = Ours(content);
        Assert.Equal(Describe(PdfPigs(content)).Replace("Q", "", StringComparison.Ordinal).Trim('|'), Describe(ours).Replace("Q", "", StringComparison.Ordinal).Trim('|'));
        Assert.DoesNotContain(ours, op => op.Operator is "Tj" or "TJ" or "BT");
    }

    [Theory]
    // Operands a text operator cannot use: left out, as PdfPig's lenient parsing leaves them out.
    [InlineData("BT 12 /F1 Tf (a) (b) Tj 5 Td 1 2 3 Tm /x Tc ET", "BT|ET")]
    // A malformed number is passed over up to the next whitespace; the operator after it still counts.
    [InlineData("BT 1.2.3 (a) Tj ET", "BT|Tj 61|ET")]
    // Tokens after the stream's last operator are dropped; an unknown operator drops its operands.
    [InlineData("BT xyz ET (a) Tj 1 2", "BT|ET|Tj 61")]
    // A broken writer's infinity counts as zero.
    [InlineData("BT 1 inf Td ET", "BT|Td 1 0|ET")]
    // An "EI" outside an image and a string that never closes: no failure, text before them kept.
    [InlineData("BT (a) Tj EI (b", "BT|Tj 61")]
    // A TJ array with stray words in it (a damaged stream): its strings and numbers are shown, the rest left out.
    [InlineData("BT [(a) -1000 Abc.)] TJ ET", "BT|TJ (61) -1000|ET")]
    public void Parse_OddOperands_AsPdfPigLenient(string content, string expected)
    {
        Assert.Equal(expected, Describe(Ours(content)));
    }

    [Fact]
    public void Parse_Utf16String_BytesKept()
    {
        // PdfPig decodes a literal string that starts with a byte-order mark and re-encodes it as Latin-1 for Tj,
        // which loses it; the font must get the bytes of the stream.
        Assert.Equal("BT|Tj FEFF0041|ET", Describe(Ours("BT (\xfe\xff\u0000A) Tj ET")));
    }

    [Fact]
    public void Parse_GeneratedStreams_SameTextOperationsAsPdfPig()
    {
        Prop.ForAll(Arb.From(ContentStream()), content => Describe(Ours(content)) == Describe(PdfPigs(content)))
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Every page and form XObject of the real corpus's PDFs, read by both parsers as the extractor reads them.</summary>
    [SharedFact]
    [Trait("Category", "Shared")]
    public void Parse_RealCorpusPdfs_SameTextOperationsAsPdfPig()
    {
        var options = new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true, ClipPaths = false };
        var files = Directory.EnumerateFiles(Path.Combine(RealCorpus.Root, "pdf"), "*.pdf")
            .Where(f => !f.EndsWith("pdfjs__bomb_giant.pdf", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var mismatches = new List<string>();
        var streams = 0;
        foreach (var file in files)
        {
            OracleParser.Reset();
            var bytes = File.ReadAllBytes(file);
            IReadOnlyList<(long, int)> forms;
            try
            {
                // The files the extractor turns away before PdfPig sees them (PdfPig would overflow the stack).
                forms = PdfPreflight.Check(bytes, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                continue;
            }
            try
            {
                using var document = PdfDocument.Open(bytes, options);
                PdfFormGraph.Check(document, forms, CancellationToken.None); // forms that invoke each other, as the extractor checks
                document.AddPageFactory<PdfTextPage, OraclePageFactory>();
                for (var i = 1; i <= Math.Min(document.NumberOfPages, 50); i++)
                {
                    try
                    {
                        _ = document.GetPage<PdfTextPage>(i);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // A page PdfPig cannot open (fonts, resources) says nothing about the parsers.
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
            }
            streams += OracleParser.Streams;
            mismatches.AddRange(OracleParser.Mismatches.Select(m => $"{Path.GetFileName(file)}: {m}"));
        }
        Assert.True(streams > 1000, $"only {streams} content streams were read");
        // The one known difference, on purpose: a damaged TJ array ("-1000AdmfinstraitionCcontrolle.)") that PdfPig
        // drops whole, whose strings the text-only parser keeps (the page gains "§1308.32", which the page shows).
        Assert.Single(mismatches, m => m.StartsWith("tika__testPDF_bad_page_303226.pdf: page 2: ", StringComparison.Ordinal));
        mismatches.RemoveAll(m => m.StartsWith("tika__testPDF_bad_page_303226.pdf: page 2: ", StringComparison.Ordinal));
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {streams} streams differ:\n" + string.Join("\n", mismatches.Take(20)));
    }

    private static IReadOnlyList<IGraphicsStateOperation> Ours(string content) =>
        TextOnlyContentParser.Instance.Parse(1, new MemoryInputBytes(Encoding.Latin1.GetBytes(content)), Silent.Log);

    private static IReadOnlyList<IGraphicsStateOperation> PdfPigs(string content) => PdfPigs(Encoding.Latin1.GetBytes(content));

    private static IReadOnlyList<IGraphicsStateOperation> PdfPigs(byte[] content) =>
        new PageContentParser(ReflectionGraphicsStateOperationFactory.Instance, new StackDepthGuard(256), useLenientParsing: true)
            .Parse(1, new MemoryInputBytes(content), Silent.Log)
            .Where(op => TextOperators.Contains(op.Operator)).ToList();

    /// <summary>Operators with their operand values, string operands as the bytes the processor gets.</summary>
    private static string Describe(IEnumerable<IGraphicsStateOperation> operations) => string.Join("|", operations.Select(Describe));

    private static string Describe(IGraphicsStateOperation op) => op switch
    {
        SetFontAndSize f => $"Tf {f.Font.Data} {N(f.Size)}",
        MoveToNextLineWithOffset o => $"Td {N(o.Tx)} {N(o.Ty)}",
        MoveToNextLineWithOffsetSetLeading o => $"TD {N(o.Tx)} {N(o.Ty)}",
        SetTextMatrix m => "Tm " + string.Join(" ", m.Value.Select(N)),
        ModifyCurrentTransformationMatrix m => "cm " + string.Join(" ", m.Value.Select(N)),
        SetCharacterSpacing s => $"Tc {N(s.Spacing)}",
        SetWordSpacing s => $"Tw {N(s.Spacing)}",
        SetHorizontalScaling s => $"Tz {N(s.Scale)}",
        SetTextLeading s => $"TL {N(s.Leading)}",
        SetTextRise s => $"Ts {N(s.Rise)}",
        SetTextRenderingMode r => $"Tr {(int)r.Mode}",
        ShowText t => "Tj " + Hex(t.Text is null ? t.Bytes.ToArray() : Encoding.Latin1.GetBytes(t.Text)),
        MoveToNextLineShowText t => "' " + Hex(t.Text is null ? t.Bytes.ToArray() : Encoding.Latin1.GetBytes(t.Text)),
        MoveToNextLineShowTextWithSpacing t => $"\" {N(t.WordSpacing)} {N(t.CharacterSpacing)} " + Hex(t.Text is null ? t.Bytes.ToArray() : Encoding.Latin1.GetBytes(t.Text)),
        ShowTextsWithPositioning t => "TJ " + string.Join(" ", t.Array.Select(token => token switch
        {
            NumericToken n => N(n.Data),
            HexToken h => $"({Hex([.. h.Bytes])})",
            StringToken s => $"({Hex(s.GetBytes())})",
            _ => token.GetType().Name,
        })),
        SetGraphicsStateParametersFromDictionary g => $"gs {g.Name.Data}",
        InvokeNamedXObject x => $"Do {x.Name.Data}",
        _ => op.Operator,
    };

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);

    /// <summary>Streams of text, path and marked-content operations with the operand forms writers use.</summary>
    private static Gen<string> ContentStream()
    {
        var number = Gen.OneOf(
            Gen.Choose(-2000, 2000).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Choose(-200000, 200000).Select(i => (i / 1000.0).ToString("0.###", CultureInfo.InvariantCulture)),
            Gen.Elements(".5", "-.25", "+3", "0", "-0", "4.", "007", "1e3", "12.5E-1"));
        var literal = Gen.ArrayOf(Gen.OneOf(
                Gen.Choose(32, 126).Where(c => c is not ('(' or ')' or '\\')).Select(c => ((char)c).ToString()),
                Gen.Elements(@"\(", @"\)", @"\\", @"\n", @"\r", @"\t", @"\b", @"\f", @"\101", @"\0", @"\12", @"\303\266", "\\\n", "()", "(x)"),
                Gen.Choose(128, 255).Select(c => ((char)c).ToString())))
            .Select(parts => "(" + string.Concat(parts) + ")");
        var hex = Gen.ArrayOf(Gen.Elements("0", "1", "9", "a", "F", "c", " ", "\n")).Select(parts => "<" + string.Concat(parts) + ">");
        var text = Gen.OneOf(literal, hex);
        var name = Gen.Elements("/F1", "/TT0", "/Fm0", "/GS1", "/A#20B", "/Im1");
        var operation = Gen.OneOf(
            Gen.Constant("BT"), Gen.Constant("ET"), Gen.Constant("q"), Gen.Constant("Q"), Gen.Constant("T*"),
            Gen.Zip(name, number).Select(p => $"{p.Item1} {p.Item2} Tf"),
            Gen.Zip(number, number).Select(p => $"{p.Item1} {p.Item2} Td"),
            Gen.Zip(number, number).Select(p => $"{p.Item1} {p.Item2} TD"),
            Gen.ArrayOf(number, 6).Select(n => string.Join(" ", n) + " Tm"),
            Gen.ArrayOf(number, 6).Select(n => string.Join(" ", n) + " cm"),
            Gen.Zip(number, Gen.Elements("Tc", "Tw", "Tz", "TL", "Ts", "w", "g", "M")).Select(p => $"{p.Item1} {p.Item2}"),
            text.Select(t => t + " Tj"),
            text.Select(t => t + "'"),
            Gen.Zip(Gen.Zip(number, number), text).Select(p => $"{p.Item1.Item1} {p.Item1.Item2} {p.Item2}\""),
            Gen.ArrayOf(Gen.OneOf(text, number)).Select(items => "[" + string.Join(" ", items) + "] TJ"),
            name.Select(n => n + " gs"),
            name.Select(n => n + " Do"),
            Gen.ArrayOf(number, 4).Select(n => string.Join(" ", n) + " re f"),
            Gen.ArrayOf(number, 6).Select(n => string.Join(" ", n) + " c"),
            Gen.Zip(number, number).Select(p => $"{p.Item1} {p.Item2} m {p.Item2} {p.Item1} l S"),
            literal.Select(t => $"/Span <</ActualText {t} /K [1 2]>> BDC"),
            Gen.Constant("EMC"),
            Gen.Constant("% comment (Tj)\n"),
            Gen.Constant("BI /W 2 /H 2 /BPC 8 /CS /G ID \x01\x02\x03\x04 EI"));
        var separator = Gen.Elements(" ", "\n", "\r\n", "  ");
        return Gen.ArrayOf(Gen.Zip(operation, separator).Select(p => p.Item1 + p.Item2)).Select(string.Concat);
    }

    /// <summary>PdfPig's parser warns through its log; the tests do not listen.</summary>
    private sealed class Silent : ILog
    {
        public static readonly Silent Log = new();

        public void Debug(string message)
        {
        }

        public void Debug(string message, Exception ex)
        {
        }

        public void Info(string message)
        {
        }

        public void Warn(string message)
        {
        }

        public void Error(string message)
        {
        }

        public void Error(string message, Exception ex)
        {
        }
    }

    /// <summary>
    /// Stands in for the text-only parser in a page factory: reads every stream PdfPig hands over (pages and forms) both
    /// ways, notes where the text operations differ, and hands on ours. One document at a time (static, tests only).
    /// </summary>
    private sealed class OracleParser : IPageContentParser
    {
        public static readonly OracleParser Instance = new();
        public static int Streams { get; private set; }
        public static List<string> Mismatches { get; } = [];

        public static void Reset()
        {
            Streams = 0;
            Mismatches.Clear();
        }

        public IReadOnlyList<IGraphicsStateOperation> Parse(int pageNumber, IInputBytes inputBytes, ILog log)
        {
            var bytes = new byte[inputBytes.Length];
            inputBytes.Seek(0);
            inputBytes.Read(bytes);
            Streams++;
            var ours = TextOnlyContentParser.Instance.Parse(pageNumber, new MemoryInputBytes(bytes), log);
            string expected;
            try
            {
                expected = Describe(PdfPigs(bytes));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // PdfPig fails this stream, and with it the page; reading on is what the text-only parser is for.
                return ours;
            }
            var actual = Describe(ours);
            if (expected != actual)
            {
                var at = 0;
                while (at < expected.Length && at < actual.Length && expected[at] == actual[at]) at++;
                Mismatches.Add($"page {pageNumber}: PdfPig …{Window(expected, at)}… ours …{Window(actual, at)}…");
            }
            return ours;
        }

        private static string Window(string s, int at) => s.Substring(Math.Max(0, at - 60), Math.Min(s.Length, at + 60) - Math.Max(0, at - 60));
    }

    /// <summary>The text-only page factory with the oracle as its parser.</summary>
    private sealed class OraclePageFactory : BasePageFactory<PdfTextPage>
    {
        public OraclePageFactory(IPdfTokenScanner pdfScanner, IResourceStore resourceStore, ILookupFilterProvider filterProvider,
            IPageContentParser pageContentParser, ParsingOptions parsingOptions)
            : base(pdfScanner, resourceStore, filterProvider, OracleParser.Instance, parsingOptions)
        {
            _ = pageContentParser;
        }

        protected override PdfTextPage ProcessPage(int pageNumber, DictionaryToken dictionary, NamedDestinations namedDestinations,
            MediaBox mediaBox, CropBox cropBox, UserSpaceUnit userSpaceUnit, PageRotationDegrees rotation, TransformationMatrix initialMatrix,
            IReadOnlyList<IGraphicsStateOperation> operations)
        {
            // Forms inside the page are parsed by this factory's parser too (the processor is given PageContentParser).
            var processor = new TextOnlyStreamProcessor([], new GlyphLookupCache(), pageNumber, ResourceStore, PdfScanner, PageContentParser,
                FilterProvider, cropBox, userSpaceUnit, rotation, initialMatrix, ParsingOptions);
            return processor.Process(pageNumber, operations);
        }
    }
}
