using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class OfficialContextTests
{
    private static bool IsOfficial(string text, string name)
    {
        var (segment, span, line) = RecogniserFixture.NameIn(text, name);
        return new OfficialContext(RecogniserFixture.Lexicon, segment).IsOfficial(line, span);
    }

    [Theory]
    [InlineData("Ärendet bereds av handläggare Anna Svensson.", "Anna")]
    [InlineData("Norrsjö 2025-01-29. Agnes Lundberg, biståndshandläggare", "Agnes")]
    [InlineData("Ulla Nordström (S), ordförande", "Ulla")]
    [InlineData("Mikael Mattsson (förvaltningschef) deltog.", "Mikael")]
    [InlineData("Peter Hansson\tSystemförvaltare\tEnhet 2", "Peter")]
    [InlineData("Kontakta Filip Hassan på 0270-36 25 42.", "Filip")]
    [InlineData("Frågor till Malin Eklund, malin.eklund@lindvalla.se.", "Malin")]
    [InlineData("Kristina Nilsson\nSocialsekreterare", "Kristina")]
    [InlineData("Hovrätten (hovrättsråden Lena Bång och Lennart Östblom) anförde", "Lena")]
    [InlineData("Justitierådet Stefan Lindskog tillade för egen del:", "Stefan")]
    [InlineData("Ingvar Carlsson Ines Uusmann (Kommunikationsdepartementet)", "Ines")]
    [InlineData("följdmotion av Lars Werner m.fl. (V)", "Lars")]
    [InlineData("kontakta arkiverare Emanuel Nilsson alternativt arkivet", "Emanuel")]
    public void IsOfficial_NameInRole_True(string text, string name)
    {
        Assert.True(IsOfficial(text, name));
    }

    [Theory]
    [InlineData("Tänk på att Erik Mattsson är sjukskriven.", "Erik")]
    [InlineData("Anders Söderberg (HR) har lämnat läkarintyg.", "Anders")]
    [InlineData("Ringde Aune Salonen i morse.", "Aune")]
    [InlineData("Rehabmöte Maria Pekkari 12/3", "Maria")]
    [InlineData("Lucas Nguyen (13 år): placerad i familjehem.", "Lucas")]
    public void IsOfficial_PrivatePerson_False(string text, string name)
    {
        Assert.False(IsOfficial(text, name));
    }

    [Theory]
    [InlineData("handläggare", true)]
    [InlineData("kontakt", true)]
    [InlineData("närvarande", true)]
    [InlineData("foto", true)]
    [InlineData("sändlista", true)]
    [InlineData("hr-avdelningen", true)]
    [InlineData("2:e vice ordförande", true)]
    [InlineData("klient", false)]
    [InlineData("medarbetare", false)]
    [InlineData("namn", false)]
    public void IsOfficialLabel_Label_Classified(string label, bool official)
    {
        var context = new OfficialContext(RecogniserFixture.Lexicon, RecogniserFixture.Segment(label));

        Assert.Equal(official, context.IsOfficialLabel(label));
    }

    // The department suffixes used to apply even when departments were not allowed (an operator-precedence bug):
    // a row "Ordförande  Socialkontoret" was then read as a row of titles.
    [Theory]
    [InlineData("it-avdelningen")]
    [InlineData("socialkontoret")]
    [InlineData("ekonomienheten")]
    [InlineData("socialförvaltningen")]
    public void IsOfficialLabel_DepartmentWhenNotAllowed_False(string label)
    {
        var context = new OfficialContext(RecogniserFixture.Lexicon, RecogniserFixture.Segment(label));

        Assert.False(context.IsOfficialLabel(label, allowDepartment: false));
        Assert.True(context.IsOfficialLabel(label, allowDepartment: true));
    }

    [Theory]
    [InlineData("Ordförande          Justerare          Sekreterare", true)]
    [InlineData("Ordförande\tSocialkontoret", false)]
    [InlineData("Namn\tPersonnummer", false)]
    public void IsTitleRow_Row_Classified(string row, bool titles)
    {
        var context = new OfficialContext(RecogniserFixture.Lexicon, RecogniserFixture.Segment(row));

        Assert.Equal(titles, context.IsTitleRow(row));
    }
}
