using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;

namespace ClassScan.Policy.Tests;

/// <summary>
/// Each rule of classification-policy.md on synthetic findings (no detector involved), with the look-alike that must
/// not trigger it: confidence thresholds, the passage window, document-wide parts, and what the reason names.
/// </summary>
public sealed class KlassaRuleEngineRuleTests
{
    private static readonly KlassaRuleEngine Engine = new();

    // Two body paragraphs of 1,000 characters: offsets within one segment are positions in the document.
    private static readonly ExtractedText Text = new(
    [
        new TextSegment(SegmentKind.Body, "sida 1", new string('x', 1000)),
        new TextSegment(SegmentKind.Body, "sida 2", new string('x', 1000)),
        new TextSegment(SegmentKind.Header, "sidhuvud", new string('x', 50)),
    ]);

    private static Finding Pnr(int at, int segment = 0) =>
        new("se.personnummer", FindingKinds.Personnummer, Confidence.Medium, segment, at, 13, "19121212-****");

    private static Finding Name(int at, Confidence c = Confidence.Medium, int segment = 0) =>
        new("se.individ", FindingKinds.Individ, c, segment, at, 10, "S*** N*****", IndividualDetails.Namn);

    private static Finding Health(int at, Confidence c = Confidence.Medium, int segment = 0) =>
        new("se.halsa", FindingKinds.Halsa, c, segment, at, 6, "de****", HealthCategories.Diagnos);

    private static Finding Social(int at, Confidence c = Confidence.Medium, int segment = 0) =>
        new("se.kansliga-kategorier", FindingKinds.KansligKategori, c, segment, at, 6, "LV****", SensitiveCategories.Socialtjanst);

    private static Finding Marking(string detail, Confidence c = Confidence.High, int segment = 2) =>
        new("se.osl-markering", FindingKinds.OslMarkering, c, segment, 0, 20, "Sekretess", detail);

    private static Finding Detail(string detail, Confidence c = Confidence.High, int at = 0, string sample = "värde: ****") =>
        new("se.konfidentiellt", FindingKinds.KonfidentiellUppgift, c, 0, at, 8, sample, detail);

    private static Finding Address(int at, Confidence c = Confidence.Medium) =>
        new("se.individ", FindingKinds.Individ, c, 0, at, 20, "Storg*** 1", IndividualDetails.Adress);

    private static ClassificationResult Classify(params Finding[] findings) => Engine.Classify(findings, Text);

    [Fact]
    public void Classify_NoFindings_IsInternalByRuleFive()
    {
        var result = Classify();

        Assert.Equal(KlassaLevel.Intern, result.Level);
        Assert.Equal("R5-standard", result.RuleId);
    }

