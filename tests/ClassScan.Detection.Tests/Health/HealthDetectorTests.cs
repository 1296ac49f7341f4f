using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Health;

namespace ClassScan.Detection.Tests.Health;

public sealed class HealthDetectorTests
{
    private readonly HealthDetector detector = new();

    private List<Finding> Detect(params string[] paragraphs)
    {
        var findings = new List<Finding>();
        detector.Detect(HealthTestText.Body(paragraphs), findings);
        return findings;
    }

    private static string Matched(string text, Finding f) => text.Substring(f.Start, f.Length);

    // text, the word that must be found, its category
    public static TheoryData<string, string, string> PersonalHealth => new()
    {
        { "Han har diagnosen ADHD och tar Concerta.", "ADHD", HealthCategories.Diagnos },
        { "Han har diagnosen ADHD och tar Concerta.", "Concerta", HealthCategories.Lakemedel },
        { "Omar har svårt att hålla fokus. Han har diagnosen dyslexi.", "dyslexi", HealthCategories.Diagnos },
        { "Hon har fått depressionsbehandling sedan i våras.", "depressionsbehandling", HealthCategories.Diagnos },
        { "Hon har vinterdepression.", "vinterdepression", HealthCategories.Diagnos },
        { "Hon har förlossningsdepression.", "förlossningsdepression", HealthCategories.Graviditet },
        { "Anna är sjukskriven på heltid sedan augusti.", "sjukskriven på heltid", HealthCategories.Sjukskrivning },
        { "Sjukskrivningen förlängs till och med juni, enligt henne.", "Sjukskrivningen", HealthCategories.Sjukskrivning },
        { "Hanna Söderberg är gravid och har foglossning.", "gravid", HealthCategories.Graviditet },
        { "Harald Berglund: allergi mot penicillin.", "allergi", HealthCategories.Allergi },
        { "Viktor Jansson\tGlutenintolerans\tNej", "Glutenintolerans", HealthCategories.Allergi },
        { "Stella Engström (3C): epilepsi. Vårdnadshavare har lämnat in intyg.", "epilepsi", HealthCategories.Diagnos },
        { "Inkommet läkarintyg: Jonas bedöms ha nedsatt arbetsförmåga på grund av ett opioidberoende.", "opioidberoende", HealthCategories.Beroende },
        { "Psykiatrisk problematik\tParanoid schizofreni, avbruten medicinering enligt psykiatrin", "Paranoid schizofreni", HealthCategories.Psykiatri },
        { "Elsy Jonsson\tKOL, syrgas i hemmet", "KOL", HealthCategories.Diagnos },
        { "Mamma har bipolär sjukdom.", "bipolär sjukdom", HealthCategories.Psykiatri },
        { "Diagnoskod F90.0 enligt ICD-10.", "F90.0", HealthCategories.Icd10 },
        { "Hon har tinnitus sedan olyckan.", "tinnitus", HealthCategories.Diagnos },
        { "Egon har Downs syndrom och diabetes typ 2.", "Downs syndrom", HealthCategories.Diagnos },
        { "Egon har Downs syndrom och diabetes typ 2.", "diabetes typ 2", HealthCategories.Diagnos },
        { "Han har skadat sig själv vid två tillfällen.", "skadat sig själv", HealthCategories.Psykiatri },
        { "Mohammed har autismdiagnos och går i anpassad grundskola.", "autismdiagnos", HealthCategories.Diagnos },
        { "Barbro var förvirrad och hade lämnat lägenheten.", "förvirrad", HealthCategories.Symtom },
    };

    [Theory]
    [MemberData(nameof(PersonalHealth))]
    public void Detect_HealthAboutAPerson_ReportsTermWithCategory(string text, string word, string category)
    {
        var findings = Detect(text);

        var finding = Assert.Single(findings, f => Matched(text, f) == word);
        Assert.Equal(HealthDetector.DetectorId, finding.DetectorId);
        Assert.Equal(FindingKinds.Halsa, finding.Kind);
        Assert.Equal(category, finding.Detail);
        Assert.True(finding.Confidence >= Confidence.Medium, $"{word}: {finding.Confidence}");
    }

    [Theory]
    [InlineData("Han har diagnosen dyslexi.")]
    [InlineData("Hon tar sin astmamedicin som vanligt.")]
    [InlineData("Jag har astma och får svåra andningsbesvär av röken.")]
    public void Detect_PersonalCueInSentence_ReportsHigh(string text)
    {
        Assert.Contains(Detect(text), f => f.Confidence == Confidence.High);
    }

    [Theory]
    [InlineData("Folkhälsan i kommunen är god.")]
    [InlineData("Arbetet för hälsa och välbefinnande fortsätter.")]
    [InlineData("Vi arbetar hälsofrämjande med friskvårdsbidrag.")]
    [InlineData("Verksamheten regleras i hälso- och sjukvårdslagen.")]
    [InlineData("Sjuksköterskan och undersköterskan planerar schemat.")]
    [InlineData("Beroende på vädret flyttas aktiviteten. Han var helt oberoende.")]
    [InlineData("Behandling av personuppgifter sker enligt dataskyddsförordningen.")]
    [InlineData("Kolla att skolan har kol till grillen i kolumnen.")]
    [InlineData("Vi har ett add-on till programmet och en Ms. Smith.")]
    [InlineData("Budget 2024 och plan 2025–2026. Investeringar i ny förskola.")]
    [InlineData("Resultatet missbrukade inte förtroendet.")]
    [InlineData("Väg E20 mot Göteborg och rum B12 är bokade.")]
    [InlineData("Journalisten ställde frågor om budgeten.")]
    public void Detect_GeneralOrUnrelatedText_ReportsNothingAboveLow(string text)
    {
        Assert.DoesNotContain(Detect(text), f => f.Confidence >= Confidence.Medium);
    }

