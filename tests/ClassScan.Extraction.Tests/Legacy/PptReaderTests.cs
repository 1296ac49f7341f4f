using ClassScan.Core.Documents;
using ClassScan.Extraction.Cfb;
using static ClassScan.Extraction.Tests.Legacy.PptStreamBuilder;

namespace ClassScan.Extraction.Tests.Legacy;

public class PptReaderTests
{
    private static ExtractionResult Result(byte[] file) => ExtractionHelper.Result(CfbExtractor.Instance, file);

    private static ExtractedText Golden() => ExtractionHelper.SelectAndRun("legacy-slides.ppt", LegacyFiles.Read("legacy-slides.ppt"));

    private static (byte[] Stream, int UserEdit) TwoSlides(bool selfLoopingEdit = false) => Presentation(
        [(Slide(Chars("Ruta med 19121212-1212")), 256, "Rubrik ett"), (Slide(Bytes("Rubrik två")), 257, null)],
        [Notes(257, Chars("Anteckning till bild två"))],
        selfLoopingEdit);

    [Fact]
    public void Extract_GoldenPpt_PersonnummerInNotesIsNotes()
    {
        var notes = Golden().OfKind(SegmentKind.Notes).ToList();

        Assert.Equal(["bild 1 anteckningar", "bild 3 anteckningar"], notes.Select(n => n.Location));
        Assert.Equal("Talarens anteckning: ärendet gäller 19121212-1212.", notes[0].Text);
        Assert.DoesNotContain(Golden().OfKind(SegmentKind.Body), s => s.Text.Contains("19121212-1212", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_GoldenPpt_SlidesInOrder()
    {
        var slides = Golden().OfKind(SegmentKind.Body).Select(s => (s.Location, s.Text));

        Assert.Equal(
            [("bild 1", "Välkommen till nämndens möte"), ("bild 2", "Budget för äldreomsorgen\nAndra raden på bild två"), ("bild 3", "Frågor och svar")],
            slides);
    }

    [Fact]
    public void Extract_LiveEdit_OutlineAndShapeTextPerSlideNotesBySlideId()
    {
        var (stream, edit) = TwoSlides();

        var text = ExtractionHelper.WholeText(Result(File(stream, edit)));

        Assert.Equal(
            [(SegmentKind.Body, "bild 1", "Rubrik ett\nRuta med 19121212-1212"), (SegmentKind.Body, "bild 2", "Rubrik två"),
             (SegmentKind.Notes, "bild 2 anteckningar", "Anteckning till bild två")],
            text.Segments.Select(s => (s.Kind, s.Location, s.Text)));
    }

    [Fact]
    public void Extract_MasterText_NotRead()
    {
        var (stream, edit) = TwoSlides();

        var all = ExtractionHelper.WholeText(Result(File(stream, edit))).AllText();

        Assert.DoesNotContain("mallen", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallens", all, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoCurrentUser_StreamWalkGivesSameText()
    {
        var (stream, edit) = TwoSlides();
        var live = ExtractionHelper.WholeText(Result(File(stream, edit)));

        var walked = ExtractionHelper.WholeText(Result(File(stream, userEdit: null)));

        Assert.Equal(live.Segments, walked.Segments);
    }

    [Fact]
    public void Extract_EditChainLoop_Terminates()
    {
        var (stream, edit) = TwoSlides(selfLoopingEdit: true);

        Assert.Contains("19121212-1212", ExtractionHelper.WholeText(Result(File(stream, edit))).AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_CurrentUserPointsNowhere_StreamWalk()
    {
        var (stream, _) = TwoSlides();

        Assert.Equal(3, ExtractionHelper.WholeText(Result(File(stream, userEdit: 5))).Segments.Count);
    }

    [Fact]
    public void Extract_RecordLongerThanParent_KeepsEarlierText()
    {
        var slide = Slide(Chars("Första rutan"), Chars("Andra rutan"));
        // recLen of the second text atom (after slide, drawing, textbox headers and the first atom) far too large.
        int second = 8 + 8 + 8 + 8 + ("Första rutan".Length * 2);
        BitConverter.GetBytes(0x7FFFFFF0u).CopyTo(slide, second + 4);
        var (stream, edit) = Presentation([(slide, 256, null)], []);

        var text = ExtractionHelper.WholeText(Result(File(stream, edit)));

        Assert.Equal("Första rutan", Assert.Single(text.Segments).Text);
    }

    [Theory]
    [InlineData(false, "Ål och ärter på söndag")]
    [InlineData(true, "Ål och ärter på söndag")]
    [InlineData(true, "Ελληνικά και 中文")]
    public void Extract_TextBytesOrCharsAtom_Decoded(bool unicode, string expected)
    {
        var (stream, edit) = Presentation([(Slide(unicode ? Chars(expected) : Bytes(expected)), 256, null)], []);

        Assert.Equal(expected, Assert.Single(ExtractionHelper.WholeText(Result(File(stream, edit))).Segments).Text);
    }

    [Fact]
    public void Extract_ParagraphAndLineBreaks_Newlines()
    {
        var (stream, edit) = Presentation([(Slide(Chars("Rad ett\rRad två\vRad tre\u0001")), 256, null)], []);

        Assert.Equal("Rad ett\nRad två\nRad tre", Assert.Single(ExtractionHelper.WholeText(Result(File(stream, edit))).Segments).Text);
    }

    [Fact]
    public void Extract_SameTextInOutlineAndShape_Once()
    {
        var (stream, edit) = Presentation([(Slide(Chars("Rubrik")), 256, "Rubrik")], []);

        Assert.Equal("Rubrik", Assert.Single(ExtractionHelper.WholeText(Result(File(stream, edit))).Segments).Text);
    }

    [Fact]
    public void Extract_EqualTextInTwoShapes_BothKept()
    {
        // Table cells with the same value are separate shapes' text, not copies.
        var (stream, edit) = Presentation([(Slide(Chars("86 %"), Chars("Hemtjänst"), Chars("86 %")), 256, null)], []);

        Assert.Equal("86 %\nHemtjänst\n86 %", Assert.Single(ExtractionHelper.WholeText(Result(File(stream, edit))).Segments).Text);
    }

    [Fact]
    public void Extract_NotesOfUnknownSlideId_ByPosition()
    {
        var (stream, edit) = Presentation([(Slide(Chars("Bild")), 256, null)], [Notes(999, Chars("Vilsen anteckning"))]);

        Assert.Equal("bild 1 anteckningar", Assert.Single(ExtractionHelper.WholeText(Result(File(stream, edit))).OfKind(SegmentKind.Notes)).Location);
    }

    [Fact]
    public void Extract_UserEditWithEncryptionSession_Encrypted()
    {
        var (stream, edit) = Presentation([(Slide(Chars("Hemlig text")), 256, null)], [], encryptedEdit: true);

        var encrypted = Assert.IsType<ExtractionResult.Encrypted>(Result(File(stream, edit)));

        Assert.Equal("password-protected legacy PowerPoint presentation (.ppt)", encrypted.Reason);
    }

    [Fact]
    public void Extract_WordDocumentOutsideRootStorage_ReadAsPresentation()
    {
        // A presentation with an embedded Word document: that WordDocument stream is not a child of the root
        // (here: unlinked from the root's sibling chain), so it must not make the file read as Word.
        var (stream, edit) = TwoSlides();
        var file = TestSupport.Documents.CompoundFileWriter.Create(
            ("PowerPoint Document", stream), ("Current User", CurrentUser(edit)), ("WordDocument", new byte[64]));
        BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(file, (512 * 2) + (128 * 2) + 0x48); // entry 2's right sibling

        var text = ExtractionHelper.WholeText(Result(file));

        Assert.Equal(["bild 1", "bild 2", "bild 2 anteckningar"], text.Segments.Select(s => s.Location));
    }

    [Fact]
    public void Extract_SlideRecordListedThousandsOfTimes_ReadOnce()
    {
        var (stream, edit) = OneSlideListedOften(Slide([.. Enumerable.Range(0, 200).Select(i => Chars($"Ruta {i}"))]), 1000);

        var text = ExtractionHelper.WholeText(Result(File(stream, edit)));

        var slide = Assert.Single(text.Segments);
        Assert.Equal("bild 1", slide.Location);
        Assert.StartsWith("Ruta 0\nRuta 1\n", slide.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoRecords_CorruptWithReason()
    {
        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(File(new byte[64], userEdit: null)));

        Assert.Equal("damaged PowerPoint presentation: no document record", corrupt.Reason);
    }

    [Fact]
    public void Extract_GoldenPpt_ReadByCfbExtractor()
    {
        Assert.Equal("cfb", ExtractionHelper.Select("legacy-slides.ppt", LegacyFiles.Read("legacy-slides.ppt"))?.Name);
    }
}
