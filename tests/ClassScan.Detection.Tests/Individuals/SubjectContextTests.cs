using ClassScan.Core.Findings;
using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class SubjectContextTests
{
    private static readonly HashSet<int> NoAddress = [];

    private static Confidence Classify(string text, string name, bool swedish = true, bool roleBefore = false, bool anonymised = false)
    {
        var (segment, span, line) = RecogniserFixture.NameIn(text, name, swedish);
        return new SubjectContext(RecogniserFixture.Lexicon, segment, anonymised).Classify(span, line, roleBefore, NoAddress);
    }

    [Theory]
    [InlineData("Ringde Aune Salonen i morse om medicinen.", "Aune", Confidence.Medium)]
    [InlineData("Rehabmöte Maria Pekkari 12/3", "Maria", Confidence.Medium)]
    [InlineData("Tänk på att Erik Mattsson är sjukskriven.", "Erik", Confidence.Medium)]
    [InlineData("Anna-Karin Lindqvist-Berg har astma.", "Anna", Confidence.Medium)]
    [InlineData("Anders Söderberg (HR) har lämnat läkarintyg.", "Anders", Confidence.Medium)]
    [InlineData("Genomförandeplan – Elsa Lindbäck", "Elsa", Confidence.Medium)]
    [InlineData("Lönesamtalet med Emelie", "Emelie", Confidence.Medium)]
    [InlineData("Wilma i 9A har diabetes typ 1.", "Wilma", Confidence.Medium)]
    [InlineData("Lucas Nguyen (13 år): placerad i familjehem.", "Lucas", Confidence.High)]
    [InlineData("Mvh Johanna Lind (mamma)", "Johanna", Confidence.High)]
    [InlineData("Inblandade ungdomar Dennis Kallström, född 2008", "Dennis", Confidence.High)]
    [InlineData("Avvikelserna gäller i huvudsak Fatima Hansson, som har autism.", "Fatima", Confidence.Medium)]
    [InlineData("Avvikelserna rör Johanna Arvidsson, som fick fel dos.", "Johanna", Confidence.Medium)]
    [InlineData("Våra boende Ronja Eklund och Egon Strand.", "Ronja", Confidence.High)]
    [InlineData("Mohammed Ali – epilepsi, akutmedicin i skåpet", "Mohammed", Confidence.Medium)]
    [InlineData("En av avvikelserna rör Therese Hedlund (cerebral pares) i maj.", "Therese", Confidence.Medium)]
    [InlineData("Britt Nyberg Backvägen 15 5109 Natt, Kvällsmat", "Britt", Confidence.Medium)]
    [InlineData("Brukare Egon Blomqvist", "Egon", Confidence.High)]
    public void Classify_SubjectCue_RaisesConfidence(string text, string name, Confidence expected)
    {
        Assert.Equal(expected, Classify(text, name));
    }

    [Theory]
    [InlineData("Anna Svensson informerade nämnden om budgeten.", "Anna")]
    [InlineData("Stefan Flemström har yrkat ersättning enligt rättshjälpslagen.", "Stefan")]
    [InlineData("Jonas Malmberg, Marianne Jenryd och Bo Almgren.", "Marianne")]
    [InlineData("Rätt mat inom äldreomsorgen, 2008. Christina Sollenberg, Celiakiförbundet.", "Christina")]
    [InlineData("Majken är 70 år och har KOL.", "Majken")]
    [InlineData("Maria Larsson är ordförande i nämnden.", "Maria")]
    [InlineData("En modern arbetsplats för Anna Berg och kollegerna.", "Anna")]
    [InlineData("Sidhuvud Wendy Wu (OFFICE)", "Wendy")]
    [InlineData("Utredningen (SOU 2019:3) av Anna Berg (2019) visar", "Anna")]
    [InlineData("Föreläsning - Anna Berg, Lunds universitet", "Anna")]
    public void Classify_NoSubjectCue_Low(string text, string name)
    {
        Assert.Equal(Confidence.Low, Classify(text, name));
    }

    [Theory]
    [InlineData("Camilla Kaya IT-tekniker 48200 50600 5,0", "Camilla", true)]
    [InlineData("Ali Larsson, Stödassistent, 37 500 kr; 39 100 kr", "Ali", true)]
    [InlineData("Hans Lundin HR-specialist 0451-32 51 13", "Hans", false)]
    [InlineData("Peter Hansson Systemförvaltare Enhet 2 rum 10412", "Peter", false)]
    [InlineData("Anna Berg Storgatan 12, 284 75 Stenbro", "Anna", false)]
    public void IsPayRow_NameWithSalaryAmounts_Detected(string text, string name, bool pay)
    {
        var (segment, span, line) = RecogniserFixture.NameIn(text, name);

        Assert.Equal(pay, new SubjectContext(RecogniserFixture.Lexicon, segment, false).IsPayRow(span, line));
    }

    [Fact]
    public void Classify_StatementInAnonymisedDocument_Low()
    {
        Assert.Equal(Confidence.Low, Classify("Stefan Lindskog var av annan mening.", "Stefan", anonymised: true));
        Assert.Equal(Confidence.Medium, Classify("Stefan Lindskog var av annan mening.", "Stefan", anonymised: false));
    }

    [Fact]
    public void Classify_RoleWordBefore_High()
    {
        Assert.Equal(Confidence.High, Classify("Klienten Ahmed Yusuf har fått beslut.", "Ahmed", roleBefore: true));
    }

    [Theory]
    [InlineData("Our client Matti Virtanen has been on sick leave since May.", "Matti", Confidence.High)]
    [InlineData("The patient, Matti Virtanen, was admitted on Monday.", "Matti", Confidence.Medium)]
    [InlineData("Mr Virtanen is a patient at the clinic.", "Virtanen", Confidence.Medium)]
    [InlineData("Asiakas Aune Salonen kaatui yöllä.", "Aune", Confidence.High)]
    [InlineData("Miten äitinne Aune Salonen on voinut viime viikkoina.", "Aune", Confidence.High)]
    [InlineData("Hyvä Pirjo Salonen, kiitos puhelustanne.", "Pirjo", Confidence.Low)]
    [InlineData("Elizabeth Bennet walked to the house and was very ill.", "Elizabeth", Confidence.Low)]
    [InlineData("John Smith has diabetes and depression, his doctor said.", "John", Confidence.Low)]
    [InlineData("Mr Darcy looked at her.", "Darcy", Confidence.Low)]
    public void Classify_EnglishOrFinnishText_UsesItsOwnCues(string text, string name, Confidence expected)
    {
        Assert.Equal(expected, Classify(text, name, swedish: false));
    }

    [Fact]
    public void Classify_SwedishCueInEnglishText_Low()
    {
        Assert.Equal(Confidence.Low, Classify("Erik Mattsson är sjukskriven.", "Erik", swedish: false));
    }
}
