namespace ClassScan.Language.Tests;

/// <summary>Synthetic paragraphs in the languages the identifier must tell apart (no real documents, no real people).</summary>
internal static class Texts
{
    public const string Swedish =
        "Socialnämnden har under året arbetat med att förbättra handläggningen av ansökningar om bistånd. " +
        "Målet är att den enskilde ska få ett beslut inom rimlig tid och att kontakten med förvaltningen ska vara " +
        "enkel. Nämnden följer upp arbetet varje kvartal och redovisar resultatet till kommunfullmäktige.";

    public const string English =
        "The council has spent the year improving the way applications for support are handled. The aim is that " +
        "every resident should receive a decision within a reasonable time and that contact with the office should " +
        "be simple. The committee reviews this work every quarter and reports the results to the full council.";

    public const string Finnish =
        "Sosiaalilautakunta on vuoden aikana kehittänyt hakemusten käsittelyä. Tavoitteena on, että jokainen " +
        "asukas saa päätöksen kohtuullisessa ajassa ja että yhteydenpito viraston kanssa on helppoa. Lautakunta " +
        "seuraa työtä neljännesvuosittain ja raportoi tuloksista kunnanvaltuustolle.";

    public const string Norwegian =
        "Sosialutvalget har i løpet av året arbeidet med å forbedre behandlingen av søknader om stønad. Målet er at " +
        "den enkelte skal få et vedtak innen rimelig tid, og at kontakten med etaten skal være enkel. Utvalget " +
        "følger opp arbeidet hvert kvartal og rapporterer resultatet til kommunestyret.";

    public const string Danish =
        "Socialudvalget har i løbet af året arbejdet med at forbedre behandlingen af ansøgninger om hjælp. Målet er, " +
        "at den enkelte skal have en afgørelse inden for rimelig tid, og at kontakten med forvaltningen skal være " +
        "enkel. Udvalget følger arbejdet op hvert kvartal og rapporterer resultatet til kommunalbestyrelsen.";

    public const string German =
        "Der Sozialausschuss hat im Laufe des Jahres daran gearbeitet, die Bearbeitung von Anträgen auf Unterstützung " +
        "zu verbessern. Ziel ist es, dass jeder Einzelne innerhalb einer angemessenen Frist einen Bescheid erhält und " +
        "dass der Kontakt mit der Verwaltung einfach ist.";

    /// <summary>A Swedish table row: names, numbers and few function words, which the shortcut leaves to Lingua.</summary>
    public const string SwedishList =
        "Förskolan Solrosen, Ängsvägen 12, öppettider måndag–fredag 06.30–18.00, avdelningar Blåklinten och " +
        "Prästkragen, förskollärare Åsa Lindqvist, barnskötare Göran Björk, kostnad per månad enligt maxtaxa, " +
        "kölista hos barnomsorgsenheten, närmaste busshållplats Ängstorget, parkering vid idrottshallen.";
}
