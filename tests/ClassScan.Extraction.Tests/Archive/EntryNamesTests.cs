using ClassScan.Extraction.Archive;
using SharpCompress.Common;

namespace ClassScan.Extraction.Tests.Archive;

public class EntryNamesTests
{
    [Theory]
    [InlineData("Elevakter/beslut.docx", "Elevakter/beslut.docx")]
    [InlineData("a.txt", "a.txt")]
    [InlineData("../../../f1.txt", "f1.txt")]
    [InlineData("a/../../b.txt", "b.txt")]
    [InlineData("/dangerous/dont/touch.pl", "dangerous/dont/touch.pl")]
    [InlineData("C:/dangerous/touch.pl", "dangerous/touch.pl")]
    [InlineData("mapp\\under\\fil.txt", "mapp/under/fil.txt")]
    [InlineData("./a//b/./c.txt", "a/b/c.txt")]
    [InlineData("rad\nbrytning.txt", "radbrytning.txt")]
    [InlineData("/", "")]
    [InlineData("", "")]
    public void Normalise_Name_PlainRelativePath(string name, string expected)
    {
        Assert.Equal(expected, EntryNames.Normalise(name));
    }

    [Theory]
    [InlineData(new byte[] { 0x84, 0x72 }, EncodingType.Default, "är")] // CP437 ä = 0x84
    [InlineData(new byte[] { 0xC3, 0xA4, 0x72 }, EncodingType.Default, "är")] // UTF-8 without the flag
    [InlineData(new byte[] { 0xC3, 0xA4, 0x72 }, EncodingType.UTF8, "är")]
    [InlineData(new byte[] { 0x61, 0x2E, 0x74 }, EncodingType.Default, "a.t")]
    public void DecodeZip_NameBytes_DecodedByFlagThenValidityThenCp437(byte[] bytes, EncodingType type, string expected)
    {
        Assert.Equal(expected, EntryNames.DecodeZip(bytes, 0, bytes.Length, type));
    }

    [Fact]
    public void DecodeZip_ShiftJisBytes_NotUtf8SoCp437WithoutFailing()
    {
        var sjis = new byte[] { 0x95, 0xB6, 0x8F, 0x91 };
        Assert.Equal("ò╢Åæ", EntryNames.DecodeZip(sjis, 0, sjis.Length, EncodingType.Default));
    }

    [Theory]
    [InlineData("logg.txt.gz", null, "logg.txt")]
    [InlineData("a.tgz", null, "a.tar")]
    [InlineData("a.tar.gz", "other", "a.tar")]
    [InlineData("utan", "original.txt", "original.txt")]
    [InlineData(null, "original.txt", "original.txt")]
    [InlineData(null, null, "innehåll")]
    [InlineData("utan", null, "utan")]
    public void GZipMember_Names_FromTheContainerThenTheHeader(string? container, string? header, string expected)
    {
        Assert.Equal(expected, EntryNames.GZipMember(container, header));
    }
}
