namespace ClassScan.Detection.Personnummer;

/// <summary>
/// Outcome of <see cref="PersonnummerValidator.Validate(ReadOnlySpan{char}, int)"/>. A plain value with no copy
/// of the number, so it is safe to log or print.
/// </summary>
/// <param name="Kind">What the number is; <see cref="IdentityNumberKind.None"/> when it is not valid.</param>
/// <param name="Year">Full birth year (century resolved), or 0 when not valid.</param>
internal readonly record struct PersonnummerValidationResult(IdentityNumberKind Kind, int Year)
{
    /// <summary>The result for anything that is not a valid identity number.</summary>
    public static PersonnummerValidationResult Invalid => default;

    /// <summary>True for a valid personnummer, samordningsnummer or interim number.</summary>
    public bool IsValid => Kind != IdentityNumberKind.None;
}
