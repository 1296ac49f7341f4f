using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Detection.Health;
using ClassScan.Detection.Sensitive;

namespace ClassScan.Detection.Tests.Health;

/// <summary>
/// Vocabulary follows the language of the segment (classification-policy.md, Hard cases: "Any language"): Swedish
/// lexicons on Swedish or unknown text only, the English lexicons on English text only, none on other languages.
/// </summary>
public sealed class LanguageGatingTests
{
    private readonly HealthDetector health = new();
    private readonly SensitiveCategoryDetector sensitive = new();

    private static ExtractedText Tagged(string? language, params string[] paragraphs) =>
        HealthTestText.Body(paragraphs).WithLanguages(new LanguageProfile(language, []));

    private List<Finding> Detect(ExtractedText text)
    {
        var findings = new List<Finding>();
        health.Detect(text, findings);
        sensitive.Detect(text, findings);
        return findings;
    }

    private static string Matched(ExtractedText text, Finding f) => text.Segments[f.SegmentIndex].Text.Substring(f.Start, f.Length);

    // English sentences in which the Swedish lexicons find a term when the language is unknown.
    public static TheoryData<string> EnglishFalseFriends => new()
    {
        "The blind man sat by the pond and listened to the ice.",
        "He had a stroke of luck at the market that morning.",
        "A gay and merry crowd filled the tavern by the road.",
        "The ecstasy of the morning filled him with hope.",
        "The depression in the ground held water all winter.",
        "Suicide Hill was where the boys took their sleds.",
    };

    [Theory]
    [MemberData(nameof(EnglishFalseFriends))]
    public void Detect_EnglishTextOfUnknownLanguage_SwedishVocabularyFires(string sentence)
    {
        // The reason for identifying languages: read as Swedish, these sentences hold health or sensitive terms.
        Assert.NotEmpty(Detect(Tagged(null, sentence)));
    }

    [Theory]
    [MemberData(nameof(EnglishFalseFriends))]
    public void Detect_EnglishTextTaggedEnglish_SwedishVocabularyDoesNotFire(string sentence)
    {
        var findings = Detect(Tagged(LanguageCodes.English, sentence));

        Assert.DoesNotContain(findings, f => f.Confidence >= Confidence.Medium);
    }

    // Swedish-only terms: in a segment tagged with another language they are not evidence.
    [Theory]
    [InlineData("en", "Karin är sjukskriven sedan mars och har diagnosen utmattningssyndrom.")]
    [InlineData("en", "Orosanmälan gällande barnet inkom till socialtjänsten.")]
    [InlineData("de", "Karin är sjukskriven sedan mars och har diagnosen utmattningssyndrom.")]
    [InlineData("nb", "Han är medlem i Kommunal och troende muslim.")]
    [InlineData("da", "Hon har vårdats inom psykiatrin för schizofreni.")]
    public void Detect_SwedishTermsInSegmentOfOtherLanguage_ReportsNothing(string language, string sentence)
    {
        Assert.Empty(Detect(Tagged(language, sentence)));
    }

    // text, word, category: the English vocabulary on English text.
    public static TheoryData<string, string, string> EnglishPersonal => new()
    {
        { "She was diagnosed with schizophrenia in 2019 and is treated at the clinic.", "schizophrenia", HealthCategories.Psykiatri },
        { "Mr Lane has been on sick leave since March.", "on sick leave", HealthCategories.Sjukskrivning },
        { "Her son has ADHD and autism.", "ADHD", HealthCategories.Diagnos },
        { "He is receiving chemotherapy every third week.", "chemotherapy", HealthCategories.Behandling },
        { "The tenant told us about his alcohol abuse.", "alcohol abuse", HealthCategories.Beroende },
        { "Ms Carter is pregnant and due in May.", "pregnant", HealthCategories.Graviditet },
        { "Daniel has a severe peanut allergy.", "peanut allergy", HealthCategories.Allergi },
        { "The boy was placed in foster care after the hearing.", "foster care", SensitiveCategories.Socialtjanst },
        { "He has a criminal conviction from 2015.", "criminal conviction", SensitiveCategories.Brott },
        { "She told her manager that she is a trade union member.", "trade union member", SensitiveCategories.Fackmedlemskap },
        { "The form asked for his sexual orientation.", "sexual orientation", SensitiveCategories.Sexualitet },
        { "Records of her ethnic origin were kept on file.", "ethnic origin", SensitiveCategories.Etnicitet },
    };

    [Theory]
    [MemberData(nameof(EnglishPersonal))]
    public void Detect_EnglishTermInEnglishSegment_ReportsItWithTheSwedishCategory(string sentence, string word, string category)
    {
        var text = Tagged(LanguageCodes.English, sentence);

        var finding = Assert.Single(Detect(text), f => Matched(text, f) == word);

        Assert.Equal(category, finding.Detail);
        Assert.True(finding.Confidence >= Confidence.Medium, $"{word}: {finding.Confidence}");
    }

