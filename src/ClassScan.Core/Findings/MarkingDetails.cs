namespace ClassScan.Core.Findings;

/// <summary>
/// The Detail values of <see cref="FindingKinds.OslMarkering"/> findings that are not a citation. A cited marking
/// carries the provision itself ("26:1", "21:3a", "26"). The level each implies is the policy's
/// (<c>ClassScan.Policy.OslProvisions</c>).
/// </summary>
public static class MarkingDetails
{
    public const string Sekretess = "sekretess";
    /// <summary>HEMLIG, KVALIFICERAT/BEGRÄNSAT HEMLIG: national security.</summary>
    public const string Hemlig = "hemlig";
    public const string SkyddadePersonuppgifter = "skyddade-personuppgifter";
    /// <summary>Skatteverket's sekretessmarkering (22 kap. 1 § OSL).</summary>
    public const string Sekretessmarkering = "sekretessmarkering";
    public const string Konfidentiell = "konfidentiell";
    public const string StriktKonfidentiell = "strikt-konfidentiell";
    public const string AreaSocialtjanst = "socialtjanst";
    public const string AreaHalsoOchSjukvard = "halso-och-sjukvard";
    public const string AreaElevhalsa = "elevhalsa";
    public const string AreaPersonal = "personal";
}
