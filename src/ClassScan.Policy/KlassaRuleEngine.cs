using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Core.Language;
using ClassScan.Core.Privacy;

namespace ClassScan.Policy;

/// <summary>
/// The rule book (shared/docs/classification-policy.md, "How the level of a file is decided" and "Hard cases") over
/// detector findings. Returns the floor that evidence proves, with the rule in plain Swedish; a classifier may raise
/// it but never lower it. Rules, strongest first:
/// <list type="number">
/// <item>an explicit secrecy marking: the level its provision implies (<see cref="OslProvisions"/>);</item>
/// <item>an identifiable individual (<see cref="IdentifiedIndividual"/>) in the same passage as health, other
/// art. 9 data, offences or social-services measures → 3; also a list of many identity numbers with such data;</item>
/// <item>an identity number of a person → 2; a named private person with a home address, or with a salary → 2;
/// a secret value (password, code, key), concrete security details, procurement before award → 2;</item>
/// <item>sensitive words without an individual raise nothing;</item>
/// <item>otherwise 1 (the classifier tells public 0 from internal 1).</item>
/// </list>
/// Every level above 1 rests on findings the reason names, masked ("S*** N*****", "diagnos: ****"), with where they
/// are and which detectors found them. Reasons hold no semicolon: the reports are semicolon-separated, and a reader
/// that splits a line naively (a quick script, a log shipper) must still find the columns. Pure and thread-safe.
/// </summary>
public sealed class KlassaRuleEngine : IClassificationPolicy
{
    /// <summary>Characters between an individual and a sensitive finding that still count as one passage
    /// (about a paragraph, or a table row with its neighbours).</summary>
    public const int PassageWindow = 400;

    /// <summary>From this many identity numbers a document is a person list: sensitive data anywhere in it is about them.</summary>
    public const int ListThreshold = 5;

    /// <summary>The verdict when no rule applies: internal, until the classifier says public.</summary>
    public static ClassificationResult Default { get; } =
        new(KlassaLevel.Intern, "Inga känsliga uppgifter om enskilda hittades (regel 5)", "R5-standard");

    public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(text);
        var best = Default;
        if (findings.Count == 0) return best;

        var evidence = new PolicyEvidence(findings, text);

        // Rule 1: the document's own marking.
        if (evidence.StrongestMarking is { } marking)
            best = Max(best, new((KlassaLevel)OslProvisions.ImpliedLevelOf(marking.Detail),
                $"Dokumentet är sekretessmarkerat ({OslProvisions.Citation(marking.Detail)}{evidence.Where(marking)}) (regel 1, detektor {marking.DetectorId})", "R1-markering"));

        // Rule 2: individual and sensitive category in one passage, or a person list with sensitive data.
        if (evidence.FirstPairInPassage(strongOnly: true) is { } pair)
        {
            best = Max(best, new(KlassaLevel.StriktKonfidentiell,
                $"{PersonText(pair.Person)} och {SensitiveText(pair.Sensitive)} i samma stycke{evidence.At(pair.Person)} (regel 2, detektor {pair.Person.DetectorId} + {pair.Sensitive.DetectorId})", "R2-individ-kanslig"));
        }
        else if (evidence.IdentityNumbers.Count >= ListThreshold && evidence.Sensitive.Count > 0)
        {
            var s = evidence.Sensitive[0];
            best = Max(best, new(KlassaLevel.StriktKonfidentiell,
                $"Lista med {evidence.IdentityNumbers.Count} personnummer och {SensitiveText(s)}{evidence.At(s)} (regel 2, detektor {evidence.IdentityNumbers[0].DetectorId} + {s.DetectorId})", "R2-lista"));
        }

        // Rule 3: an identifiable person alone.
        if (evidence.IdentityNumbers.Count > 0)
        {
            var n = evidence.IdentityNumbers[0];
            var what = n.Kind == FindingKinds.Samordningsnummer ? "Samordningsnummer" : n.Kind == FindingKinds.Interimsnummer ? "Interimsnummer" : "Personnummer";
            best = Max(best, new(KlassaLevel.Konfidentiell,
                $"{what} som identifierar en person ({evidence.IdentityNumbers.Count} st, t.ex. {n.MaskedSample}{evidence.Where(n)}) (regel 3, detektor {n.DetectorId})", "R3-identitet"));
        }
        else if (evidence.NearNamedPerson(evidence.Address) is { } addressee)
        {
            best = Max(best, new(KlassaLevel.Konfidentiell,
                $"Namngiven privatperson ({addressee.MaskedSample}) med hemadress{evidence.At(evidence.Address!)} (regel 3, detektor {addressee.DetectorId})", "R3-adress"));
        }

