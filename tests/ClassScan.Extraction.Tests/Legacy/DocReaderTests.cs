using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;

namespace ClassScan.Extraction.Tests.Legacy;

public class DocReaderTests
{
    private static ExtractionResult Result(byte[] file, ExtractionLimits? limits = null) => ExtractionHelper.Result(CfbExtractor.Instance, file, limits);

    private static ExtractedText Text(DocFileBuilder builder) => ExtractionHelper.WholeText(Result(builder.Build()));

    private static ExtractedText Golden() => ExtractionHelper.SelectAndRun("legacy-word.doc", LegacyFiles.Read("legacy-word.doc"));

    [Fact]
    public void Extract_GoldenDoc_PersonnummerInFooterIsFooter()
    {
        var footer = Assert.Single(Golden().OfKind(SegmentKind.Footer));

        Assert.Equal("sidfot", footer.Location);
        Assert.Contains("19121212-1212", footer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoldenDoc_HeaderApartFromFooter()
    {
        var header = Assert.Single(Golden().OfKind(SegmentKind.Header));

        Assert.Equal(("sidhuvud", "Socialtjänsten, Exempelby kommun"), (header.Location, header.Text));
    }

    [Fact]
    public void Extract_GoldenDoc_PersonnummerInFootnoteIsFootnote()
    {
        var note = Assert.Single(Golden().OfKind(SegmentKind.Footnote));

        Assert.Equal("fotnot", note.Location);
        Assert.Equal("Sökandens make har personnummer 19881007-2382.", note.Text.Trim());
        Assert.DoesNotContain(Golden().OfKind(SegmentKind.Body), s => s.Text.Contains("19881007-2382", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_GoldenDoc_TableCellsTabSeparatedRowsOnLines()
    {
        var table = Assert.Single(Golden().OfKind(SegmentKind.Table));

        Assert.Equal("tabell 1", table.Location);
        Assert.Equal("Namn\tPersonnummer\nSara Exempel\t19771207-2391", table.Text);
    }

    [Fact]
    public void Extract_GoldenDoc_BodyAroundTableInOrder()
    {
        var text = Golden();

        Assert.Equal(
            [(SegmentKind.Body, "brödtext"), (SegmentKind.Table, "tabell 1"), (SegmentKind.Body, "brödtext")],
            text.Segments.Where(s => s.Kind is SegmentKind.Body or SegmentKind.Table).Select(s => (s.Kind, s.Location)));
        Assert.StartsWith("Utredning om bistånd enligt socialtjänstlagen.\n", text.Segments[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoldenDoc_HyperlinkShowsResultNotInstruction()
    {
        var body = Golden().OfKind(SegmentKind.Body).First().Text;

        Assert.Contains("Se kommunens regler för handläggning.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", Golden().AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("exempel.se", Golden().AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoldenDoc_PageFieldInFooterShowsNumber()
    {
        Assert.EndsWith("sida 1", Golden().OfKind(SegmentKind.Footer).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_GoldenDoc_EndnoteCommentAndProperties()
    {
        var text = Golden();

        Assert.Equal("Slutnot om underlaget.", text.OfKind(SegmentKind.Endnote).Single().Text.Trim());
        Assert.Equal("slutnot", text.OfKind(SegmentKind.Endnote).Single().Location);
        Assert.Equal(("kommentar", "Kontrollera inkomsten före beslut."), text.OfKind(SegmentKind.Comment).Select(s => (s.Location, s.Text)).Single());
        Assert.Equal(("dokumentegenskaper", "Titel: Utredning om bistånd\nÄmne: Testdokument för äldre Word"),
            text.OfKind(SegmentKind.Metadata).Select(s => (s.Location, s.Text)).Single());
    }

    [Fact]
    public void Extract_GoldenDoc_ReadByCfbExtractor()
    {
        Assert.Equal("cfb", ExtractionHelper.Select("legacy-word.doc", LegacyFiles.Read("legacy-word.doc"))?.Name);
    }

    [Fact]
    public void Extract_SummaryAndCustomProperties_OneMetadataSegmentWithoutAuthor()
    {
        var (word, table) = new DocFileBuilder().Piece("Text\r").Streams();
        var summary = PropertySetBuilder.Build(([(2, "Beslut"), (4, "Anna Författare"), (5, "bistånd")], null));
        var documentSummary = PropertySetBuilder.Build(
            ([(2, "Socialtjänst")], null),
            ([(2, "Konfidentiellt"), (3, "K-2024")], [(2, "MSIP_Label_1234_Name"), (3, "Diarienummer")]));

        var text = ExtractionHelper.WholeText(Result(TestSupport.Documents.CompoundFileWriter.Create(
            ("WordDocument", word), ("1Table", table), ("\u0005SummaryInformation", summary), ("\u0005DocumentSummaryInformation", documentSummary))));

        var metadata = text.OfKind(SegmentKind.Metadata).Single();
        Assert.Equal("dokumentegenskaper", metadata.Location);
        Assert.Equal("Titel: Beslut\nNyckelord: bistånd\nKategori: Socialtjänst\nMSIP_Label_1234_Name: Konfidentiellt\nDiarienummer: K-2024", metadata.Text);
    }

    [Fact]
    public void Extract_DamagedProperties_NoteAndTextKept()
    {
        var (word, table) = new DocFileBuilder().Piece("Text\r").Streams();
        var summary = PropertySetBuilder.Build(([(2, "Beslut")], null));
        BitConverter.GetBytes(0x7FFFFFFFu).CopyTo(summary, 28 + 16); // section offset far past the stream

        var text = ExtractionHelper.WholeText(Result(TestSupport.Documents.CompoundFileWriter.Create(
            ("WordDocument", word), ("1Table", table), ("\u0005SummaryInformation", summary))));

        Assert.Equal("Text", Assert.Single(text.Segments).Text);
        Assert.Contains("dokumentegenskaperna kunde inte läsas", text.Notes);
    }

    public static TheoryData<string, string> SpecialCharacters => new()
    {
        { "Rad ett\rRad två\r", "Rad ett\nRad två" },
        { "Radbrytning\vhär\r", "Radbrytning\nhär" },
        { "Sida ett\fsida två\r", "Sida ett\nsida två" },
        { "Kolumn\u000Ebrytning\r", "Kolumn\nbrytning" },
        { "Icke\u001Ebrytande\r", "Icke-brytande" },
        { "av\u001Fstavning\r", "avstavning" },
        { "Bild:\u0001 slut\r", "Bild: slut" },
        { "Ritad\u0008 figur\r", "Ritad figur" },
        { "Sida \u0013 PAGE \u00145\u0015 av 9\r", "Sida 5 av 9" },
        { "\u0013 HYPERLINK \"https://x.se\" \u0014länken\u0015 här\r", "länken här" },
        { "Datum \u0013 IF \u0013 DATE \u00142024\u0015 = 2024 \u0014ja\u0015.\r", "Datum ja." },
        { "Utan resultat\u0013 TC \"post\" \u0015.\r", "Utan resultat." },
        { "Tab\tseparerad\r", "Tab\tseparerad" },
    };

    [Theory]
    [MemberData(nameof(SpecialCharacters))]
    public void Extract_SpecialCharacters_BecomeReadableText(string stored, string expected)
    {
        var text = Text(new DocFileBuilder().Piece(stored));

        Assert.Equal(expected, Assert.Single(text.Segments).Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Extract_CompressedOrUnicodePiece_SameText(bool compressed)
    {
        var text = Text(new DocFileBuilder().Piece("Åsa Öberg – 19121212-1212 kostar 5 €\r", compressed));

        Assert.Equal("Åsa Öberg – 19121212-1212 kostar 5 €", Assert.Single(text.Segments).Text);
    }

    [Fact]
    public void Extract_MixedPieces_JoinedInCpOrder()
    {
        var text = Text(new DocFileBuilder().Piece("Personnummer 1912", compressed: true).Piece("1212-1212 ").Piece("slut\r", compressed: true));

        Assert.Equal("Personnummer 19121212-1212 slut", Assert.Single(text.Segments).Text);
    }

    [Fact]
    public void Extract_NonLatinInUnicodePiece_Kept()
    {
        Assert.Equal("Ελληνικά", Assert.Single(Text(new DocFileBuilder().Piece("Ελληνικά\r")).Segments).Text);
    }

    [Fact]
    public void Extract_StoriesByCcp_KindPerStory()
    {
        var text = Text(new DocFileBuilder().Piece("Huvudtext\rFotnot\rSidhuvud\r\r").Ccp(3, 10).Ccp(4, 7).Ccp(5, 10));

        Assert.Equal(
            [(SegmentKind.Body, "brödtext", "Huvudtext"), (SegmentKind.Header, "sidhuvud", "Sidhuvud"), (SegmentKind.Footnote, "fotnot", "Fotnot")],
            text.Segments.Select(s => (s.Kind, s.Location, s.Text)));
    }

    [Fact]
    public void Extract_PlcfHdd_SplitsHeadersFromFootersAndDropsSeparators()
    {
        // Six separator stories (the first holds "---"), then one section: even header, odd header, even
        // footer, odd footer (with the number), first header, first footer; then the closing CP.
        const string headers = "---\rRubrik\r19121212-1212\r\r";
        var text = Text(new DocFileBuilder().Piece("Text\r" + headers).Ccp(3, 5).Ccp(5, headers.Length)
            .HeaderStories(0, 4, 4, 4, 4, 4, 4, 4, 11, 11, 25, 25, 25, 26));

        Assert.Equal(
            [(SegmentKind.Body, "Text"), (SegmentKind.Header, "Rubrik"), (SegmentKind.Footer, "19121212-1212")],
            text.Segments.Select(s => (s.Kind, s.Text)));
        Assert.Equal("sidfot", text.OfKind(SegmentKind.Footer).Single().Location);
    }

    [Fact]
    public void Extract_PlcfHddOutOfOrder_WholeStoryAsHeader()
    {
        const string headers = "Rubrik\rSidfot\r\r";
        var text = Text(new DocFileBuilder().Piece("Text\r" + headers).Ccp(3, 5).Ccp(5, headers.Length)
            .HeaderStories(0, 0, 0, 0, 0, 0, 0, 9, 3, 14));

        Assert.Equal("Rubrik\nSidfot", text.OfKind(SegmentKind.Header).Single().Text);
        Assert.Empty(text.OfKind(SegmentKind.Footer));
    }

    [Fact]
    public void Extract_CcpPastText_ClampedNotFailed()
    {
        var text = Text(new DocFileBuilder().Piece("Kort\r").Ccp(3, 1_000_000).Ccp(4, 5_000));

        Assert.Equal("Kort", Assert.Single(text.Segments).Text);
    }

    [Fact]
    public void Extract_TextLimit_PartialText()
    {
        var limits = ExtractionLimits.Default with { MaxExtractedChars = 10 };

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(new DocFileBuilder().Piece("En lång mening om ingenting\r").Build(), limits));

        Assert.Equal("En lång me", Assert.Single(partial.Content.Segments).Text);
    }

    [Fact]
    public void Extract_ClxOutsideTableStream_Corrupt()
    {
        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(new DocFileBuilder().Piece("Text\r").Build(breakClx: true)));

        Assert.Equal("damaged Word document: piece table outside the table stream", corrupt.Reason);
    }

    [Fact]
    public void Extract_PieceBeyondStream_Corrupt()
    {
        var (word, table) = new DocFileBuilder().Piece("Text\r").Streams();
        // The piece's fc (after the Prc, the 0x02 tag, lcb and two CPs, 2 flag bytes) points far past the stream.
        BitConverter.GetBytes(0x00F00000u).CopyTo(table, 16 + 5 + 5 + 8 + 2);

        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(TestSupport.Documents.CompoundFileWriter.Create(("WordDocument", word), ("1Table", table))));

        Assert.Equal("damaged Word document: invalid piece table", corrupt.Reason);
    }

    [Fact]
    public void Extract_MissingTableStream_Corrupt()
    {
        var (word, _) = new DocFileBuilder().Piece("Text\r").Streams();

        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(TestSupport.Documents.CompoundFileWriter.Create(("WordDocument", word))));

        Assert.Equal("damaged Word document: table stream missing", corrupt.Reason);
    }

    [Theory]
    [InlineData((ushort)0xA5DC, (ushort)101, (ushort)0x041D, new byte[] { 0xC5, 0x73, 0x61 }, "Åsa")]
    [InlineData((ushort)0xA5EC, (ushort)104, (ushort)0x041D, new byte[] { 0xF6, 0x80 }, "ö€")]
    [InlineData((ushort)0xA5DC, (ushort)104, (ushort)0x0419, new byte[] { 0xC4, 0xE0 }, "Да")]
    [InlineData((ushort)0xA5DC, (ushort)104, (ushort)0x0405, new byte[] { 0x8A, 0xE8 }, "Šč")]
    public void Extract_Word6Or95WithoutPieceTable_TextInLanguageCodePage(ushort ident, ushort nFib, ushort lid, byte[] stored, string expected)
    {
        var word = Word6(ident, nFib, lid, [.. stored, 0x0D], clx: null);

        Assert.Equal(expected, Assert.Single(ExtractionHelper.WholeText(Result(TestSupport.Documents.CompoundFileWriter.Create(("WordDocument", word)))).Segments).Text);
    }

    [Fact]
    public void Extract_Word95WithPieceTable_PiecesInStreamOrderOfCps()
    {
        // Two pieces stored in reverse order: the piece table, not the stream, gives the reading order.
        byte[] text = [.. "1212-1212\r"u8, .. "Tolvan 1912"u8];
        byte[] clx = [0x02, 28, 0, 0, 0, .. U32(0, 11, 21), .. Pcd(0x400 + 10), .. Pcd(0x400)];
        var word = Word6(0xA5DC, 104, 0x041D, text, clx);

        Assert.Equal("Tolvan 19121212-1212", Assert.Single(ExtractionHelper.WholeText(Result(TestSupport.Documents.CompoundFileWriter.Create(("WordDocument", word)))).Segments).Text);
    }

    [Fact]
    public void Extract_Word2FibInsideCompoundFile_UnsupportedWithReason()
    {
        var word = Word6(0xA5DC, 45, 0x041D, "Text\r"u8.ToArray(), clx: null);

        var unsupported = Assert.IsType<ExtractionResult.Unsupported>(Result(TestSupport.Documents.CompoundFileWriter.Create(("WordDocument", word))));

        Assert.Equal("Word 2 header inside a compound file (Word 1/2 files are not compound files; no Word writes this)", unsupported.Reason);
    }

    /// <summary>A Word 6/95 WordDocument stream: FIB with fcMin 0x400 and ccpText, optionally a Clx after the text.</summary>
    private static byte[] Word6(ushort ident, ushort nFib, ushort lid, byte[] text, byte[]? clx)
    {
        var word = new byte[0x400 + text.Length + (clx?.Length ?? 0)];
        BitConverter.GetBytes(ident).CopyTo(word, 0);
        BitConverter.GetBytes(nFib).CopyTo(word, 2);
        BitConverter.GetBytes(lid).CopyTo(word, 6);
        BitConverter.GetBytes(0x400u).CopyTo(word, 0x18); // fcMin
        BitConverter.GetBytes((uint)(0x400 + text.Length)).CopyTo(word, 0x1C); // fcMac
        BitConverter.GetBytes(clx is null ? text.Length : 21).CopyTo(word, 0x34); // ccpText
        text.CopyTo(word, 0x400);
        if (clx is not null)
        {
            clx.CopyTo(word, 0x400 + text.Length);
            BitConverter.GetBytes((uint)(0x400 + text.Length)).CopyTo(word, 0x58 + (8 * 33)); // fcClx
            BitConverter.GetBytes((uint)clx.Length).CopyTo(word, 0x58 + (8 * 33) + 4);
        }
        return word;
    }

    private static byte[] U32(params uint[] values) => [.. values.SelectMany(BitConverter.GetBytes)];

    private static byte[] Pcd(uint fc) => [0, 0, .. BitConverter.GetBytes(fc), 0, 0];

    [Fact]
    public void Extract_NoWordHeader_Unsupported()
    {
        Assert.IsType<ExtractionResult.Unsupported>(Result(new DocFileBuilder { Ident = 0x1234 }.Piece("Text\r").Build()));
    }
}
