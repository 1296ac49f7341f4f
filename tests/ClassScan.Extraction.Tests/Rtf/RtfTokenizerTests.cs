using System.Globalization;
using System.Text;
using ClassScan.Extraction.Rtf;

namespace ClassScan.Extraction.Tests.Rtf;

public class RtfTokenizerTests
{
    /// <summary>The tokens of <paramref name="rtf"/>, one short string each, joined by spaces.</summary>
    private static string Dump(string rtf)
    {
        var bytes = Encoding.Latin1.GetBytes(rtf);
        var tokens = new RtfTokenizer(bytes);
        var parts = new List<string>();
        for (var kind = tokens.Next(); kind != RtfTokenKind.End; kind = tokens.Next())
        {
            parts.Add(kind switch
            {
                RtfTokenKind.GroupStart => "{",
                RtfTokenKind.GroupEnd => "}",
                RtfTokenKind.ControlWord => "\\" + Encoding.ASCII.GetString(tokens.Word)
                    + (tokens.HasParameter ? tokens.Parameter.ToString(CultureInfo.InvariantCulture) : ""),
                RtfTokenKind.ControlSymbol => "sym:" + (tokens.Symbol == '\n' ? "LF" : ((char)tokens.Symbol).ToString()),
                RtfTokenKind.HexByte => "hex:" + tokens.Parameter.ToString("x2", CultureInfo.InvariantCulture),
                RtfTokenKind.Text => "text:" + Encoding.Latin1.GetString(tokens.Data),
                RtfTokenKind.Binary => "bin:" + tokens.Data.Length.ToString(CultureInfo.InvariantCulture),
                _ => "?",
            });
        }
        return string.Join(" ", parts);
    }

    [Theory]
    [InlineData(@"{\rtf1 Hej}", @"{ \rtf1 text:Hej }")]
    [InlineData(@"\b0\fs-24 x", @"\b0 \fs-24 text:x")]
    [InlineData(@"\par  two", @"\par text: two")]
    [InlineData(@"\'e5\'C4", "hex:e5 hex:c4")]
    [InlineData(@"\u-3913 ?", @"\u-3913 text:?")]
    [InlineData(@"\~\-\_\*\{\}\\", @"sym:~ sym:- sym:_ sym:* sym:{ sym:} sym:\")]
    [InlineData("a\r\nb", "text:a text:b")]
    [InlineData("\\\r\nx", "sym:LF text:x")]
    [InlineData(@"\bin3 {}\x", @"bin:3 text:x")]
    [InlineData(@"\word-x", @"\word text:-x")]
    public void Next_WellFormed_Tokens(string rtf, string expected)
    {
        Assert.Equal(expected, Dump(rtf));
    }

    [Theory]
    [InlineData(@"\'zz", "sym:' text:zz")]
    [InlineData(@"\'4", "sym:' text:4")]
    [InlineData(@"x\", "text:x")]
    [InlineData(@"\bin999999 ab", "bin:2")]
    [InlineData(@"\bin-5 ab", "bin:0 text:ab")]
    [InlineData(@"\bin", "bin:0")]
    [InlineData(@"\u99999999999999999999 z", @"\u2147483647 text:z")]
    [InlineData(@"\fs-99999999999", @"\fs-2147483647")]
    [InlineData(@"}}{", "} } {")]
    public void Next_Malformed_NearestSensibleTokenNoThrow(string rtf, string expected)
    {
        Assert.Equal(expected, Dump(rtf));
    }

    [Fact]
    public void Next_OverlongWord_ReadWholeAsOneWord()
    {
        var word = new string('a', 100);

        Assert.Equal($"\\{word}5 text:x", Dump($"\\{word}5 x"));
    }
}
