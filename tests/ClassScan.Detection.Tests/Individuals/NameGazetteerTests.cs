using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class NameGazetteerTests
{
    private static NameGazetteer Names => RecogniserFixture.Lexicon.Names;

    [Fact]
    public void Load_EmbeddedLists_HoldTensOfThousandsOfNames()
    {
        Assert.InRange(Names.GivenCount, 10_000, 60_000);
        Assert.InRange(Names.SurnameCount, 10_000, 60_000);
    }

    // Given names of the origins common in municipal case files: Swedish, Nordic, Finnish, Arabic, Somali,
    // Tigrinya, Persian, Kurdish, Bosnian, Polish.
    [Theory]
    [InlineData("anna")]
    [InlineData("sigrid")]
    [InlineData("aune")]
    [InlineData("jukka")]
    [InlineData("ahmed")]
    [InlineData("faadumo")]
    [InlineData("tesfay")]
    [InlineData("mehdi")]
    [InlineData("rebwar")]
    [InlineData("emina")]
    [InlineData("agnieszka")]
    [InlineData("therese")]
    public void IsGivenName_CommonName_True(string name)
    {
        Assert.True(Names.IsGivenName(name, out _));
    }

    [Theory]
    [InlineData("virtanen")]
    [InlineData("andersson")]
    [InlineData("kowalski")]
    [InlineData("salonen")]
    public void IsSurname_CommonSurname_True(string name)
    {
        Assert.True(Names.IsSurname(name));
    }

    [Theory]
    [InlineData("kommun")]
    [InlineData("enligt")]
    [InlineData("socialnämnden")]
    [InlineData("beslut")]
    public void IsGivenName_OrdinaryWord_False(string word)
    {
        Assert.False(Names.IsGivenName(word, out _));
    }

    [Theory]
    [InlineData("per", true)]
    [InlineData("inga", true)]
    [InlineData("liv", true)]
    [InlineData("rut", true)]
    [InlineData("bo", true)]
    [InlineData("björn", true)]
    [InlineData("sten", true)]
    [InlineData("mark", true)]
    [InlineData("anna", false)]
    [InlineData("axel", false)]
    [InlineData("karl", false)]
    public void IsGivenName_NameThatIsAlsoAWord_IsMarkedAmbiguous(string name, bool ambiguous)
    {
        Assert.True(Names.IsGivenName(name, out var marked));
        Assert.Equal(ambiguous, marked);
    }

    [Fact]
    public void Parse_CuratedMark_WinsOverGeneratedMark()
    {
        var names = NameGazetteer.Parse("Axel\nPer!", "Axel!\nPer\nZelda!\nAl", "Berg!");

        Assert.True(names.IsGivenName("axel", out var axel));
        Assert.False(axel);
        Assert.True(names.IsGivenName("per", out var per));
        Assert.True(per);
        Assert.True(names.IsGivenName("zelda", out var zelda));
        Assert.True(zelda);
        Assert.False(names.IsGivenName("al", out _)); // two-letter generated names are dropped
        Assert.True(names.IsSurname("berg"));
    }
}