    [Theory]
    [InlineData("Folkhälsan i kommunen är god.")]
    [InlineData("Folkhälsostrategen presenterade folkhälsoplanen.")]
    [InlineData("Verksamheten regleras i hälso- och sjukvårdslagen.")]
    [InlineData("Sjuksköterskan och undersköterskan planerar schemat.")]
    [InlineData("Kolla att skolan har kol till grillen i kolumnen.")]
    [InlineData("Väg E20 mot Göteborg och rum B12 är bokade.")]
    public void Detect_GeneralVocabulary_ReportsNothing(string text)
    {
        Assert.Empty(Detect(text));
    }

    [Theory]
    [InlineData("Psykisk ohälsa bland unga ökar.")]
    [InlineData("Andelen elever med ADHD har ökat till 5 procent.")]
    [InlineData("Sjukfrånvaron i förvaltningen är fortsatt hög, 11 procent.")]
    [InlineData("Fallolyckor är den vanligaste orsaken till att äldre skadas.")]
    [InlineData("Var tredje elev uppger att de ofta känner sig nedstämda.")]
    [InlineData("Vuxna i missbruksvård\t171\t43\t-75 %")]
    public void Detect_PopulationSentence_ReportsOnlyLow(string text)
    {
        var findings = Detect(text);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(Confidence.Low, f.Confidence));
    }

    [Fact]
    public void Detect_Term_OffsetsCoverTheWholeWord()
    {
        const string text = "Enligt journalen har hon depressionen under kontroll.";
        var finding = Assert.Single(Detect(text), f => f.Detail == HealthCategories.Diagnos);

        Assert.Equal("depressionen", Matched(text, finding));
    }

    [Fact]
    public void Detect_TermInSecondSegment_ReportsThatSegment()
    {
        var finding = Assert.Single(Detect("Planering inför våren.", "Hon har epilepsi."));

        Assert.Equal(1, finding.SegmentIndex);
    }

    [Fact]
    public void Detect_Term_MaskedSampleHidesTheWord()
    {
        const string text = "Han har schizofreni.";
        var finding = Assert.Single(Detect(text));

        Assert.Equal("sc********", finding.MaskedSample);
        Assert.DoesNotContain("schizofreni", finding.MaskedSample, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Lexicons_AreEmbeddedWithTheDerivedListsLicence()
    {
        var assembly = typeof(HealthDetector).Assembly;
        string[] expected = ["halsa.txt", "halsa-swedmedner.txt", "kansliga.txt", "allmant.txt", "kontext.txt", "individ.txt", "fornamn.txt"];

        Assert.All(expected, name => Assert.Contains("ClassScan.Detection.Lexicons." + name, assembly.GetManifestResourceNames()));
        using var stream = assembly.GetManifestResourceStream("ClassScan.Detection.Lexicons.halsa-swedmedner.txt")!;
        using var reader = new StreamReader(stream);
        Assert.Contains("CC BY-SA 4.0", reader.ReadToEnd()[..600], StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_IcdCodeWithoutContext_ReportsNothing()
    {
        Assert.Empty(Detect("Leverans av artikel F90.0 sker vecka 12."));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("ADHD")]
    [InlineData("..,,;;:: -- –– ()")]
    public void Detect_OddInput_WellFormedFindings(string text)
    {
        var input = HealthTestText.Body(text);
        var findings = new List<Finding>();
        detector.Detect(input, findings);

        FindingAssert.WellFormed(input, findings, t => { var again = new List<Finding>(); detector.Detect(t, again); return again; });
        if (string.IsNullOrWhiteSpace(text)) Assert.Empty(findings);
    }

    [Fact]
    public void Detect_LongAndRandomInput_WellFormedFindings()
    {
        var random = new Random(20251123);
        var chars = new char[200_000];
        for (var i = 0; i < chars.Length; i++) chars[i] = (char)random.Next(0x20, 0x250);
        var longWord = new string('a', 10_000) + "depression";

        var input = HealthTestText.Body(new string(chars), longWord);
        var findings = new List<Finding>();
        detector.Detect(input, findings);

        FindingAssert.WellFormed(input, findings, t => { var again = new List<Finding>(); detector.Detect(t, again); return again; });
    }

    [Fact]
    public void Detect_EmptyDocument_ReportsNothing()
    {
        var findings = new List<Finding>();
        detector.Detect(ExtractedText.Empty, findings);

        Assert.Empty(findings);
    }

    [Fact]
    public void Detect_ManyThreadsOnOneInstance_GiveTheSameFindings()
    {
        var text = HealthTestText.Body("Han har diagnosen ADHD.", "Sjukfrånvaron är 5 procent.", "Hon är gravid.");
        var expected = new List<Finding>();
        detector.Detect(text, expected);

        var results = new List<Finding>[32];
        Parallel.For(0, results.Length, i =>
        {
            var found = new List<Finding>();
            new HealthDetector().Detect(text, found);
            results[i] = found;
        });

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
