using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Detection.Individuals;

namespace ClassScan.Detection.Tests.Individuals;

public sealed class IndividualDetectorTests
{
    private readonly IndividualDetector detector = new();

    private List<Finding> Detect(ExtractedText text)
    {
        var findings = new List<Finding>();
        detector.Detect(text, findings);
        return findings;
    }

    private List<(string Value, Finding Finding)> Names(ExtractedText text) =>
        [.. Detect(text).Where(f => f.Detail == IndividualDetails.Namn).Select(f => (text.Segments[f.SegmentIndex].Text.Substring(f.Start, f.Length), f))];

    // text, the name, expected confidence
    public static TheoryData<string, string, Confidence> PrivatePersons => new()
    {
        { "Klient: Ahmed Yusuf", "Ahmed Yusuf", Confidence.High },
        { "Klient: Xhevdet Krasniqi", "Xhevdet Krasniqi", Confidence.High },
        { "Vi har pratat med eleven Aino Heikkilä om frånvaron.", "Aino Heikkilä", Confidence.High },
        { "Klient\tJonas Nilsson", "Jonas Nilsson", Confidence.High },
        { "Barn                     Mohammed Berglund, 130124-2390", "Mohammed Berglund", Confidence.High },
        { "Namn\tMajken Lundberg", "Majken Lundberg", Confidence.High },
        { "Medarbetare\tTherese Hassan (19861117-2381)", "Therese Hassan", Confidence.High },
        { "Vårdnadshavare\tKarin Bergström, 781208-2381", "Karin Bergström", Confidence.High },
        { "Nu har eleven Elsa Berg fått stöd i matematik.", "Elsa Berg", Confidence.High },
        { "Lucas Nguyen (13 år): placerad i familjehem sedan 2022.", "Lucas Nguyen", Confidence.High },
        { "Olivia Bergqvist (1A): hög frånvaro.", "Olivia Bergqvist", Confidence.High },
        { "Anhörig\tPer Strand (systerdotter), 070-174 06 20", "Per Strand", Confidence.High },
        { "Mvh Johanna Lind (mamma)", "Johanna Lind", Confidence.High },
        { "Tänk på att Erik Mattsson är sjukskriven.", "Erik Mattsson", Confidence.Medium },
        { "Anna-Karin Lindqvist-Berg har astma.", "Anna-Karin Lindqvist-Berg", Confidence.Medium },
        { "Anders Söderberg (HR) har lämnat läkarintyg.", "Anders Söderberg", Confidence.Medium },
        { "Majken är 70 år och har KOL.", "Majken", Confidence.Low },
        { "Mohammeds anfall ska dokumenteras i journalen.", "Mohammeds", Confidence.Low },
    };

    [Fact]
    public void Detect_NameColumnOfAStaffContactList_NamesNoPrivatePerson()
    {
        var text = IndividualTestText.Body(
            "Namn;Befattning;Enhet;Telefon;E-post\nJenny Dahlberg;Undersköterska;Stab;0918-21 57 99;jenny.dahlberg@norrsjo.se\n" +
            "Filip Strand;Fritidsledare;Stab;0918-42 99 64;filip.strand@norrsjo.se");

        Assert.DoesNotContain(Names(text), n => n.Finding.Confidence >= Confidence.Medium);
    }

    [Fact]
    public void Detect_NameColumnOfAClientList_NamesEachPersonAtLeastMedium()
    {
        var text = IndividualTestText.Body("Namn;Insats;Beslutsdatum\nJenny Dahlberg;Hemtjänst;2025-01-10\nFilip Strand;Trygghetslarm;2025-01-12");

        var names = Names(text);

        Assert.Equal(2, names.Count(n => n.Finding.Confidence >= Confidence.Medium));
    }

    [Fact]
    public void Detect_AttestantColumnOfAnInvoiceExport_IsAnOfficial()
    {
        var text = IndividualTestText.Body(
            "Verifikation;Leverantör;Belopp;Attestant\nLF250001204;Nordväkt Bevakning AB;184 220,00;Mikael Strandberg\n" +
            "LF250001219;Medeco Sjukvårdsmaterial AB;46 812,50;Lena Sundqvist");

        Assert.Empty(Names(text));
    }

