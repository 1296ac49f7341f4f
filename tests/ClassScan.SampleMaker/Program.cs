using System.Text;
using ClassScan.TestSupport.Documents;

// Writes tests/samples: a dozen synthetic municipal documents, one per format and level, with Skatteverket's
// published test personnummer (no real person). Run: dotnet run --project tests/ClassScan.SampleMaker [-- OUTDIR]
// The expected verdicts are in tests/samples.expected.csv, checked by ClassScan.Cli.Tests.
var outDir = args.Length > 0 ? args[0] : Path.Combine("tests", "samples");
Directory.CreateDirectory(outDir);
void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(outDir, name), bytes);
var utf8 = new UTF8Encoding(false);

Write("01-pressmeddelande.html", utf8.GetBytes("""
    <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Nytt bibliotek i Storby</title>
    <style>body{font-family:sans-serif}</style><script>var x = 1;</script></head>
    <body><h1>Nytt bibliotek öppnar i Storby</h1>
    <p>Kommunfullmäktige beslutade den 12 maj att bygga ett nytt bibliotek i Storby centrum. Biblioteket öppnar hösten 2026.</p>
    <p>– Det här är en satsning på läsning och folkbildning, säger kommunstyrelsens ordförande Anna Holm (S).</p>
    <p>Frågor besvaras av kommunikationsavdelningen, telefon 0771-10 10 10.</p></body></html>
    """));

Write("02-kallelse-kommunstyrelsen.pdf", UnicodePdf(
    ["Kallelse till kommunstyrelsen", "Tid: tisdag 3 juni 2025 kl. 13.00", "Plats: Sessionssalen, Stadshuset",
        "1. Val av justerare", "2. Budget 2026 och flerårsplan", "3. Riktlinjer för informationsklassning i Microsoft 365",
        "Ärendet gäller hur material som omfattas av sekretess enligt OSL ska hanteras utanför molntjänsten."],
    ["4. Delegationsbeslut", "5. Meddelanden", "Välkomna! Lars Berg, kommunsekreterare"]));

Write("03-minnesanteckningar-projekt.docx", new DocxBuilder()
    .Title("Minnesanteckningar projektgrupp e-arkiv")
    .Paragraph("Minnesanteckningar projektgrupp e-arkiv, 2025-03-14")
    .Paragraph("Närvarande: Karin Ek (projektledare), Jonas Lund (IT), Maria Sand (arkivarie).")
    .Paragraph("Leverantören har försenat testmiljön två veckor. Vi flyttar utbildningen till april och stämmer av med förvaltningscheferna.")
    .Table(["Aktivitet", "Ansvarig", "Klart"], ["Testmigrering", "Jonas", "v. 16"], ["Gallringsplan", "Maria", "v. 18"])
    .Footer("Internt arbetsmaterial")
    .Build());

Write("04-kontaktlista-personal.xlsx", new XlsxBuilder()
    .Sheet("Personal", s => s
        .Row("Namn", "Roll", "E-post", "Telefon")
        .Row("Karin Ek", "Enhetschef", "karin.ek@storby.se", "0771-10 10 11")
        .Row("Jonas Lund", "IT-tekniker", "jonas.lund@storby.se", "0771-10 10 12"))
    .Build());

Write("05-projektstatus.pptx", new PptxBuilder()
    .Slide("Projektstatus e-tjänster – internt", "Vecka 12, styrgruppen")
    .Slide("Klart: ansökan om bygglov", "Pågår: felanmälan gata och park", "Risk: leverantören är försenad, vi riskerar att överskrida budgeten")
    .Notes("Påminn om att budgetuppföljningen ska vara klar till nästa ledningsgrupp. Ta upp förseningen med förvaltningschefen innan mötet.")
    .Build());

Write("06-anstallningsavtal.docx", new DocxBuilder()
    .Paragraph("Anställningsavtal")
    .Paragraph("Arbetstagare: Sara Nilsson, personnummer 198810072382")
    .Paragraph("Befattning: Socialsekreterare. Tillträde: 2025-08-01. Månadslön: 36 500 kr.")
    .Paragraph("Avtalet har upprättats i två exemplar.")
    .Build());

Write("07-klasslista.csv", utf8.GetBytes("""
    Klass;Namn;Personnummer;Vårdnadshavare
    3B;Elsa Berg;201210102388;Per Berg
    3B;Oskar Lind;201007242389;Lena Lind
    3B;Alva Ström;201003032388;Johan Ström
    """));

Write("08-lonelista.xlsx", new XlsxBuilder()
    .Sheet("Sammanställning", s => s.Row("Lönelista mars 2025").Row("Se blad 2"))
    .Sheet("Underlag", s => s
        .Row("Personnummer", "Namn", "Lön")
        .Row(199403152391d, "Mikael Ahl", 31200)
        .Row(200112172382d, "Nora Falk", 29800))
    .Build());

