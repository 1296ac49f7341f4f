using System.Text;
using ClassScan.Core.Documents;

namespace ClassScan.Benchmarks;

/// <summary>
/// About 1 MB of municipal-style Swedish text, deterministic, with the things detectors meet in real files:
/// personnummer (Skatteverket test numbers), organisationsnummer, phone and bankgiro numbers, dates, health words.
/// </summary>
public static class SwedishText
{
    private static readonly string[] Sentences =
    [
        "Kommunstyrelsen beslutade att godkänna förslaget till budget för 2025 och uppdra åt förvaltningen att återkomma.",
        "Eleven Elsa Berg, personnummer 19121212-1212, har enligt elevhälsan fått diagnosen ADHD och behöver stöd.",
        "Fakturan från Byggbolaget AB (org.nr 556036-0793) betalas till bankgiro 5050-1055 senast 2024-03-31.",
        "Kontakta handläggaren på telefon 070-174 06 12 eller 031-390 06 55 om du har frågor om ansökan.",
        "Folkhälsan i kommunen har förbättrats och andelen unga som mår bra har ökat enligt enkäten.",
        "Sekretess enligt 26 kap. 1 § OSL gäller för uppgifter om enskilds personliga förhållanden.",
        "Brukaren 121212+1212 beviljas hemtjänst enligt 4 kap. 1 § SoL från och med den 1 februari.",
        "Mötet avslutades klockan 16.30 och nästa möte hålls i sessionssalen den 12 maj 2025.",
        "Kommunens organisationsnummer är 212000-0449 och OCR-nummer 1234567890123 anges vid betalning.",
        "Patienten är sjukskriven sedan mars och en rehabiliteringsplan upprättas tillsammans med företagshälsovården.",
    ];

    public static string Megabyte { get; } = Build(1 << 20);

    /// <summary>The megabyte as an extracted document: one body segment per paragraph.</summary>
    public static ExtractedText MegabyteDocument() => ToDocument(Megabyte);

    /// <summary>A document of about <paramref name="chars"/> characters.</summary>
    public static ExtractedText Document(int chars) => ToDocument(Build(chars));

    private static ExtractedText ToDocument(string s) =>
        new(s.Split("\n\n").Select(p => new TextSegment(SegmentKind.Body, "brödtext", p)).ToList());

    public static string Build(int chars)
    {
        var sb = new StringBuilder(chars + 200);
        var i = 0;
        while (sb.Length < chars)
        {
            sb.Append(Sentences[i % Sentences.Length]).Append(i % 5 == 4 ? "\n\n" : " ");
            i++;
        }
        return sb.ToString(0, chars);
    }
}
