using ClassScan.Classification.Data;
using ClassScan.Core.Classification;

namespace ClassScan.Classification.Tests.Data;

public sealed class LevelLabelTests
{
    [Theory]
    [InlineData("0", "0", false)]
    [InlineData("3", "3", false)]
    [InlineData("0|1", "0|1", true)]
    [InlineData(" 1 | 0 ", "0|1", true)]
    public void Parse_ValidText_RoundTrips(string text, string expected, bool ambiguous)
    {
        var label = LevelLabel.Parse(text);

        Assert.Equal(expected, label.ToString());
        Assert.Equal(ambiguous, label.IsAmbiguous);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("1|")]
    [InlineData("ett")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        Assert.False(LevelLabel.TryParse(text, out _));
        Assert.Throws<FormatException>(() => LevelLabel.Parse(text));
    }

    [Fact]
    public void Accepts_AmbiguousLabel_AcceptsBothLevelsOnly()
    {
        var label = LevelLabel.Parse("0|1");

        Assert.True(label.Accepts(KlassaLevel.Oppen));
        Assert.True(label.Accepts(KlassaLevel.Intern));
        Assert.False(label.Accepts(KlassaLevel.Konfidentiell));
        Assert.False(label.MustLeave);
    }

    [Theory]
    [InlineData("0|1", KlassaLevel.Intern, KlassaLevel.Intern)]
    [InlineData("0|1", KlassaLevel.Oppen, KlassaLevel.Oppen)]
    [InlineData("0|1", KlassaLevel.StriktKonfidentiell, KlassaLevel.Intern)]
    [InlineData("2", KlassaLevel.Oppen, KlassaLevel.Konfidentiell)]
    public void Resolve_Prediction_GivesNearestAcceptedLevel(string label, KlassaLevel predicted, KlassaLevel expected)
    {
        Assert.Equal(expected, LevelLabel.Parse(label).Resolve(predicted));
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("3", true)]
    [InlineData("2|3", true)]
    [InlineData("1", false)]
    [InlineData("1|2", false)]
    public void MustLeave_Label_TrueOnlyWhenEveryLevelIsTwoOrMore(string label, bool expected)
    {
        Assert.Equal(expected, LevelLabel.Parse(label).MustLeave);
    }
}