    [Theory]
    [InlineData("The treatment of the timber took a week.")]
    [InlineData("A fever of speculation gripped the town.")]
    [InlineData("The hospital stands at the end of the road.")]
    [InlineData("The band played to a Christian audience.")]
    public void Detect_WeakEnglishTermWithoutPersonalCue_IsLow(string sentence)
    {
        var findings = Detect(Tagged(LanguageCodes.English, sentence));

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(Confidence.Low, f.Confidence));
    }

    [Theory]
    [InlineData("Public health and health and safety are the council's duties.")]
    [InlineData("Among people with diabetes, the proportion treated with insulin rose by 4 percent.")]
    [InlineData("The policy describes how personal data such as ethnic origin is processed.")]
    public void Detect_EnglishGeneralOrPopulationText_NothingAboveLow(string sentence)
    {
        Assert.DoesNotContain(Detect(Tagged(LanguageCodes.English, sentence)), f => f.Confidence >= Confidence.Medium);
    }

    // English terms that Swedish text borrows do not make the English list run on Swedish or unknown text.
    [Theory]
    [InlineData("sv", "Vi diskuterade child protection och foster care i den europeiska jämförelsen.")]
    [InlineData(null, "Vi diskuterade child protection och foster care i den europeiska jämförelsen.")]
    [InlineData("sv", "Workshoppen om sexual orientation hölls på engelska.")]
    [InlineData(null, "Mr Lane has been on sick leave since March.")]
    public void Detect_EnglishOnlyTermsOutsideEnglishSegments_ReportNothing(string? language, string sentence)
    {
        Assert.Empty(Detect(Tagged(language, sentence)));
    }

    // Unknown language behaves like Swedish: the same findings, term for term.
    [Theory]
    [InlineData("Han har diagnosen ADHD och tar Concerta.")]
    [InlineData("Anna är sjukskriven på heltid sedan augusti.")]
    [InlineData("Orosanmälan gällande Liam inkom från skolan.")]
    [InlineData("Hon är medlem i Kommunal.")]
    [InlineData("Folkhälsan i kommunen är god.")]
    public void Detect_UnknownLanguage_SameFindingsAsSwedish(string sentence)
    {
        var unknown = Detect(Tagged(null, sentence));
        var swedish = Detect(Tagged(LanguageCodes.Swedish, sentence));
        var untagged = Detect(HealthTestText.Body(sentence));

        Assert.Equal(swedish, unknown);
        Assert.Equal(swedish, untagged);
    }

    [Fact]
    public void Detect_MixedDocument_EachSegmentGetsItsOwnVocabulary()
    {
        var text = HealthTestText.Body(
                "Han är sjukskriven sedan mars.",
                "He has been on sick leave since March.",
                "Hän on ollut sairauslomalla maaliskuusta asti.")
            .WithLanguages(new LanguageProfile(LanguageCodes.Swedish, [null, LanguageCodes.English, LanguageCodes.Finnish]));

        var findings = Detect(text);

        Assert.Equal([0, 1, 2], findings.Select(f => f.SegmentIndex).Order());
        Assert.All(findings, f => Assert.Equal(HealthCategories.Sjukskrivning, f.Detail));
    }

    // Finnish: a short list for the letters and e-mails residents write.
    [Theory]
    [InlineData("Hänellä on diagnosoitu masennus.", "masennus", HealthCategories.Diagnos)]
    [InlineData("Hän on sairauslomalla joulukuuhun asti.", "sairauslomalla", HealthCategories.Sjukskrivning)]
    [InlineData("Koulu teki lastensuojeluilmoituksen.", "lastensuojeluilmoituksen", SensitiveCategories.Socialtjanst)]
    [InlineData("Lääkäri totesi, että hänellä on epilepsia.", "epilepsia", HealthCategories.Diagnos)]
    public void Detect_FinnishTermInFinnishSegment_Reports(string sentence, string word, string category)
    {
        var text = Tagged(LanguageCodes.Finnish, sentence);

        var finding = Assert.Single(Detect(text), f => Matched(text, f) == word);

        Assert.Equal(category, finding.Detail);
        Assert.True(finding.Confidence >= Confidence.Medium, $"{word}: {finding.Confidence}");
    }

    [Theory]
    [InlineData("de", "Diagnose F32.1 laut ICD-10.")]
    [InlineData("en", "Diagnosis code F32.1 (ICD-10).")]
    public void Detect_IcdCodeInAnyLanguage_Reports(string language, string sentence)
    {
        Assert.Contains(Detect(Tagged(language, sentence)), f => f.Detail == HealthCategories.Icd10);
    }
}
