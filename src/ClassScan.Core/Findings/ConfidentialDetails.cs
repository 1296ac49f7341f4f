namespace ClassScan.Core.Findings;

/// <summary>The Detail values of <see cref="FindingKinds.KonfidentiellUppgift"/> findings.</summary>
public static class ConfidentialDetails
{
    /// <summary>A password, access code or alarm code written next to its label (policy level 2: "passwords and access keys").</summary>
    public const string Inloggning = "inloggning";

    /// <summary>A salary figure under a salary label: with a named private person nearby the rule engine gives 2.</summary>
    public const string Lon = "lon";
}