        // Rule 3, other level-2 material the policy names: secret values, security details, procurement, salaries.
        if (evidence.Credential is { } credential)
            best = Max(best, new(KlassaLevel.Konfidentiell,
                $"Lösenord eller åtkomstkod med värde ({credential.MaskedSample}{evidence.Where(credential)}) (regel 3, detektor {credential.DetectorId})", "R3-inloggning"));
        if (evidence.Security is { } security)
            best = Max(best, new(KlassaLevel.Konfidentiell,
                $"Konkreta säkerhetsuppgifter ({security.MaskedSample}{evidence.Where(security)}, 18 kap. 8 § OSL) (regel 3, detektor {security.DetectorId})", "R3-sakerhet"));
        if (evidence.Tender is { } tender)
            best = Max(best, new(KlassaLevel.Konfidentiell,
                $"Anbudspriser eller utvärdering per anbudsgivare före tilldelning ({tender.MaskedSample}{evidence.Where(tender)}, 19 kap. 3 § OSL) (regel 3, detektor {tender.DetectorId})", "R3-anbud"));
        if (evidence.NearNamedPerson(evidence.Salary, namesOnly: true) is { } earner)
            best = Max(best, new(KlassaLevel.Konfidentiell,
                $"Lön för namngiven person ({earner.MaskedSample}{evidence.Where(evidence.Salary!)}) (regel 3, detektor {earner.DetectorId} + {evidence.Salary!.DetectorId})", "R3-lon"));

        return WithLanguage(best, text);
    }

    /// <summary>"Namngiven enskild (S*** N*****)" or "Personnummer (19121212-****)": the person evidence, masked.</summary>
    public static string PersonText(Finding person) => person.Kind switch
    {
        FindingKinds.Samordningsnummer => $"Samordningsnummer ({person.MaskedSample})",
        FindingKinds.Interimsnummer => $"Interimsnummer ({person.MaskedSample})",
        FindingKinds.Personnummer => $"Personnummer ({person.MaskedSample})",
        _ => $"Namngiven enskild ({person.MaskedSample})",
    };

    /// <summary>"hälsouppgifter (diagnos: ****)": the category and its detail, never the word itself.</summary>
    public static string SensitiveText(Finding sensitive)
    {
        var category = sensitive.Kind switch
        {
            FindingKinds.Halsa => "hälsouppgifter",
            FindingKinds.Individ => "ärende inom socialtjänst eller vård",
            _ => CategoryName(sensitive.Detail),
        };
        return string.IsNullOrEmpty(sensitive.Detail) || sensitive.Kind == FindingKinds.Individ
            ? $"{category} ({sensitive.MaskedSample})"
            : $"{category} ({sensitive.Detail}: ****)";
    }

    /// <summary>
    /// Adds the language to a reason when the text is not Swedish, so a reviewer sees that vocabulary rules of that
    /// language (or none) were applied and that identity numbers and markings count in every language.
    /// </summary>
    public static ClassificationResult WithLanguage(ClassificationResult result, ExtractedText text)
    {
        var language = text.Languages.Document;
        if (LanguageCodes.AllowsSwedishVocabulary(language)) return result;
        return result with { Reason = $"{result.Reason} – texten är på {LanguageCodes.SwedishName(language)}" };
    }

    private static ClassificationResult Max(ClassificationResult a, ClassificationResult b) => b.Level > a.Level ? b : a;

    private static string CategoryName(string? detail) => detail switch
    {
        SensitiveCategories.Etnicitet => "etniskt ursprung",
        SensitiveCategories.Religion => "religiös övertygelse",
        SensitiveCategories.PolitiskAsikt => "politisk åsikt",
        SensitiveCategories.Fackmedlemskap => "fackligt medlemskap",
        SensitiveCategories.Sexualitet => "sexualliv eller sexuell läggning",
        SensitiveCategories.GenetikBiometri => "genetiska eller biometriska uppgifter",
        SensitiveCategories.Brott => "uppgifter om brott",
        SensitiveCategories.Socialtjanst => "socialtjänstinsatser",
        SensitiveCategories.SkyddadIdentitet => "skyddad identitet",
        _ => "känsliga uppgifter",
    };
}