    [Theory]
    [MemberData(nameof(PrivatePersons))]
    public void Detect_PrivatePerson_ReportsNameWithConfidence(string text, string name, Confidence confidence)
    {
        var names = Names(IndividualTestText.Body(text));

        var (_, finding) = Assert.Single(names, n => n.Value == name);
        Assert.Equal(IndividualDetector.DetectorId, finding.DetectorId);
        Assert.Equal(FindingKinds.Individ, finding.Kind);
        Assert.Equal(confidence, finding.Confidence);
    }

    [Theory]
    [InlineData("Ärendet bereds av handläggare Anna Svensson.")]
    [InlineData("Norrsjö 2025-01-29. Agnes Lundberg, biståndshandläggare")]
    [InlineData("Ulla Nordström (S), ordförande; Bengt Virtanen (M); Leyla Yilmaz (C)")]
    [InlineData("Beslutande: Ulla Nordström (S), Bengt Virtanen (M)")]
    [InlineData("Handläggare\tKristina Nilsson, 0173-69 34 73")]
    [InlineData("Närvarande: Elin, Sofia, Hanna och förskolechef Birgitta Hansson.")]
    [InlineData("– Psykisk ohälsa bland unga ökar, säger Karin Sjöberg, folkhälsostrateg i Ekholma kommun.")]
    [InlineData("Frågor till Malin Eklund, malin.eklund@lindvalla.se.")]
    [InlineData("Peter Hansson\tSystemförvaltare\tEnhet 2\t0451-32 51 13")]
    [InlineData("Ledamot                             Hassan Abdi                      Socialdemokraterna")]
    [InlineData("Övriga närvarande\tLena Kaya, kommundirektör; Ida Hedlund, nämndsekreterare")]
    [InlineData("Mikael Mattsson (förvaltningschef), Anna Ali (verksamhetschef), Mattias Sundberg (it-chef)")]
    [InlineData("Upplysningar lämnas av Fredrik Korhonen, enhetschef. Fackliga företrädare: Sara Jakobsson, Vision, och Anna Björk, Kommunal.")]
    [InlineData("Anmälare\tStenbro kommun, genom enhetschef Jenny Axelsson")]
    [InlineData("Elsa Beskows skola ligger vid Gustav Adolfs torg.")]
    [InlineData("Per capita ökade kostnaderna. Inga uppgifter saknas. Liv och hälsa ung.")]
    [InlineData("Jenny Lindgren, ekonomichef")]
    [InlineData("Sökande\tTolkcentralen Öst AB, org.nr 557207-8144")]
    [InlineData("Lena Kaya, kommundirektör; Ida Hedlund, nämndsekreterare")]
    [InlineData("Kontakta Filip Hassan på 0270-36 25 42 vid frågor.")]
    [InlineData("Förhinder anmäls till Stefan Nordström, 0270-24 51 87, senast dagen före sammanträdet.")]
    [InlineData("Övriga närvarande     Johanna Kaya, kommundirektör; Helena Bergqvist,\n                      nämndsekreterare")]
    [InlineData("Fackliga företrädare: Linnea\nBlomqvist, Vision, och Ali Forsberg, Kommunal, nås via växeln.")]
    [InlineData("Ordförande          Justerare          Sekreterare\nEmma Bengtsson (SD)   Helena Rahimi (L)   Emma Abdi")]
    public void Detect_OfficialOrNoPerson_ReportsNoName(string text)
    {
        Assert.Empty(Names(IndividualTestText.Body(text)));
    }

    [Fact]
    public void Detect_PoliticianNamedAgainWithoutParty_ReportsNoName()
    {
        var text = IndividualTestText.Body("Beslutande: Ulla Nordström (S), Bengt Virtanen (M)", "§ 41 Val av justerare", "Bengt Virtanen utses att justera protokollet.");

        Assert.Empty(Names(text));
    }

    [Fact]
    public void Detect_NamesUnderATitleRowInTheNextSegment_ReportNoName()
    {
        var text = IndividualTestText.Table("Ordförande\tJusterare\tSekreterare", "Ulla Nordström\tBengt Virtanen\tTobias Hellström");

        Assert.Empty(Names(text));
    }

