using System.Text;
using ClassScan.Core.Documents;
using ClassScan.Extraction.Rtf;

namespace ClassScan.Extraction.Tests.Rtf;

public class RtfDocumentReaderTests
{
    private static ExtractionResult Result(string rtf, ExtractionLimits? limits = null) =>
        ExtractionHelper.Result(RtfExtractor.Instance, Encoding.Latin1.GetBytes(rtf), limits);

    private static ExtractedText Extract(string rtf) => ExtractionHelper.WholeText(Result(rtf));

    private static string Body(string rtf) =>
        string.Join("\n", Extract(rtf).Segments.Where(s => s.Kind is SegmentKind.Body or SegmentKind.Table).Select(s => s.Text));

    // What is shown is read, in the code page the document or its font declares.
    [Theory]
    [InlineData(@"{\rtf1\ansi Hej v\'e4rlden}", "Hej världen")]
    [InlineData(@"{\rtf1\ansi\ansicpg1252 \'c5\'c4\'d6 \'e5\'e4\'f6}", "ÅÄÖ åäö")]
    [InlineData(@"{\rtf1\ansi\ansicpg1250 \'9a\'e8}", "šč")]
    [InlineData(@"{\rtf1\ansi{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset204 Arial Cyr;}}\f0 a\f1\'c4\'e0}", "aДа")]
    [InlineData(@"{\rtf1\ansi\ansicpg932{\fonttbl{\f1\fcharset128 MS Gothic;}}\f1\'82\'b1\'82\'f1}", "こん")]
    [InlineData(@"{\rtf1\ansi\ansicpg932{\fonttbl{\f1\fcharset128 MS Gothic;}}\f1\'83e\'83X}", "テス")]
    [InlineData(@"{\rtf1\ansi\uc1 B\u246?rje}", "Börje")]
    [InlineData(@"{\rtf1\ansi\uc2 \u8364\'80\'80 x}", "€ x")]
    [InlineData(@"{\rtf1\ansi\uc0 \u-10179\u-8704 !}", "\U0001F600!")]
    [InlineData(@"{\rtf1\ansi\uc1{\u246} o}", "ö o")]
    [InlineData(@"{\rtf1\ansi ett\par tv\'e5\line tre\tab fyra}", "ett\ntvå\ntre\tfyra")]
    [InlineData(@"{\rtf1\ansi a\~b\_c\-d\{\}\\}", @"a b-cd{}\")]
    [InlineData(@"{\rtf1\ansi \ldblquote x\rdblquote\emdash y}", "\u201Cx\u201D\u2014y")]
    [InlineData(@"{\rtf1\ansi{\field{\*\fldinst HYPERLINK ""http://x""}{\fldrslt l\'e4nk}}}", "länk")]
    [InlineData(@"{\rtf1\ansi{\unknownword synlig}}", "synlig")]
    [InlineData(@"{\rtf1\ansi a{\upr{ansi}{\*\ud{\u246?}}}b}", "aöb")]
    public void Read_ShownText_Read(string rtf, string expected)
    {
        Assert.Equal(expected, Body(rtf));
    }

    // Hidden text is read, apart from the shown text: Word hides it on screen, the file still holds it.
    [Theory]
    [InlineData(@"{\rtf1\ansi a{\v 19121212-1212}b}", "ab", "19121212-1212")]
    [InlineData(@"{\rtf1\ansi a\v dolt\v0 b}", "ab", "dolt")]
    [InlineData(@"{\rtf1\ansi a\v dolt\plain b}", "ab", "dolt")]
    public void Read_HiddenText_ReadInItsOwnSegment(string rtf, string shown, string hidden)
    {
        var segments = Extract(rtf).Segments;
        Assert.Equal(shown, Assert.Single(segments, s => s.Location == "brödtext").Text);
        Assert.Equal(hidden, Assert.Single(segments, s => s.Location == "brödtext (dold text)").Text.Trim());
    }

    // What Word does not show and the file holds only as structure is not read: tables of the file, pictures, field codes.
    [Theory]
    [InlineData(@"{\rtf1\ansi{\fonttbl{\f0 Hemligfont;}}{\colortbl;\red1;}{\stylesheet{\s0 Normal;}}x}", "x")]
    [InlineData(@"{\rtf1\ansi a{\*\unknowndest dolt}b}", "ab")]
    [InlineData(@"{\rtf1\ansi a{\pict\pngblip 89504e47}b}", "ab")]
    [InlineData(@"{\rtf1\ansi a{\*\shppict{\pict\bin4 {{{{}}b}", "ab")]
    [InlineData(@"{\rtf1\ansi a{\object{\*\objdata 0105}{\result r}}b}", "arb")]
    [InlineData(@"{\rtf1\ansi a{\*\generator Writer;}{\*\themedata 504b}{\*\datastore 01}b}", "ab")]
    [InlineData(@"{\rtf1\ansi a{\*\htmltag84 <p>}b}", "ab")]
    [InlineData(@"{\rtf1\ansi a{\*\bkmkstart x}b}", "ab")]
    [InlineData(@"{\rtf1\ansi x}efter slutet", "x")]
    public void Read_NotShown_NotRead(string rtf, string expected)
    {
        Assert.Equal(expected, Body(rtf));
    }

    [Fact]
    public void Read_Table_CellsByTabRowsByNewlineInTableSegment()
    {
        const string rtf = @"{\rtf1\ansi F\'f6re\par
{\trowd\cellx1000\cellx2000\pard\intbl Namn\cell Personnummer\cell\row}
{\trowd\cellx1000\cellx2000\pard\intbl Tolvan\par Tolvansson\cell 19121212-1212\cell\row}
\pard Efter\par}";

        var text = Extract(rtf);

        Assert.Equal(
            [(SegmentKind.Body, "brödtext", "Före"), (SegmentKind.Table, "tabell 1", "Namn\tPersonnummer\nTolvan Tolvansson\t19121212-1212"),
                (SegmentKind.Body, "brödtext", "Efter")],
            text.Segments.Select(s => (s.Kind, s.Location, s.Text)));
    }

    [Fact]
    public void Read_HeaderFooterFootnoteAnnotation_OwnKinds()
    {
        const string rtf = @"{\rtf1\ansi{\header \pard Sekretess\par}{\footerf \pard Sidfot\par}
Br\'f6d{\super\chftn}{\footnote\pard\plain{\super\chftn}Not\par}{\footnote\ftnalt Slut}
{\*\atnid AB}{\*\atnauthor Anna}\chatn{\*\annotation{\*\atnref 1}\pard Kommentar}
{\shp{\*\shpinst{\sp{\sn shapeType}{\sv 202}}{\shptxt Ruta}}{\shprslt Ruta igen}}\par}";

        var text = Extract(rtf);

        Assert.Equal("Bröd", Assert.Single(text.OfKind(SegmentKind.Body)).Text);
        Assert.Equal(("sidhuvud", "Sekretess"), Single(text, SegmentKind.Header));
        Assert.Equal(("sidfot", "Sidfot"), Single(text, SegmentKind.Footer));
        Assert.Equal(("fotnot", "Not"), Single(text, SegmentKind.Footnote));
        Assert.Equal(("slutnot", "Slut"), Single(text, SegmentKind.Endnote));
        Assert.Equal(("kommentar", "Kommentar"), Single(text, SegmentKind.Comment));
        Assert.Equal(("textruta 1", "Ruta"), Single(text, SegmentKind.TextBox));
        Assert.DoesNotContain("Anna", text.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InfoAndUserProperties_MetadataWithoutAuthor()
    {
        const string rtf = @"{\rtf1\ansi{\info{\title Beslut}{\subject Bygglov}{\author Anna Andersson}{\operator A}{\keywords k}
{\creatim\yr2024\mo1\dy2}}{\*\userprops{\propname MSIP_Label_1_Name}\proptype30{\staticval Intern}}Text}";

        var text = Extract(rtf);

        Assert.Equal("Text", Assert.Single(text.OfKind(SegmentKind.Body)).Text);
        Assert.Equal(("dokumentegenskaper", "Titel: Beslut\nÄmne: Bygglov\nNyckelord: k\nMSIP_Label_1_Name: Intern"), Single(text, SegmentKind.Metadata));
    }

