using ClassScan.Classification.Features;

namespace ClassScan.Classification.Tests.Features;

public sealed class ModelTextTests
{
    [Fact]
    public void Build_Segments_JoinsWithSpacesAndFlattensLineBreaks()
    {
        var text = ModelText.Build(TinyCorpus.Text("Rad ett\nrad två", "Sidfot\tSEKRETESS"));

        Assert.Equal("Rad ett rad två Sidfot SEKRETESS", text);
    }

    [Fact]
    public void Build_HugeText_KeepsHeadAndTailWithinCap()
    {
        var body = new string('a', 100_000);
        var text = ModelText.Build(TinyCorpus.Text("BÖRJAN " + body, "diagnos SLUTET"));

        Assert.True(text.Length <= ModelText.MaxChars);
        Assert.StartsWith("BÖRJAN", text, StringComparison.Ordinal);
        Assert.EndsWith("diagnos SLUTET", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Empty_IsEmpty()
    {
        Assert.Equal("", ModelText.Build(TinyCorpus.Text()));
    }
}
