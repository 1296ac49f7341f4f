using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;


namespace ClassScan.Policy;

/// <summary>
/// The rule book (shared/docs/classification-policy.md, "How the level of a file is decided") over detector
/// findings. Returns the floor that evidence proves, with the rule in plain Swedish; a classifier may raise it
/// but never lower it. Rules, strongest first:
/// <list type="number">
/// <item>an explicit secrecy marking: the level its provision implies (25, 26, 21:1, 21:3, 22:1, 23:2 → 3; others 2);</item>
/// <item>an identifiable individual (personnummer or a named private person) in the same passage as health, other
/// art. 9 data, offences or social-services measures → 3; also a list of many personnummer together with such data;</item>
/// <item>an identity number of a person → 2; a named private person with a home address → 2;</item>
/// <item>sensitive words without an individual raise nothing;</item>
/// <item>otherwise 1 (the classifier tells public 0 from internal 1).</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
public sealed class KlassaRuleEngine : IClassificationPolicy
{
    /// <summary>Characters between an individual and a sensitive finding that still count as one passage
    /// (about a paragraph, or a table row with its neighbours).</summary>
    public const int PassageWindow = 400;

    /// <summary>From this many identity numbers a document is a person list: sensitive data anywhere in it is about them.</summary>
    public const int ListThreshold = 5;

