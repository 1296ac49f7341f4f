namespace ClassScan.Core.Findings;

/// <summary>The Detail values of <see cref="FindingKinds.Individ"/> findings.</summary>
public static class IndividualDetails
{
    /// <summary>A role word for a private person (klienten, eleven, vårdnadshavaren) with no name next to it: Low.</summary>
    public const string Roll = "roll";

    /// <summary>A personal name not acting in an official role: High with a role label or word ("Klient: Ahmed
    /// Yusuf", "eleven Elsa Berg", "Lucas Nguyen (13 år)"), Medium when the context makes the person a private subject
    /// ("Ringde Aune Salonen", "Erik Mattsson är sjukskriven", a first name of a person named so elsewhere), Low for
    /// any other name (a full name without case context, a first name alone).</summary>
    public const string Namn = "namn";

    /// <summary>A home address (street, number, postcode and town): Medium, High next to a private name, Low
    /// without a postcode. Organisations' addresses (AB, kommun, Box, besöksadress) are not reported.</summary>
    public const string Adress = "adress";

    /// <summary>A case number ("Dnr SN 2025/0077"): Medium for social-services and care prefixes, else Low.</summary>
    public const string Arende = "arende";
}
