using ClassScan.Core.Findings;

namespace ClassScan.Policy;

/// <summary>
/// The rule book's "identifiable individual" (classification-policy.md rules 2 and 3): a valid personnummer,
/// samordningsnummer or interim number, or a named private person recognised with at least Medium confidence.
/// Role words alone ("klienten", "patienten"), anonymised references ("A.A.", "NN") and officials in their role are
/// not individuals. The one definition: the rule engine, the classifier policy and its features all use it.
/// </summary>
internal static class IdentifiedIndividual
{
    /// <summary>True for an identity number of a person (counted or not in pnr_count).</summary>
    public static bool IsIdentityNumber(Finding f) =>
        FindingKinds.IsPersonalIdentityNumber(f.Kind) || f.Kind == FindingKinds.Interimsnummer;

    /// <summary>True for a named private person the recogniser is reasonably sure of.</summary>
    public static bool IsNamedPerson(Finding f) =>
        f.Kind == FindingKinds.Individ && f.Detail == IndividualDetails.Namn && f.Confidence >= Confidence.Medium;

    /// <summary>True when the finding identifies a person: an identity number or a named private person.</summary>
    public static bool Is(Finding f) => IsIdentityNumber(f) || IsNamedPerson(f);

    /// <summary>True when any finding identifies a person.</summary>
    public static bool Any(IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings)
            if (Is(f)) return true;
        return false;
    }
}
