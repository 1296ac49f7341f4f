namespace ClassScan.Detection.Personnummer;

/// <summary>What a validated Swedish identity number is. <see cref="None"/> means "not valid".</summary>
internal enum IdentityNumberKind
{
    /// <summary>Not a valid identity number (wrong shape, date or check digit).</summary>
    None,

    /// <summary>Personnummer (folkbokföringslagen 18 §): real birth date, birth number, Luhn check digit.</summary>
    Personnummer,

    /// <summary>Samordningsnummer (folkbokföringslagen 18 a §): as a personnummer but with day + 60.</summary>
    Samordningsnummer,

    /// <summary>Interim number ("T-nummer", reservnummer in care): a letter in place of the first birth-number digit.</summary>
    Interimsnummer,
}
