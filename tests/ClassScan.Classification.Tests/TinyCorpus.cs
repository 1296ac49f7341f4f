using ClassScan.Classification.Data;
using ClassScan.Classification.Training;
using ClassScan.Core.Classification;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;

namespace ClassScan.Classification.Tests;

/// <summary>A handful of synthetic Swedish texts per level, small enough to train in well under a second.</summary>
internal static class TinyCorpus
{
    public static readonly ModelHyperparameters Settings = new()
    {
        Trainer = KlassaTrainerKind.LbfgsMaximumEntropy,
        L1Regularization = 0.001f,
        L2Regularization = 0.001f,
    };

    private static readonly string[] Open =
    [
        "Kommunfullmäktige sammanträder i stadshuset. Protokollet publiceras på webbplatsen.",
        "Pressmeddelande: biblioteket får nya öppettider under sommaren.",
        "Kungörelse om detaljplan för kvarteret Eken. Samråd pågår och alla är välkomna att lämna synpunkter.",
        "Policy för informationssäkerhet antagen av kommunstyrelsen. Gäller för alla förvaltningar.",
        "Evenemangsprogram för sportlovet med aktiviteter för barn och unga i kommunen.",
        "Statistik över antal besökare i simhallen per månad, publicerad som öppna data.",
    ];

    private static readonly string[] Internal =
    [
        "Minnesanteckningar från arbetsgruppens möte. Nästa steg: uppdatera projektplanen före fredag.",
        "Intern rutin för att boka konferensrum och beställa fika till mötet.",
        "Projektstatus vecka tolv: testmiljön är klar, migreringen är försenad en vecka.",
        "Utkast till verksamhetsplan, ej för spridning. Kommentarer till enhetschefen senast måndag.",
        "Schema för jourveckan med arbetstelefon och e-post till handläggarna.",
        "Checklista inför flytten av gruppmappen till Teams, intern arbetsanteckning.",
    ];

    private static readonly string[] Confidential =
    [
        "Hyreskontrakt för bostadslägenhet. Hyresgäst med personnummer och hemadress anges nedan.",
        "Lönesättning för ny medarbetare: månadslön och personnummer enligt bilaga.",
        "Påminnelse om obetald avgift till privatpersonen, skulden har gått till inkasso.",
        "Anställningsbevis med samordningsnummer och bankkonto för löneutbetalning.",
        "Larmkoder och nycklar till skolorna, lösenord till passersystemet.",
        "Anbudsutvärdering före tilldelning, omfattas av sekretess enligt 19 kap. 3 § OSL.",
    ];

    private static readonly string[] Strict =
    [
        "Eleven har diagnosen ADHD och får stöd av elevhälsan. Hon tar medicin varje morgon.",
        "Klienten har missbruksproblem och beviljas försörjningsstöd enligt socialtjänstlagen.",
        "Patienten vårdades på psykiatrin efter ett självmordsförsök, journalanteckning.",
        "Orosanmälan om barnet, vårdnadshavaren misstänks för våld i hemmet.",
        "Brukaren har en utvecklingsstörning och beviljas boende enligt LSS.",
        "Medarbetaren är sjukskriven för utmattningssyndrom, rehabiliteringsplan upprättad.",
    ];

    public static IReadOnlyList<TrainingExample> Examples()
    {
        var list = new List<TrainingExample>();
        Add(list, Open, KlassaLevel.Oppen, withNumber: false);
        Add(list, Internal, KlassaLevel.Intern, withNumber: false);
        Add(list, Confidential, KlassaLevel.Konfidentiell, withNumber: true);
        Add(list, Strict, KlassaLevel.StriktKonfidentiell, withNumber: false);
        // An honestly ambiguous document: either 0 or 1 is right.
        list.Add(new TrainingExample(Text("Referat från föräldramötet i klass 3B om utflykten."), [],
            LevelLabel.AnyOf(KlassaLevel.Oppen, KlassaLevel.Intern)));
        return list;
    }

    public static ExtractedText Text(params string[] segments) =>
        new([.. segments.Select(s => new TextSegment(SegmentKind.Body, "", s))]);

    public static Finding Pnr(int segment = 0) =>
        new("se.personnummer", FindingKinds.Personnummer, Confidence.High, segment, 0, 13, "19121212-****");

    private static void Add(List<TrainingExample> list, string[] texts, KlassaLevel level, bool withNumber)
    {
        foreach (var t in texts)
            list.Add(new TrainingExample(Text(t), withNumber ? [Pnr()] : [], LevelLabel.Of(level)));
    }
}
