using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Confidential;

namespace ClassScan.Detection.Tests.Confidential;

public sealed class ConfidentialDetailsDetectorTests
{
    private readonly ConfidentialDetailsDetector detector = new();

    private List<Finding> Credentials(params (SegmentKind Kind, string Text)[] segments)
    {
        var findings = new List<Finding>();
        detector.Detect(new ExtractedText([.. segments.Select(s => new TextSegment(s.Kind, "test", s.Text))]), findings);
        return [.. findings.Where(f => f.Detail == ConfidentialDetails.Inloggning)];
    }

    private List<Finding> Credentials(string body) => Credentials((SegmentKind.Body, body));

    // Synthetic secret values next to their label: policy level 2 ("a password, PIN, alarm or door code, API key,
    // connection string with a secret").
    [Theory]
    [InlineData("Lösenord: Vinter#Norr2025!")]
    [InlineData("Lösenordet till gästkontot är Hx7mQ2pLw9")]
    [InlineData("wifi till mötet: nätet heter Gäst-Aulan, nyckel: Aulan-Gran-4471!")]
    [InlineData("om projektorn låser sig är admin-PIN på väggpanelen 5590")]
    [InlineData("PIN-kod: 4821")]
    [InlineData("Dörrkod personalingången (kodlås, mot parkeringen): 2580.")]
    [InlineData("Frånkoppling vid ankomst: kod 2917 och # inom 30 sekunder.")]
    [InlineData("Kod till nyckelskåpet: 0482.")]
    [InlineData("Server=sql-test-01,1433;Database=Rapport;User Id=reader;Password=Tr4nsfer!Test#24;Encrypt=True")]
    [InlineData("- API-nyckel (prod): `ab12Cd34Ef56Gh78Ij90Kl12`")]
    [InlineData("Webhook: whsec_0123456789abcdef0123456789ab")]
    [InlineData("Client secret (går ut 2025-06-30): `pQ8~xK2mRv.Lz7TnW4yBc9Fh_Ds3`")]
    [InlineData("- Växeln: 10.0.0.20, admin / Gr0nGran#Test7")]
    [InlineData("Lösenord när larmcentralen ringer: \"Blåbär 47\". Använd det inte i radio.")]
    [InlineData("Vid falsklarm: ring larmcentralen och uppge lösenordet Kungsörn.")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----")]
    [InlineData("The temporary password: Qx7!mPz2Lk")]
    public void Detect_SecretValueNextToLabel_ReportsInloggningHigh(string text)
    {
        var finding = Assert.Single(Credentials(text));

        Assert.Equal(FindingKinds.KonfidentiellUppgift, finding.Kind);
        Assert.Equal(Confidence.High, finding.Confidence);
        Assert.EndsWith("****", finding.MaskedSample, StringComparison.Ordinal);
    }

    // Routines, rules and references about passwords, placeholders and examples: no secret value, nothing.
    [Theory]
    [InlineData("Byt lösenord var 90:e dag.")]
    [InlineData("Lösenordet skickas via SMS till det mobilnummer som chefen angett.")]
    [InlineData("Så aktiverar du MFA och byter lösenord")]
    [InlineData("Lösenordet ska vara minst 14 tecken. Använd gärna en lösenfras med fyra ord.")]
    [InlineData("Du får ett tillfälligt lösenord via sms, och servicedesk frågar aldrig efter ditt lösenord.")]
    [InlineData("tjänstekontot är svc-fsmig. lösenordet ligger i lösenordsvalvet, hämtas via PAM")]
    [InlineData("Please do not send us your password: our staff will never ask for it.")]
    [InlineData("If you do not have access, the password can be reset by your local system owner.")]
    [InlineData("Lösenord: ********")]
    [InlineData("Lösenord: <ditt lösenord>")]
    [InlineData("password=[lösenord]")]
    [InlineData("Server=sql01;Database=X;User Id=reader;Password={password};")]
    [InlineData("Välj inte ett lösenord som Password123 eller Sommar2024.")]
    [InlineData("Till exempel är lösenordet Sommar2024! lätt att gissa.")]
    [InlineData("PIN-koden till SITHS-kortet väljer du själv vid utlämningen.")]
    [InlineData("Koden till kortet väljer du själv. Den får inte vara fyra lika siffror.")]
    [InlineData("Kod 4010 avser inköp av material.")]
    [InlineData("Koden byts varje år, senast 2025.")]
    [InlineData("Kiosk SSK-3 och SSK-5 (serienummer NS-2107-4458), password reset via the portal.")]
    [InlineData("Lösenord: sw-skola-02")]
    [InlineData("encrypted test file, password=pass (stress.xls)")]
    [InlineData("encrypted: password=VelvetSweatshop (stress.xls)")]
    [InlineData("encrypted file, password=password; source tests: ReaderTest.Issue477_Test_Crypto40")]
    [InlineData("test-data/documentProtection_forms_no_password.docx\tApache-2.0\t9924")]
    [InlineData("Ring IT-servicedesk på 026-17 95 00 om du glömt ditt lösenord.")]
    public void Detect_TextAboutPasswords_ReportsNothing(string text)
    {
        Assert.Empty(Credentials(text));
    }

    [Fact]
    public void Detect_CodeColumnInTable_ReportsInloggning()
    {
        const string table = "Vad\tKod\tKommentar\nIntrångslarm, personal\t7391\tPanelen vid personalingången\nStädfirman\t4402\tVardagar";

        Assert.Single(Credentials((SegmentKind.Table, table)));
    }

    [Fact]
    public void Detect_WifiKeyColumnInMarkdownTable_ReportsInloggning()
    {
        const string table = "| Boende | SSID | Nyckel (WPA2-PSK) |\n|---|---|---|\n| Norrgården | NG-Personal | Gran!Tall-2291x |";

        Assert.Single(Credentials(table));
    }

    [Fact]
    public void Detect_AccountCodeColumnWithoutLockContext_ReportsNothing()
    {
        const string table = "Kod\tBenämning\tBelopp\n4010\tInköp material\t12 000\n5410\tFörbrukningsinventarier\t3 400";

        Assert.Empty(Credentials((SegmentKind.Cell, table)));
    }

    [Fact]
    public void Detect_Credential_SampleNeverHoldsTheValue()
    {
        var finding = Assert.Single(Credentials("Lösenord: Vinter#Norr2025!"));

        Assert.DoesNotContain("Vinter", finding.MaskedSample, StringComparison.Ordinal);
        Assert.Equal("lösenord: ****", finding.MaskedSample);
    }

    [Fact]
    public void Detect_SeveralCredentialsInOneSegment_ReportsOne()
    {
        Assert.Single(Credentials("Lösenord: Vinter#Norr2025!\nPIN-kod: 4821\nAPI-nyckel: ab12Cd34Ef56Gh78Ij90Kl12"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lösenord")]
    [InlineData("lösenord: ")]
    [InlineData("password=")]
    [InlineData("kod kod kod kod 12 kod: #")]
    [InlineData("| Lösenord |\n| |\n|")]
    public void Detect_OddInput_DoesNotThrow(string text)
    {
        Assert.Empty(Credentials(text));
    }

    // A label is found near its cue word; a text holding a letter the regex's case rules equate with an ASCII one
    // (the Kelvin sign for k) is read by the whole-text regex instead, with the same result.
    [Theory]
    [InlineData("Larmkod: 4711", "Larm\u212Aod: 4711")]
    [InlineData("Bevakningskod 4711 gäller från måndag.", "Bevaknings\u212Aod 4711 gäller från måndag.")]
    [InlineData("Engångslösenordet är Hx7mQ2pLw9", "Engångslösenordet är Hx7mQ2pLw9 (\u212A)")]
    public void FindCredential_CaseVariantLetter_SameAsPlainText(string plain, string variant)
    {
        var expected = ConfidentialDetailsDetector.FindCredential(plain);

        Assert.NotNull(expected);
        Assert.Equal(expected, ConfidentialDetailsDetector.FindCredential(variant));
    }

    [Theory]
    [InlineData("Koden till skåpet byts varje år, fråga vaktmästaren.")]
    [InlineData("Kodlås finns på alla dörrar (se \u212Aarta).")]
    public void FindCredential_NoValue_NullOnBothPaths(string text)
    {
        Assert.Null(ConfidentialDetailsDetector.FindCredential(text));
    }
}