    [Fact]
    public void Read_InfoInDbcsDocument_DocumentCodePageNotBodyFont()
    {
        const string rtf = @"{\rtf1\ansi\ansicpg932\deff0{\fonttbl{\f0\fcharset0 Century;}}{\info{\title \'83\'5e}}x}";

        Assert.Equal(("dokumentegenskaper", "Titel: タ"), Single(Extract(rtf), SegmentKind.Metadata));
    }

    [Fact]
    public void Read_TrackedDeletion_OwnSegment()
    {
        var text = Extract(@"{\rtf1\ansi kvar {\deleted borta}\par}");

        Assert.Equal(
            [(SegmentKind.Body, "brödtext", "kvar"), (SegmentKind.Body, "brödtext (borttagen text)", "borta")],
            text.Segments.Select(s => (s.Kind, s.Location, s.Text)));
    }

    [Theory]
    [InlineData(@"{\rtf1\ansi a {\b fet")]
    [InlineData(@"{\rtf1\ansi a\'")]
    [InlineData(@"{\rtf1\ansi a\u")]
    [InlineData(@"{\rtf1\ansi a\bin99999 ")]
    [InlineData(@"{\rtf1\ansi\ansicpg99999 a}")]
    [InlineData(@"{\rtf1\ansi\ansicpg932{\fonttbl{\f1\fcharset128 G;}}\f1 a\'82}")]
    [InlineData(@"{\rtf1\ansi a\uc99999999 \u246 b}")]
    public void Read_TruncatedOrOdd_TextSoFar(string rtf)
    {
        Assert.StartsWith("a", Body(rtf), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hej, inte RTF")]
    [InlineData(@"{\rtfx")]
    [InlineData(@"{\urtf1 x}")]
    public void Extract_NotRtf_Corrupt(string content)
    {
        Assert.IsType<ExtractionResult.Corrupt>(Result(content));
    }

    [Fact]
    public void Extract_GroupsNestedTooDeep_CorruptWithoutContent()
    {
        var rtf = @"{\rtf1 " + new string('{', RtfDocumentReader.MaxGroupDepth + 5) + "19121212-1212";

        var corrupt = Assert.IsType<ExtractionResult.Corrupt>(Result(rtf));
        Assert.DoesNotContain("1912", corrupt.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DeepButBounded_Reads()
    {
        var rtf = @"{\rtf1 " + new string('{', 500) + "djupt" + new string('}', 501);

        Assert.Equal("djupt", Body(rtf));
    }

    [Fact]
    public void Extract_TextPastLimit_PartialTextCutAtLimit()
    {
        var rtf = @"{\rtf1\ansi " + string.Concat(Enumerable.Repeat(@"ord ord ord\par ", 20_000)) + "}";

        var partial = Assert.IsType<ExtractionResult.PartialText>(Result(rtf, new ExtractionLimits { MaxExtractedChars = 10_000 }));

        Assert.InRange(partial.Content.TotalChars, 9_000, 10_000);
        Assert.StartsWith("ord ord ord\n", partial.Content.Segments[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Cancelled_Throws()
    {
        var rtf = @"{\rtf1\ansi " + string.Concat(Enumerable.Repeat(@"{\b ord}\par ", 10_000)) + "}";
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            ExtractionHelper.Result(RtfExtractor.Instance, Encoding.ASCII.GetBytes(rtf), ct: cts.Token));
    }

    private static (string Location, string Text) Single(ExtractedText text, SegmentKind kind)
    {
        var s = Assert.Single(text.OfKind(kind));
        return (s.Location, s.Text);
    }
}