    public ClassificationResult Classify(IReadOnlyList<Finding> findings, ExtractedText text)
    {
        var best = Default;
        if (findings.Count == 0) return best;

        var starts = SegmentStarts(text);
        var anchors = new List<(long Pos, bool DocumentWide, string What)>();
        var sensitive = new List<(long Pos, bool DocumentWide, string What)>();
        var identities = 0;
        Finding? address = null, salary = null;
        var credentials = false;
        Finding? security = null, tender = null;
        var marking = (Level: 0, Detail: (string?)null);

        foreach (var f in findings)
        {
            var pos = Position(f, starts);
            var wide = IsDocumentWide(f, text);
            switch (f.Kind)
            {
                case FindingKinds.OslMarkering when f.Confidence >= Confidence.Medium:
                    var level = OslProvisions.ImpliedLevelOf(f.Detail);
                    if (level > marking.Level) marking = (level, f.Detail);
                    break;
                case FindingKinds.Personnummer or FindingKinds.Samordningsnummer or FindingKinds.Interimsnummer:
                    identities++;
                    anchors.Add((pos, wide, f.Kind == FindingKinds.Samordningsnummer ? "Samordningsnummer" : "Personnummer"));
                    break;
                case FindingKinds.Individ when f.Detail == IndividualDetails.Namn && f.Confidence >= Confidence.Medium:
                    anchors.Add((pos, wide, "Namngiven enskild"));
                    break;
                case FindingKinds.KonfidentiellUppgift when f.Detail == ConfidentialDetails.Inloggning:
                    credentials = true;
                    break;
                case FindingKinds.KonfidentiellUppgift when f.Detail == ConfidentialDetails.Sakerhet && f.Confidence >= Confidence.Medium:
                    security ??= f;
                    break;
                case FindingKinds.KonfidentiellUppgift when f.Detail == ConfidentialDetails.Anbud && f.Confidence >= Confidence.Medium:
                    tender ??= f;
                    break;
                case FindingKinds.KonfidentiellUppgift when f.Detail == ConfidentialDetails.Lon:
                    salary ??= f;
                    break;
                case FindingKinds.Individ when f.Detail == IndividualDetails.Adress && f.Confidence >= Confidence.Medium:
                    address ??= f;
                    break;
                // A sensitive word in a title or subject speaks for the whole document only when the detector
                // is sure it is about a person; "Insatser enligt LSS" as a title must not pair with any name.
                case FindingKinds.Halsa when f.Confidence >= Confidence.Medium:
                    sensitive.Add((pos, wide && f.Confidence == Confidence.High, "hälsouppgifter"));
                    break;
                case FindingKinds.KansligKategori when f.Confidence >= Confidence.Medium:
                    sensitive.Add((pos, wide && f.Confidence == Confidence.High, CategoryName(f.Detail)));
                    break;
                // A social-services or care case number (Medium) is itself a sign of a social-services matter.
                case FindingKinds.Individ when f.Detail == IndividualDetails.Arende && f.Confidence >= Confidence.Medium:
                    sensitive.Add((pos, false, "ärende inom socialtjänst eller vård"));
                    break;
            }
        }

        // Rule 1: the document's own marking.
        if (marking.Level > 0)
            best = Max(best, new((KlassaLevel)marking.Level, $"Dokumentet är sekretessmarkerat ({OslProvisions.Citation(marking.Detail)}) (regel 1)", "R1-markering"));

        // Rule 2: individual and sensitive category in one passage, or a person list with sensitive data.
        if (anchors.Count > 0 && sensitive.Count > 0)
        {
            foreach (var a in anchors)
            {
                foreach (var s in sensitive)
                {
                    if (a.DocumentWide || s.DocumentWide || Math.Abs(a.Pos - s.Pos) <= PassageWindow)
                    {
                        best = Max(best, new(KlassaLevel.StriktKonfidentiell, $"{a.What} och {s.What} i samma stycke (regel 2)", "R2-individ-kanslig"));
                        goto ruleTwoDone;
                    }
                }
            }
            if (identities >= ListThreshold)
                best = Max(best, new(KlassaLevel.StriktKonfidentiell, $"Lista med {identities} personnummer och {sensitive[0].What} (regel 2)", "R2-lista"));
        }
        ruleTwoDone:

        // Rule 3: an identifiable person alone.
        if (identities > 0)
            best = Max(best, new(KlassaLevel.Konfidentiell, $"{(anchors.Exists(a => a.What == "Personnummer") ? "Personnummer" : "Samordningsnummer")} som identifierar en person (regel 3)", "R3-identitet"));
        else if (address is not null && anchors.Exists(a => Math.Abs(a.Pos - Position(address, starts)) <= PassageWindow))
            best = Max(best, new(KlassaLevel.Konfidentiell, "Namngiven privatperson med hemadress (regel 3)", "R3-adress"));

        // Rule 3, other level-2 material the policy names: passwords and access keys; private circumstances (salary).
        if (credentials)
            best = Max(best, new(KlassaLevel.Konfidentiell, "Lösenord eller åtkomstkoder (regel 3)", "R3-inloggning"));
        if (security is not null)
            best = Max(best, new(KlassaLevel.Konfidentiell, "Konkreta säkerhetsuppgifter (koder, kameror, bevakning, nycklar, styrsystem; 18 kap. 8 § OSL) (regel 3)", "R3-sakerhet"));
        if (tender is not null)
            best = Max(best, new(KlassaLevel.Konfidentiell, "Anbudspriser eller utvärdering per anbudsgivare före tilldelning (19 kap. 3 § OSL) (regel 3)", "R3-anbud"));
        if (salary is not null && anchors.Exists(a => a.What == "Namngiven enskild" && Math.Abs(a.Pos - Position(salary, starts)) <= PassageWindow))
            best = Max(best, new(KlassaLevel.Konfidentiell, "Lön för namngivna personer (regel 3)", "R3-lon"));

        return best;
    }

    private static readonly ClassificationResult Default =
        new(KlassaLevel.Intern, "Inga känsliga uppgifter om enskilda hittades (regel 5)", "R5-standard");

    private static ClassificationResult Max(ClassificationResult a, ClassificationResult b) => b.Level > a.Level ? b : a;

    private static long[] SegmentStarts(ExtractedText text)
    {
        var starts = new long[text.Segments.Count];
        long at = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = at;
            at += text.Segments[i].Text.Length + 1;
        }
        return starts;
    }

    private static long Position(Finding f, long[] starts) =>
        f.SegmentIndex >= 0 && f.SegmentIndex < starts.Length ? starts[f.SegmentIndex] + f.Start : long.MinValue / 4;

    // A header, footer, e-mail subject or document title speaks for the whole document ("Klient: ..." in the header).
    private static bool IsDocumentWide(Finding f, ExtractedText text) =>
        f.SegmentIndex >= 0 && f.SegmentIndex < text.Segments.Count &&
        text.Segments[f.SegmentIndex].Kind is SegmentKind.Header or SegmentKind.Footer or SegmentKind.Metadata;

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
