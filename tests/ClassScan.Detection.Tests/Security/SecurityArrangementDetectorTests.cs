using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Security;

namespace ClassScan.Detection.Tests.Security;

public sealed class SecurityArrangementDetectorTests
{
    private readonly SecurityArrangementDetector detector = new();

    private List<Finding> Detect(SegmentKind kind, string text)
    {
        var findings = new List<Finding>();
        detector.Detect(new ExtractedText([new TextSegment(kind, "test", text)]), findings);
        return findings;
    }

    private List<Finding> Detect(string body) => Detect(SegmentKind.Body, body);

    // Details that would help an attack (OSL 18 kap. 8 §), in synthetic sentences.
    [Theory]
    [InlineData("Dörrkod personalingången Norrgården (mot parkeringen): 2580.", "larmkod: ****")]
    [InlineData("Nyckelskåpet i kulverten har ny kod 771204.", "larmkod: ****")]
    [InlineData("Larmkoder (för väktarna):\n- Kommunhuset, huvudentré, larmpanel innanför vindfånget: 6184 följt av A\n- Förrådet: 3907#", "larmkod: ****")]
    [InlineData("Personalingången är låst; kod 6239 gäller under kvällen.", "larmkod: ****")]
    [InlineData("Kameran vid varumottagningen (kamera 3) täcker inte hörnet vid containrarna.", "kamera: död vinkel")]
    [InlineData("Kamera 3 vid cykelrummet täcker inte hörnet, det är en död vinkel på ungefär 4 meter.", "kamera: död vinkel")]
    [InlineData("Kamera 2 vid entrén har varit ur funktion sedan oktober.", "kamera: död vinkel")]
    [InlineData("Ronder från 1 april:\n- Rond 1: 22.30–23.00 Kommunhuset och biblioteket", "rond: kl **.**")]
    [InlineData("Väktarbolaget ronderar mån–fre kl 22.10 och 02.40 och lör–sön kl 23.30.", "rond: kl **.**")]
    [InlineData("## Passercentraler (styrsystem)\n\n- Norrgården: 10.42.18.20, webbgränssnitt port 8443", "styrsystem: *.*.*.*")]
    [InlineData("PLC ventilation skola B: 192.168.40.12", "styrsystem: *.*.*.*")]
    [InlineData("DUC undercentral UC3 nås på 172.20.5.31 från driftnätet.", "styrsystem: *.*.*.*")]
    public void Detect_ConcreteSecurityDetail_ReportsSakerhetHigh(string text, string sample)
    {
        var finding = Assert.Single(Detect(text));

        Assert.Equal(FindingKinds.KonfidentiellUppgift, finding.Kind);
        Assert.Equal(ConfidentialDetails.Sakerhet, finding.Detail);
        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.Equal(sample, finding.MaskedSample);
    }

    // General policies and routines: no place, no time, no value; and look-alikes from other domains.
    [Theory]
    [InlineData("Skriv aldrig larmkoder, dörrkoder eller nyckelskåpets kod på lappar eller i Teams.")]
    [InlineData("Medarbetaren får en personlig larmkod per sms. Larmkoden ska bytas minst en gång per år.")]
    [InlineData("Koderna byts 1 mars och 1 september.")]
    [InlineData("Kameror ska placeras så att det inte finns döda vinklar vid entréer.")]
    [InlineData("Om kameran inte täcker entrén ska säkerhetsenheten kontaktas.")]
    [InlineData("3 Kameror och döda vinklar")]
    [InlineData("Väktare anlitas vid större evenemang.")]
    [InlineData("Två ordningsvakter placeras vid entrén från kl. 18.00.")]
    [InlineData("Rondex Labs\t8.10\t9.20")]
    [InlineData("Ronda\tAntonio\t7.00\t511.00")]
    [InlineData("Bad: Deny from example.com\nAccess Control\nGood: Deny from 172.160.234.5")]
    [InlineData("Firmware 5.2.1 uppdaterar alla dörrcentraler.")]
    [InlineData("Beställ passerkort i e-tjänsten. Förlorad huvudnyckel kan innebära att cylindrar måste bytas.")]
    [InlineData("Servern nås på 10.1.2.3 via VPN.")]
    public void Detect_GeneralSecurityText_ReportsNothing(string text)
    {
        Assert.Empty(Detect(text));
    }

    [Fact]
    public void Detect_KeyListTable_ReportsHigh()
    {
        const string table = "Nyckel\tAntal\tFinns hos\nHuvudnyckel (öppnar allt utom arkivet)\t3\tLokalsamordnare, vaktmästaren\nArkivet\t2\tRegistrator";

        var finding = Assert.Single(Detect(SegmentKind.Table, table));
        Assert.Equal("nyckellista", finding.MaskedSample);
        Assert.Equal(Confidence.High, finding.Confidence);
    }

    [Fact]
    public void Detect_KeysByIdAndDoorInOneLine_ReportsMedium()
    {
        var finding = Assert.Single(Detect("Nycklar som finns i skåpet: K3 (konsthallens förråd), K7 (teknikrum scen), K14 (scenentrén)."));

        Assert.Equal(Confidence.Medium, finding.Confidence);
    }

    [Fact]
    public void Detect_BookingListWithKeyCardColumnLast_ReportsNothing()
    {
        const string table = "Dag\tTid\tLokal\tFörening\tKontaktperson\tNyckelkort\nLör\t16.00–17.00\tHall B\tMusikföreningen\tF. H.\tK3591\nOns\t16.00–17.00\tGym\tKören\tJ. B.\tK2812";

        Assert.Empty(Detect(SegmentKind.Cell, table));
    }

    [Fact]
    public void Detect_SeveralDetailsInOneSegment_ReportsOnePerKind()
    {
        var findings = Detect("Dörrkod personalingången: 2580.\nKamera 3 vid soprummet täcker inte hörnet.\nRond 1: 22.30–23.00 och rond 2: 02.15–02.45.");

        Assert.Equal(["kamera: död vinkel", "larmkod: ****", "rond: kl **.**"], findings.Select(f => f.MaskedSample).Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("kod")]
    [InlineData("Larmkoder:\n\n")]
    [InlineData("999.999.999.999 plc")]
    [InlineData("Nyckel\tFinns hos\n")]
    public void Detect_OddInput_DoesNotThrow(string text)
    {
        Assert.Empty(Detect(text));
    }
}
