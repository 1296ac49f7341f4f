namespace ClassScan.Core.Findings;

/// <summary>The finding kinds the rule engine knows. Detectors use these strings; reports show them.</summary>
public static class FindingKinds
{
    public const string Personnummer = "personnummer";
    public const string Samordningsnummer = "samordningsnummer";
    /// <summary>Interim number YYMMDD-Xnnn: identifies a person but is not counted in pnr_count.</summary>
    public const string Interimsnummer = "interimsnummer";

    /// <summary>True for the kinds counted in the report's pnr_count column.</summary>
    public static bool IsPersonalIdentityNumber(string kind) => kind is Personnummer or Samordningsnummer;
}
