namespace ClassScan.Core.Findings;

/// <summary>The Detail values of <see cref="FindingKinds.KonfidentiellUppgift"/> findings.</summary>
public static class ConfidentialDetails
{
    /// <summary>A password, access code or alarm code written next to its label (policy level 2: "passwords and access keys").</summary>
    public const string Inloggning = "inloggning";

    /// <summary>A salary figure under a salary label: with a named private person nearby the rule engine gives 2.</summary>
    public const string Lon = "lon";

    /// <summary>Concrete security details that would help an attack (OSL 18 kap. 8 §): alarm or door codes with a
    /// place, where cameras do not see, guard schedules, key lists, network addresses of control systems.
    /// A general security policy yields nothing. Policy level 2.</summary>
    public const string Sakerhet = "sakerhet";

    /// <summary>Procurement before award (OSL 19 kap. 3 §, 31 kap. 16 §): bid prices or evaluation scores per named
    /// bidder in a document that is not the published award. Policy level 2.</summary>
    public const string Anbud = "anbud";
}