    [Theory]
    [InlineData("26:1", KlassaLevel.StriktKonfidentiell)]
    [InlineData("25:1", KlassaLevel.StriktKonfidentiell)]
    [InlineData("23:2", KlassaLevel.StriktKonfidentiell)]
    [InlineData("21:3", KlassaLevel.StriktKonfidentiell)]
    [InlineData("skyddade-personuppgifter", KlassaLevel.StriktKonfidentiell)]
    [InlineData("hemlig", KlassaLevel.StriktKonfidentiell)]
    [InlineData("19:3", KlassaLevel.Konfidentiell)]
    [InlineData("18:8", KlassaLevel.Konfidentiell)]
    [InlineData("sekretess", KlassaLevel.Konfidentiell)]
    public void Classify_Marking_GivesTheProvisionsLevelAndCitesIt(string detail, KlassaLevel expected)
    {
        var result = Classify(Marking(detail));

        Assert.Equal(expected, result.Level);
        Assert.Equal("R1-markering", result.RuleId);
        Assert.Contains(OslProvisions.Citation(detail), result.Reason, StringComparison.Ordinal);
        Assert.Contains("sidhuvud", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_LowConfidenceMarking_IsNoFloor()
    {
        Assert.Equal(KlassaLevel.Intern, Classify(Marking("26:1", Confidence.Low)).Level);
    }

    [Fact]
    public void Classify_OslMentionInRunningText_IsNoFloor()
    {
        var mention = new Finding("se.osl-markering", FindingKinds.OslOmnamnande, Confidence.Low, 0, 0, 20, "26 kap.", "26:1");

        Assert.Equal(KlassaLevel.Intern, Classify(mention).Level);
    }

    [Theory]
    [InlineData(100, 500, true)]   // 400 apart: the edge of one passage
    [InlineData(100, 501, false)]  // 401 apart: another passage
    [InlineData(900, 600, true)]   // sensitive before the person
    public void Classify_NamedPersonAndHealth_PassageWindowDecidesRuleTwo(int person, int health, bool levelThree)
    {
        var result = Classify(Name(person), Health(health));

        Assert.Equal(levelThree ? KlassaLevel.StriktKonfidentiell : KlassaLevel.Intern, result.Level);
        if (levelThree) Assert.Equal("R2-individ-kanslig", result.RuleId);
    }

    [Fact]
    public void Classify_RuleTwo_ReasonNamesMaskedPersonSensitiveDetailPlaceAndDetectors()
    {
        var result = Classify(Name(100), Health(200));

        Assert.Contains("S*** N*****", result.Reason, StringComparison.Ordinal);
        Assert.Contains("diagnos: ****", result.Reason, StringComparison.Ordinal);
        Assert.Contains("sida 1", result.Reason, StringComparison.Ordinal);
        Assert.Contains("se.individ", result.Reason, StringComparison.Ordinal);
        Assert.Contains("se.halsa", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("de****", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_PersonnummerAcrossSegmentsWithinWindow_IsOnePassage()
    {
        // 900 in segment 0 and 50 in segment 1 are 151 characters apart (segments are joined with one separator).
        var result = Classify(Pnr(900), Social(50, segment: 1));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
        Assert.Contains("socialtjänstinsatser", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Confidence.Low, Confidence.Medium)]
    [InlineData(Confidence.Medium, Confidence.Low)]
    public void Classify_WeakNameOrWeakHealth_IsNoRuleTwo(Confidence name, Confidence health)
    {
        Assert.Equal(KlassaLevel.Intern, Classify(Name(100, name), Health(150, health)).Level);
    }

    [Fact]
    public void Classify_SensitiveWordWithoutIndividual_RaisesNothing()
    {
        Assert.Equal(KlassaLevel.Intern, Classify(Health(100), Social(200)).Level);
    }

    [Fact]
    public void Classify_PersonInHeader_PairsWithHealthAnywhere()
    {
        var result = Classify(Name(0, segment: 2), Health(900, segment: 1));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
    }

    [Theory]
    [InlineData(Confidence.High, KlassaLevel.StriktKonfidentiell)]
    [InlineData(Confidence.Medium, KlassaLevel.Konfidentiell)]
    public void Classify_SensitiveInHeader_SpeaksForTheDocumentOnlyWhenHigh(Confidence c, KlassaLevel expected)
    {
        var result = Classify(Pnr(0), Health(0, c, segment: 2));

        Assert.Equal(expected, result.Level);
    }

    [Fact]
    public void Classify_ListOfFivePersonnummerAndSensitiveFarAway_IsRuleTwoList()
    {
        var result = Classify(Pnr(0), Pnr(20), Pnr(40), Pnr(60), Pnr(80), Health(900, segment: 1));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
        Assert.Equal("R2-lista", result.RuleId);
        Assert.Contains("5 personnummer", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FourPersonnummerAndSensitiveFarAway_IsOnlyRuleThree()
    {
        var result = Classify(Pnr(0), Pnr(20), Pnr(40), Pnr(60), Health(900, segment: 1));

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("R3-identitet", result.RuleId);
    }

    [Fact]
    public void Classify_IdentityNumberAlone_IsTwoWithMaskedSample()
    {
        var result = Classify(Pnr(10));

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal("R3-identitet", result.RuleId);
        Assert.Contains("19121212-****", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SamordningsnummerAlone_SaysSamordningsnummer()
    {
        var f = new Finding("se.personnummer", FindingKinds.Samordningsnummer, Confidence.Medium, 0, 0, 13, "19121272-****");

        Assert.StartsWith("Samordningsnummer", Classify(f).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 300, true)]
    [InlineData(100, 600, false)]
    public void Classify_NamedPersonWithHomeAddress_IsTwoWithinThePassage(int person, int address, bool levelTwo)
    {
        var result = Classify(Name(person), Address(address));

        Assert.Equal(levelTwo ? KlassaLevel.Konfidentiell : KlassaLevel.Intern, result.Level);
        if (levelTwo) Assert.Equal("R3-adress", result.RuleId);
    }

    [Fact]
    public void Classify_AddressWithoutPerson_IsNoFloor()
    {
        Assert.Equal(KlassaLevel.Intern, Classify(Address(100)).Level);
    }

    [Fact]
    public void Classify_LowConfidenceAddress_IsNoFloor()
    {
        Assert.Equal(KlassaLevel.Intern, Classify(Name(100), Address(150, Confidence.Low)).Level);
    }

    [Theory]
    [InlineData(ConfidentialDetails.Inloggning, "R3-inloggning")]
    [InlineData(ConfidentialDetails.Sakerhet, "R3-sakerhet")]
    [InlineData(ConfidentialDetails.Anbud, "R3-anbud")]
    public void Classify_LevelTwoDetail_IsTwoNamingTheSample(string detail, string rule)
    {
        var result = Classify(Detail(detail, sample: "kod: ****"));

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.Equal(rule, result.RuleId);
        Assert.Contains("kod: ****", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConfidentialDetails.Inloggning)]
    [InlineData(ConfidentialDetails.Sakerhet)]
    [InlineData(ConfidentialDetails.Anbud)]
    public void Classify_LowConfidenceLevelTwoDetail_IsNoFloor(string detail)
    {
        Assert.Equal(KlassaLevel.Intern, Classify(Detail(detail, Confidence.Low)).Level);
    }

    [Theory]
    [InlineData(150, true)]
    [InlineData(700, false)]
    public void Classify_SalaryNextToNamedPerson_IsTwo(int salaryAt, bool levelTwo)
    {
        var result = Classify(Name(100), Detail(ConfidentialDetails.Lon, Confidence.Medium, salaryAt, "lön: ****"));

        Assert.Equal(levelTwo ? KlassaLevel.Konfidentiell : KlassaLevel.Intern, result.Level);
        if (levelTwo) Assert.Equal("R3-lon", result.RuleId);
    }

    [Fact]
    public void Classify_SalaryNextToPersonnummerOnly_IsTheIdentityRuleNotTheSalaryRule()
    {
        var result = Classify(Pnr(100), Detail(ConfidentialDetails.Lon, Confidence.Medium, 150, "lön: ****"));

        Assert.Equal("R3-identitet", result.RuleId);
    }

    [Fact]
    public void Classify_MarkingAndRuleTwo_HighestLevelWinsAndFirstRuleKeepsTies()
    {
        var result = Classify(Marking("26:1"), Name(100), Health(120));

        Assert.Equal(KlassaLevel.StriktKonfidentiell, result.Level);
        Assert.Equal("R1-markering", result.RuleId);
    }

    [Fact]
    public void Classify_EnglishDocument_ReasonSaysSoAndIdentityNumbersStillCount()
    {
        var english = Text.WithLanguages(new LanguageProfile(LanguageCodes.English, []));

        var result = Engine.Classify([Pnr(10)], english);

        Assert.Equal(KlassaLevel.Konfidentiell, result.Level);
        Assert.EndsWith("texten är på engelska", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SwedishDocument_ReasonHasNoLanguageNote()
    {
        var swedish = Text.WithLanguages(new LanguageProfile(LanguageCodes.Swedish, []));

        Assert.DoesNotContain("texten är på", Engine.Classify([Pnr(10)], swedish).Reason, StringComparison.Ordinal);
    }

    public static TheoryData<Finding[]> EveryRule() => new()
    {
        { [Marking("26:1")] },
        { [Name(100), Health(120)] },
        { [Pnr(0), Pnr(20), Pnr(40), Pnr(60), Pnr(80), Health(900, segment: 1)] },
        { [Pnr(10)] },
        { [Name(100), Address(150)] },
        { [Detail(ConfidentialDetails.Inloggning)] },
        { [Detail(ConfidentialDetails.Sakerhet)] },
        { [Detail(ConfidentialDetails.Anbud)] },
        { [Name(100), Detail(ConfidentialDetails.Lon, Confidence.Medium, 150)] },
    };

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void Classify_AnyRule_ReasonHasNoSemicolonAndNamesRuleAndDetector(Finding[] findings)
    {
        var english = Text.WithLanguages(new LanguageProfile(LanguageCodes.English, []));

        var result = Engine.Classify(findings, english);

        Assert.True(result.MustLeave);
        Assert.DoesNotContain(';', result.Reason);
        Assert.Contains("(regel ", result.Reason, StringComparison.Ordinal);
        Assert.Contains("detektor se.", result.Reason, StringComparison.Ordinal);
    }
}
