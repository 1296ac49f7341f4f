namespace ClassScan.Core.Classification;

/// <summary>KLASSA confidentiality levels as the municipal cloud decisions name them.</summary>
public enum KlassaLevel
{
    /// <summary>0 Öppen: may be public.</summary>
    Oppen = 0,
    /// <summary>1 Intern: not for publication, limited damage.</summary>
    Intern = 1,
    /// <summary>2 Konfidentiell: serious damage; must leave M365.</summary>
    Konfidentiell = 2,
    /// <summary>3 Strikt konfidentiell: very serious damage; must leave M365.</summary>
    StriktKonfidentiell = 3,
}
