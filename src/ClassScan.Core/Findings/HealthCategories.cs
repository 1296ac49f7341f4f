namespace ClassScan.Core.Findings;

/// <summary>
/// The Detail values of <see cref="FindingKinds.Halsa"/> findings: the lexicon section
/// (halsa.txt, halsa-swedmedner.txt) or the ICD-10 code rule that matched.
/// </summary>
public static class HealthCategories
{
    public const string Diagnos = "diagnos";
    public const string Psykiatri = "psykiatri";
    public const string Beroende = "beroende";
    /// <summary>Care contexts (vårdcentral, BUP, elevhälsa, journal): weak on their own.</summary>
    public const string Vardkontext = "vardkontext";
    /// <summary>Treatments and care measures (medicinering, vaccination, hjälpmedel): weak on their own.</summary>
    public const string Behandling = "behandling";
    public const string Lakemedel = "lakemedel";
    public const string Funktionsnedsattning = "funktionsnedsattning";
    public const string Sjukskrivning = "sjukskrivning";
    public const string Graviditet = "graviditet";
    public const string Allergi = "allergi";
    /// <summary>Symptoms (feber, illamående): weak on their own.</summary>
    public const string Symtom = "symtom";
    /// <summary>An ICD-10 code (e.g. "F90.0") with "diagnos", "ICD" or "kod" next to it.</summary>
    public const string Icd10 = "icd10";
}