    [Fact]
    public void Detect_FirstNameOfAPrivatePersonNamedInFull_ReportsMedium()
    {
        var text = new ExtractedText([
            new TextSegment(SegmentKind.Table, "t", "Elev\tOmar Lundin"),
            new TextSegment(SegmentKind.Body, "t", "Omar har svårt att hålla fokus. Omars mentor följer upp."),
        ]);

        var firstNames = Names(text).Where(n => n.Finding.SegmentIndex == 1).ToList();

        Assert.Equal(["Omar", "Omars"], firstNames.Select(n => n.Value));
        Assert.All(firstNames, n => Assert.Equal(Confidence.Medium, n.Finding.Confidence));
    }

    [Theory]
    [InlineData("Wilma i 9A har diabetes typ 1.", "Wilma")]
    [InlineData("Vi vill anmäla oro för Ludvig, 3 år.", "Ludvig")]
    public void Detect_FirstNameWithClassOrAge_ReportsMedium(string text, string name)
    {
        var (_, finding) = Assert.Single(Names(IndividualTestText.Body(text)), n => n.Value == name);

        Assert.Equal(Confidence.Medium, finding.Confidence);
    }

    [Fact]
    public void Detect_TableColumns_DecidePrivateAndOfficial()
    {
        var text = IndividualTestText.Table(
            "Ärendenr\tNamn\tPersonnummer\tUtbetalning (kr)\tHandläggare",
            "EB-2023-07792\tFredrik Bergman\t960926-2390\t14278\tMikael Pettersson");
        var findings = Detect(text);

        var (value, finding) = Assert.Single(Names(text));
        Assert.Equal("Fredrik Bergman", value);
        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.Contains(findings, f => f.Detail == IndividualDetails.Arende && f.Confidence == Confidence.Medium);
    }

    [Fact]
    public void Detect_HeaderRowOfWeekdays_ReportsNoName()
    {
        Assert.Empty(Names(IndividualTestText.Body("Namn               Befattning       Mån      Tis      Ons      Tor      Fre")));
    }

    [Fact]
    public void Detect_ListOfMembersIntroducedByColon_ReportsThePersons()
    {
        var text = IndividualTestText.Body(
            "Kommunal företräder vid förhandlingen följande medlemmar som berörs av omplaceringen:",
            "Ingrid Sandberg, kock, Centralköket",
            "Omar Hussein, måltidsbiträde, Bergaskolan",
            "Övriga berörda medarbetare informeras av arbetsgivaren direkt.",
            "Lars Pettersson, måltidsbiträde");

        Assert.Equal(["Ingrid Sandberg", "Omar Hussein"], Names(text).Select(n => n.Value));
    }

    [Fact]
    public void Detect_FootnoteMarkGluedToName_ReportsTheName()
    {
        var (value, _) = Assert.Single(Names(IndividualTestText.Body("1Anders Söderberg har lämnat läkarintyg.")));

        Assert.Equal("Anders Söderberg", value);
    }

    [Fact]
    public void Detect_SignatureWithTitleOnNextParagraph_ReportsNoName()
    {
        Assert.Empty(Names(IndividualTestText.Body("Med vänlig hälsning", "Kristina Nilsson", "Socialsekreterare")));
    }

    [Fact]
    public void Detect_SignatureWithTitleOnNextLine_ReportsNoName()
    {
        Assert.Empty(Names(IndividualTestText.Body("Granhamn 2025-07-07\n\n\nKristina Nilsson\nLSS-handläggare")));
    }

    [Fact]
    public void Detect_SignatureOfPrivateSender_ReportsNameAndAddress()
    {
        var text = IndividualTestText.Body("Med vänlig hälsning\nGustav Virtanen\nHamngatan 11, 284 75 Stenbro\nTelefon 08-465 004 59");
        var findings = Detect(text);

        Assert.Contains(findings, f => f.Detail == IndividualDetails.Namn && f.Confidence == Confidence.Medium);
        var address = Assert.Single(findings, f => f.Detail == IndividualDetails.Adress);
        Assert.Equal(Confidence.High, address.Confidence);
    }

