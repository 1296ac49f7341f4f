using ClassScan.Detection.Text;
using FsCheck.Xunit;

namespace ClassScan.Detection.Tests.Text;

public sealed class LowerCaseTests
{
    [Theory]
    [InlineData("")]
    [InlineData("redan gemener 123, inga ändringar")]
    [InlineData("Beslut om BISTÅND enligt SoL")]
    [InlineData("ÅSA ÖBERG – Ärende ”LSS” • 12 €")]
    [InlineData("Σωκράτης ΠΈΤΡΟΣ Пётр İstanbul ǅ ẞ K Å")]
    [InlineData("Deseret 𐐀𐐁 and emoji 😀 with Ä")]
    [InlineData("lone surrogate \uD800 then Ä and \uDC00")]
    public void Invariant_Text_SameAsToLowerInvariant(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), LowerCase.Invariant(text));
    }

    [Fact]
    public void Invariant_EveryCharacterOfTheBasicPlane_SameAsToLowerInvariant()
    {
        var all = string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => !char.IsSurrogate(c)));
        // After an upper-case ASCII letter, so that the table and per-character paths both see every character.
        var text = "A" + all;

        var lower = LowerCase.Invariant(text);

        var expected = text.ToLowerInvariant();
        Assert.Equal(expected.Length, lower.Length);
        for (var i = 0; i < text.Length; i++)
            Assert.True(expected[i] == lower[i], $"U+{(int)text[i]:X4}");
    }

    [Property(MaxTest = 500)]
    public void Invariant_AnyString_SameAsToLowerInvariant(string? text)
    {
        text ??= "";
        Assert.Equal(text.ToLowerInvariant(), LowerCase.Invariant(text));
    }
}