Write("09-anbud.eml", new EmlBuilder()
    .From("anbud@leverantor.example").To("upphandling@storby.se")
    .Subject("Anbud – sekretess 19 kap. 3 § OSL – ramavtal städtjänster")
    .Text("Hej,\n\nHär är vårt anbud med priser och referenser. Vi begär sekretess för prisbilagan enligt 31 kap. 16 § OSL.\n\nMed vänlig hälsning\nStädbolaget")
    .Build());

Write("10-orosanmalan.docx", new DocxBuilder()
    .Header("SEKRETESS enligt 26 kap. 1 § OSL")
    .Paragraph("Orosanmälan")
    .Paragraph("Barnet: Leo Karlsson, 200510182397")
    .Paragraph("Skolan har under hösten sett att Leo ofta kommer hungrig och berättar att pappan dricker mycket alkohol hemma.")
    .Paragraph("Anmälan görs enligt 14 kap. 1 § socialtjänstlagen.")
    .Build());

Write("11-elevhalsa-journal.pdf", UnicodePdf(
    ["Elevhälsans journalanteckning", "Elev: Wilma Öberg, 200210272381",
        "Skolsköterskan träffade eleven som berättade om sömnsvårigheter.",
        "Eleven har diagnosen ADHD och medicineras med Concerta. Remiss till BUP skickad."]));

Write("12-personalmote.pptx", new PptxBuilder()
    .Slide("Personalmöte förskolan Solrosen", "Schema och vikarier vecka 40")
    .Notes("Camilla Ek är sjukskriven för utmattningssyndrom till och med oktober; rehabiliteringsplan upprättas med företagshälsovården.")
    .Build());

Write("13-skannat-protokoll.pdf", new PdfBuilder().BlankPage().BlankPage().Build());

// Outlook keeps a forwarded mail as a message embedded in the message; the decision is a Word file inside that one.
var forwarded = new MsgBuilder()
    .From("handlaggare@storby.se", "Eva Handläggare").To("enhetschef@storby.se", "Enhetschefen")
    .Subject("Beslut om försörjningsstöd").Sent(new DateTime(2025, 4, 2, 8, 15, 0, DateTimeKind.Utc))
    .Text("Hej, här är beslutet för granskning innan det skickas.")
    .Attach("beslut.docx", new DocxBuilder()
        .Paragraph("Beslut om ekonomiskt bistånd enligt 4 kap. 1 § socialtjänstlagen")
        .Paragraph("Sökande: Tolvan Tolvansson, 191212121212")
        .Paragraph("Ansökan om försörjningsstöd för april beviljas med 6 200 kr.")
        .Build());
Write("14-vidarebefordrat-beslut.msg", new MsgBuilder()
    .MessageClass("IPM.Note")
    .From("enhetschef@storby.se", "Enhetschefen").To("registrator@storby.se", "Registrator")
    .Subject("VB: Beslut om försörjningsstöd").Sent(new DateTime(2025, 4, 2, 9, 0, 0, DateTimeKind.Utc))
    .Text("Vidarebefordrar för diarieföring.")
    .AttachMessage(forwarded, "Beslut om försörjningsstöd")
    .Build());

File.WriteAllText(Path.Combine(outDir, "..", "samples.expected.csv"), """
    file;status;level;why
    01-pressmeddelande.html;ok;0;public press release, politician in public role
    02-kallelse-kommunstyrelsen.pdf;ok;0;public agenda that discusses OSL without marking
    03-minnesanteckningar-projekt.docx;ok;1;internal working notes, staff in role
    04-kontaktlista-personal.xlsx;ok;1;staff list with work contact details
    05-projektstatus.pptx;ok;0|1;project status slides: internal, but nothing a public reader could not see (honestly ambiguous)
    06-anstallningsavtal.docx;ok;2;personnummer of an employee, no sensitive category
    07-klasslista.csv;ok;2;pupil list with personnummer
    08-lonelista.xlsx;ok;2;numeric personnummer and salaries on sheet 2
    09-anbud.eml;ok;2;procurement secrecy marking 19 kap. 3 § in the subject
    10-orosanmalan.docx;ok;3;social-services secrecy marking 26 kap. 1 § in the header, child's personnummer
    11-elevhalsa-journal.pdf;ok;3;pupil with personnummer and diagnosis
    12-personalmote.pptx;ok;3;named employee's sick leave and diagnosis in speaker notes
    13-skannat-protokoll.pdf;no-text;;scanned pages without a text layer: a blind spot for review.csv
    14-vidarebefordrat-beslut.msg;ok;3;social-services decision with personnummer in a Word file inside a forwarded Outlook message

    """.Replace("\n", "\r\n", StringComparison.Ordinal));
Console.WriteLine($"wrote samples to {Path.GetFullPath(outDir)}");

// PdfPig's standard 14 fonts cannot write å, ä, ö: embed DejaVu Sans (present on Debian) for Swedish pages.
static byte[] UnicodePdf(params string[][] pages)
{
    var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
    var font = builder.AddTrueTypeFont(File.ReadAllBytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
    foreach (var lines in pages)
    {
        var page = builder.AddPage(595, 842);
        double y = 800;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new UglyToad.PdfPig.Core.PdfPoint(50, y), font);
            y -= 18;
        }
    }
    return builder.Build();
}
