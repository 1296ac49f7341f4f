using ClassScan.Core.Privacy;

namespace ClassScan.Core.Tests.Privacy;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("parser choked on 191212121212 at offset 4", "parser choked on ############ at offset 4")]
    [InlineData("bytes 19121212-1212", "bytes ########-1212")]
    [InlineData("1912121212", "##########")]
    [InlineData("kod 123456", "kod ######")]
    [InlineData("offset 12345 of 99", "offset 12345 of 99")]
    [InlineData("rad\n2\tkolumn", "rad 2 kolumn")]
    [InlineData("", "")]
    [InlineData("rad 191212121212 fel", "rad ############ fel")] // 12 digits: none may survive
    [InlineData("byte 121212", "byte ######")]
    [InlineData("SQLite Error 13", "SQLite Error 13")]
    public void Message_DigitRuns_MaskedFromTheSixthOn(string message, string expected) =>
        Assert.Equal(expected, SafeText.Message(message));

    [Fact]
    public void Message_Long_CutWithEllipsis()
    {
        var text = SafeText.Message(new string('a', 500), maxLength: 10);
        Assert.Equal(new string('a', 10) + "…", text);
    }
}
