namespace ClassScan.Core.Findings;

/// <summary>The Detail values of <see cref="FindingKinds.KansligKategori"/> findings (sections of kansliga.txt).</summary>
public static class SensitiveCategories
{
    public const string Etnicitet = "etnicitet";
    public const string Religion = "religion";
    /// <summary>Political opinion: membership of or sympathy with a party, not a politician's party in a public role.</summary>
    public const string PolitiskAsikt = "politisk-asikt";
    /// <summary>Trade-union membership (a union named alone is not membership).</summary>
    public const string Fackmedlemskap = "fackmedlemskap";
    public const string Sexualitet = "sexualitet";
    public const string GenetikBiometri = "genetik-biometri";
    /// <summary>Offences and suspicions of offences (GDPR art. 10).</summary>
    public const string Brott = "brott";
    /// <summary>Social-services measures: LVU, LVM, placering, försörjningsstöd, orosanmälan, insats enligt LSS, skyddat boende.</summary>
    public const string Socialtjanst = "socialtjanst";
    /// <summary>Protected identity in running text (skyddade personuppgifter, sekretessmarkering, kvarskrivning).</summary>
    public const string SkyddadIdentitet = "skyddad-identitet";
}