    [Theory]
    [InlineData("Adress\tHantverkargatan 30, 611 81 Ekholma", Confidence.Medium)]
    [InlineData("Bor på Kvarngatan 13 sedan 2020.", Confidence.Low)]
    [InlineData("Östra Långgatan 10, 742 34 Granhamn", Confidence.Medium)]
    [InlineData("Leyla Rahimi\n    Stationsgatan 19\n    611 35 Ekholma", Confidence.High)]
    public void Detect_HomeAddress_ReportsAddress(string text, Confidence confidence)
    {
        var address = Assert.Single(Detect(IndividualTestText.Body(text)), f => f.Detail == IndividualDetails.Adress);

        Assert.Equal(confidence, address.Confidence);
        Assert.DoesNotContain("gatan", address.MaskedSample, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kontorsvaruhuset i Sverige AB | Industrigatan 4 | 123 45 Stenbro")]
    [InlineData("Fakturaadress: Box 883, 284 88 Stenbro")]
    [InlineData("Plats                      Socialkontoret, Järnvägsgatan 8, Stenbro")]
    [InlineData("Besöksadress: Storgatan 1, 611 30 Ekholma")]
    public void Detect_OrganisationAddress_ReportsNoAddress(string text)
    {
        Assert.DoesNotContain(Detect(IndividualTestText.Body(text)), f => f.Detail == IndividualDetails.Adress);
    }

    [Theory]
    [InlineData("Norrsjö kommun – Socialnämnden – Dnr SN 2025/0077", Confidence.Medium)]
    [InlineData("Dnr ON-2025-06329", Confidence.Medium)]
    [InlineData("Dnr SOC 2024-123", Confidence.Medium)]
    [InlineData("EB-2023-07792\tFredrik Bergman", Confidence.Medium)]
    [InlineData("Diarienummer KS 2024/0123", Confidence.Low)]
    public void Detect_CaseNumber_ReportsArende(string text, Confidence confidence)
    {
        var finding = Assert.Single(Detect(IndividualTestText.Body(text)), f => f.Detail == IndividualDetails.Arende);

        Assert.Equal(confidence, finding.Confidence);
        Assert.EndsWith("/****", finding.MaskedSample, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Klienten har beviljats bistånd.", "klienten")]
    [InlineData("Vi har informerat vårdnadshavarna om beslutet.", "vårdnadshavarna")]
    [InlineData("Den enskilde ska få information.", "den enskilde")]
    public void Detect_RoleWordWithoutName_ReportsLowRole(string text, string role)
    {
        var finding = Assert.Single(Detect(IndividualTestText.Body(text)));

        Assert.Equal(IndividualDetails.Roll, finding.Detail);
        Assert.Equal(Confidence.Low, finding.Confidence);
        Assert.Equal(role, finding.MaskedSample);
    }

    [Fact]
    public void Detect_RoleWordBeforeName_ReportsOnlyTheName()
    {
        var finding = Assert.Single(Detect(IndividualTestText.Body("Eleven Omar Lundin har fått stöd.")));

        Assert.Equal(IndividualDetails.Namn, finding.Detail);
        Assert.Equal(Confidence.High, finding.Confidence);
    }

    [Fact]
    public void Detect_Name_MaskedSampleKeepsOnlyInitials()
    {
        var (_, finding) = Assert.Single(Names(IndividualTestText.Body("Klient: Ahmed Yusuf")));

        Assert.Equal("A**** Y****", finding.MaskedSample);
    }

    [Fact]
    public void Detect_NameInTableRow_ReportsTheRowSegment()
    {
        var text = IndividualTestText.Table("Namn\tPersonnummer\tAllergier", "Elias Isaksson\t161102-2391\tAstma – inhalator");
        var (value, finding) = Assert.Single(Names(text));

        Assert.Equal("Elias Isaksson", value);
        Assert.Equal(1, finding.SegmentIndex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\t")]
    [InlineData("Anna")]
    [InlineData("Anna Anna Anna Anna Anna Anna")]
    [InlineData("(((( Anna Svensson ( ( (")]
    [InlineData("Klient:")]
    [InlineData("Gatan 1, 123 45")]
    public void Detect_OddInput_WellFormedFindingsAndNoNamedPerson(string text)
    {
        var input = IndividualTestText.Body(text);

        var findings = Detect(input);

        FindingAssert.WellFormed(input, findings, Detect);
        // A name alone, repeated or in brackets, with no subject context, names nobody the policy cares about.
        Assert.DoesNotContain(findings, f => f.Confidence >= Confidence.Medium);
    }

    [Fact]
    public void Detect_RandomText_WellFormedFindings()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ0123456789 .,;:()-–§\t\n\"'@/%";
        string[] words = ["Anna", "Svensson", "Klient:", "Sekretess", "enligt", "26", "kap.", "OSL", "SEKRETESS", "gatan", "Storgatan", "12", "123 45", "Dnr", "SN", "2025/0077",
            "(S)", "handläggare", ":", "\t", "\n", "Närvarande:", "följande medlemmar:", "Namn\t", "(13 år)", "Omars", "Per", ",", "Hemlig", "§", "Sv:"];
        var random = new Random(7);
        for (var round = 0; round < 300; round++)
        {
            var sb = new System.Text.StringBuilder();
            var length = random.Next(1, 600);
            for (var i = 0; i < length; i++)
                sb.Append(random.Next(3) == 0 ? words[random.Next(words.Length)] + " " : alphabet[random.Next(alphabet.Length)].ToString());
            var text = new ExtractedText([
                new TextSegment(SegmentKind.Header, "t", sb.ToString()),
                new TextSegment(SegmentKind.Table, "t", sb.ToString().Replace(' ', '\t')),
                new TextSegment(SegmentKind.Body, "t", sb.ToString()),
            ]);

            FindingAssert.WellFormed(text, Detect(text), Detect);
        }
    }

    // Hard cases (classification-policy.md): officials, authors, anonymised parties, role-like words and a novel's
    // characters are no named private persons, so no name reaches Medium.
    [Theory]
    [InlineData("Vi erbjuder en modern arbetsplats med god arbetsmiljö. Modern teknik och modern ledning.")]
    [InlineData("A.A. yrkade att tingsrätten skulle ogilla talan. B.B. bestred. Justitieråden Stefan Lindskog och Ella Nyström var skiljaktiga.")]
    [InlineData("HD (justitieråden Dag Victor, referent, och Göran Lambertz) meddelade beslut. A.A. har diagnosen depression enligt B.B.")]
    [InlineData("Kontakt: Anna Svensson, 0270-36 25 42")]
    [InlineData("Sändlista: Anna Svensson, Omar Lundin, Maria Pekkari")]
    [InlineData("Närvarande: Ulla Nordström, Bengt Virtanen, Leyla Yilmaz")]
    [InlineData("Med vänlig hälsning\nKristina Nilsson\nEnhetschef, Socialförvaltningen")]
    [InlineData("Foto: Linda Malmgren. Vem tar hand om mitt djur när jag blir sjuk?")]
    [InlineData("Rätt mat inom äldreomsorgen, 2008. Christina Sollenberg, Celiakiförbundet. Om diabetes och demens.")]
    [InlineData("Ledamöter: Jonas Malmberg, Marianne Jenryd, Per-Anders Edin och Bo Almgren. Enhälligt.")]
    [InlineData("Se avsnittet Lex Maria om vårdskador.")]
    public void Detect_HardCaseWithoutPrivateSubject_NoNameAtMedium(string text)
    {
        var findings = Detect(IndividualTestText.Body(text));

        Assert.DoesNotContain(findings, f => f.Detail == IndividualDetails.Namn && f.Confidence >= Confidence.Medium);
        Assert.DoesNotContain(findings, f => f.Detail == IndividualDetails.Roll && f.MaskedSample == "modern");
    }

    [Theory]
    [InlineData("Klienten Ahmed Yusuf har beviljats bistånd.", "Ahmed Yusuf", Confidence.High)]
    [InlineData("Ringde Aune Salonen i morse, hon har ont i höften.", "Aune Salonen", Confidence.Medium)]
    [InlineData("Rehabmöte Maria Pekkari 12/3", "Maria Pekkari", Confidence.Medium)]
    [InlineData("Medarbetare: Therese Hassan", "Therese Hassan", Confidence.High)]
    [InlineData("Brukare Egon Blomqvist hittades på golvet.", "Egon Blomqvist", Confidence.High)]
    [InlineData("Modern Sara Ali kom till mötet.", "Sara Ali", Confidence.High)]
    public void Detect_PrivateSubject_NameAtLeastMedium(string text, string name, Confidence confidence)
    {
        var (_, finding) = Assert.Single(Names(IndividualTestText.Body(text)), n => n.Value == name);

        Assert.Equal(confidence, finding.Confidence);
    }

    [Fact]
    public void Detect_EmployeeInHrMatterAlsoListedAsPresent_StaysThePrivateSubject()
    {
        var text = IndividualTestText.Body(
            "Medarbetare: Maria Pekkari, undersköterska, avdelning Björken",
            "Närvarande: Maria Pekkari; Camilla Holmström, enhetschef; Johan Sandlund, HR-konsult",
            "Maria har varit sjukskriven på heltid sedan oktober.");

        var names = Names(text);

        Assert.Contains(names, n => n.Value == "Maria Pekkari" && n.Finding.Confidence == Confidence.High);
        Assert.Contains(names, n => n.Value == "Maria" && n.Finding.SegmentIndex == 2 && n.Finding.Confidence == Confidence.Medium);
        Assert.DoesNotContain(names, n => n.Value is "Camilla Holmström" or "Johan Sandlund");
    }

    [Fact]
    public void Detect_PupilsWithClass_ReportsHigh()
    {
        var names = Names(IndividualTestText.Body("1. Nora Bergkvist 6A har gått ner i vikt. 2. Hugo Persson 4B har ont i magen."));

        Assert.Equal(["Nora Bergkvist", "Hugo Persson"], names.Select(n => n.Value));
        Assert.All(names, n => Assert.Equal(Confidence.High, n.Finding.Confidence));
    }

    [Fact]
    public void Detect_EnglishNovel_NoNameAtMedium()
    {
        var text = IndividualTestText.Body(
            "Elizabeth Bennet walked to the house. Mr Darcy had been ill for a week, and Jane Bennet was sick with a fever.",
            "John Smith said that his mother had cancer.").WithLanguages(new LanguageProfile("en", []));

        Assert.DoesNotContain(Detect(text), f => f.Detail == IndividualDetails.Namn && f.Confidence >= Confidence.Medium);
    }

    [Fact]
    public void Detect_EnglishEmailAboutAClient_NamesThePerson()
    {
        var text = IndividualTestText.Body("Dear all, our client Matti Virtanen has been on sick leave since May because of depression.")
            .WithLanguages(new LanguageProfile("en", []));

        var (value, finding) = Assert.Single(Names(text));
        Assert.Equal("Matti Virtanen", value);
        Assert.Equal(Confidence.High, finding.Confidence);
    }

    [Fact]
    public void Detect_SwedishRoleWordInEnglishText_IsNoRole()
    {
        var text = IndividualTestText.Body("The modern barnet project and eleven pupils.").WithLanguages(new LanguageProfile("en", []));

        Assert.DoesNotContain(Detect(text), f => f.Detail == IndividualDetails.Roll);
    }

    [Fact]
    public void Detect_FinnishLetterWithClientCue_NamesThePerson()
    {
        var text = IndividualTestText.Body("Asiakas Aune Salonen kaatui yöllä ja hänellä on kipuja.").WithLanguages(new LanguageProfile("fi", []));

        Assert.Contains(Names(text), n => n.Value == "Aune Salonen" && n.Finding.Confidence == Confidence.High);
    }

    [Fact]
    public void Detect_FullNameWithoutContext_IsLow()
    {
        var (_, finding) = Assert.Single(Names(IndividualTestText.Body("Utredningen skrevs av Anna Berglund och publicerades 2019.")));

        Assert.Equal(Confidence.Low, finding.Confidence);
    }

    [Fact]
    public void Detect_EmptyDocument_ReportsNothing()
    {
        Assert.Empty(Detect(ExtractedText.Empty));
    }

    [Fact]
    public void Detect_ManyThreadsOnOneInstance_GiveTheSameFindings()
    {
        var text = IndividualTestText.Body("Klient: Ahmed Yusuf", "Hamngatan 11, 284 75 Stenbro", "Dnr SN 2025/0077");
        var expected = Detect(text);

        var results = new List<Finding>[32];
        Parallel.For(0, results.Length, i => results[i] = Detect(text));

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
