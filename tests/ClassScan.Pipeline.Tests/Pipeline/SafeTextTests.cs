using ClassScan.Core.Privacy;

namespace ClassScan.Pipeline.Tests.Pipeline;

public sealed class SafeTextTests
{
    [Theory]
    [InlineData("rad 191212121212 fel", "rad ############ fel")] // 12 digits: none may survive
    [InlineData("rad 1212121212", "rad ##########")]
    [InlineData("byte 121212", "byte ######")]
    [InlineData("sida 12345 av 99", "sida 12345 av 99")] // under six digits: kept
    [InlineData("SQLite Error 13", "SQLite Error 13")]
    public void Message_DigitRuns_MaskedFromTheSixth(string input, string expected) => Assert.Equal(expected, SafeText.Message(input));
}
