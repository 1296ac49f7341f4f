using ClassScan.Classification.Data;

namespace ClassScan.Classification.Tests.Data;

public sealed class LabelledSetTests
{
    [Theory]
    [InlineData("dev2=../shared/corpus/dev2", "dev2", "../shared/corpus/dev2", null)]
    [InlineData("own=/data/granskat:/data/etiketter.csv", "own", "/data/granskat", "/data/etiketter.csv")]
    [InlineData(" a = dir : l.csv ", "a", "dir", "l.csv")]
    [InlineData(@"w=C:\korpus", "w", @"C:\korpus", null)]
    [InlineData(@"w=C:\korpus:D:\etiketter.csv", "w", @"C:\korpus", @"D:\etiketter.csv")]
    [InlineData("w=C:/korpus:l.csv", "w", "C:/korpus", "l.csv")]
    public void Parse_NameFolderAndOptionalLabels_SplitsAtTheRightSeparators(string text, string name, string folder, string? labels)
    {
        var set = LabelledSet.Parse(text);

        Assert.Equal(name, set.Name);
        Assert.Equal(folder, set.Directory);
        Assert.Equal(labels ?? Path.Combine(folder, "labels.csv"), set.LabelsPath);
    }

    [Theory]
    [InlineData("../shared/corpus/dev2")]
    [InlineData("=../shared/corpus/dev2")]
    [InlineData("dev2=")]
    [InlineData("dev2= ")]
    [InlineData("dev2=dir:")]
    [InlineData("dev2=:l.csv")]
    public void Parse_MissingPart_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => LabelledSet.Parse(text));
    }

    [Fact]
    public void FromFolder_CorpusAndLabelsPair_IsNamedAfterTheFolder()
    {
        var set = LabelledSet.FromFolder(Path.Combine("..", "shared", "corpus", "dev2") + Path.DirectorySeparatorChar, "x.csv");

        Assert.Equal("dev2", set.Name);
        Assert.Equal("x.csv", set.LabelsPath);
        Assert.Equal(Path.Combine("d", "labels.csv"), LabelledSet.FromFolder("d", null).LabelsPath);
    }
}
