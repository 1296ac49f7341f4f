namespace ClassScan.Core.Findings;

/// <summary>The finding kinds the rule engine knows. Detectors use these strings; reports show them.</summary>
public static class FindingKinds
{
    public const string Personnummer = "personnummer";
    public const string Samordningsnummer = "samordningsnummer";
    /// <summary>Interim number YYMMDD-Xnnn: identifies a person but is not counted in pnr_count.</summary>
    public const string Interimsnummer = "interimsnummer";

    /// <summary>Health data (GDPR art. 9): Detail names the category, see <c>ClassScan.Detection.Health.HealthCategories</c>.</summary>
    public const string Halsa = "halsa";

    /// <summary>Another special category (art. 9), an offence (art. 10), a social-services measure or protected
    /// identity: Detail names it, see <c>ClassScan.Detection.Sensitive.SensitiveCategories</c>.</summary>
    public const string KansligKategori = "kanslig-kategori";

    /// <summary>An explicit secrecy marking of the document itself (stamp, header, footer, cover line, subject).
    /// Detail is the cited provision ("26:1", "21:3a", "19") or a keyword; see <c>ClassScan.Detection.Osl.OslMarking</c>.</summary>
    public const string OslMarkering = "osl-markering";

    /// <summary>Running text that cites an OSL provision without marking the document (Low; never a floor).</summary>
    public const string OslOmnamnande = "osl-omnamnande";

    /// <summary>Signs of an identifiable private person without a personnummer: Detail as in <see cref="IndividualDetails"/>.</summary>
    public const string Individ = "individ";

    /// <summary>Level-2 details without a personnummer: Detail as in <see cref="ConfidentialDetails"/> (secret values, salaries, security details, bids before award).</summary>
    public const string KonfidentiellUppgift = "konfidentiell-uppgift";

    /// <summary>True for the kinds counted in the report's pnr_count column.</summary>
    public static bool IsPersonalIdentityNumber(string kind) => kind is Personnummer or Samordningsnummer;
}
