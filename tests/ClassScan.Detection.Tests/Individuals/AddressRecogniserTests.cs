using ClassScan.Core.Findings;
using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class AddressRecogniserTests
{
    private static List<(System.Text.RegularExpressions.Match Match, int Line, bool HasPostcode)> Find(string text) =>
        new AddressRecogniser(RecogniserFixture.Lexicon, RecogniserFixture.Segment(text)).Find();

    [Theory]
    [InlineData("Hantverkargatan 30, 611 81 Ekholma", true)]
    [InlineData("Östra Långgatan 10, 742 34 Granhamn", true)]
    [InlineData("Bor på Kvarngatan 13 sedan 2020.", false)]
    [InlineData("Stationsgatan 19\n    611 35 Ekholma", true)]
    public void Find_HomeAddress_Found(string text, bool hasPostcode)
    {
        var (_, _, zip) = Assert.Single(Find(text));

        Assert.Equal(hasPostcode, zip);
    }

    [Theory]
    [InlineData("Kontorsvaruhuset i Sverige AB | Industrigatan 4 | 123 45 Stenbro")]
    [InlineData("Fakturaadress: Box 883, 284 88 Stenbro")]
    [InlineData("Besöksadress: Storgatan 1, 611 30 Ekholma")]
    [InlineData("Stenbro kommun, Kyrkogatan 2, 284 80 Stenbro")]
    [InlineData("Mötet hölls 2025-03-12 kl. 13.00.")]
    public void Find_OrganisationAddressOrNone_NotFound(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void ToFinding_NextToAPrivateName_HighAndMasked()
    {
        var segment = RecogniserFixture.Segment("Leyla Rahimi\nStationsgatan 19\n611 35 Ekholma");
        var recogniser = new AddressRecogniser(RecogniserFixture.Lexicon, segment);
        var address = Assert.Single(recogniser.Find());

        var finding = recogniser.ToFinding(address, new HashSet<int> { 0 });

        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.Equal(IndividualDetails.Adress, finding.Detail);
        Assert.DoesNotContain("gatan", finding.MaskedSample, StringComparison.Ordinal);
    }
}
