namespace ClassScan.Detection.Lexicons;

/// <summary>
/// Inflection endings a stem marked <c>*</c> or <c>+</c> may take: noun (en/et/er/erna/ar/arna/or/orna, genitive
/// s), adjective (a/t/e), verb and participle (ade/at/ad/ande/ende/de/te), and the -ning derivation
/// ("sjukskriv" → sjukskriven, sjukskrivningen). Kept short on purpose: a long list turns stems into prefixes.
/// </summary>
internal static class SwedishSuffixes
{
    private static readonly HashSet<string> Endings = new(StringComparer.Ordinal)
    {
        "", "s", "a", "e", "n", "t", "r", "d",
        "an", "ans", "en", "et", "er", "ar", "or", "na", "ne", "as", "es", "ns", "ts", "rs", "de", "te", "da", "ta", "sk",
        "ens", "ets", "ers", "ars", "ors", "nas", "rna", "ade", "ad", "at", "des", "tes", "ska", "skt", "isk",
        "erna", "arna", "orna", "rnas", "ades", "ats", "ande", "ende", "ning", "iska", "iskt",
        "ernas", "arnas", "ornas", "ningen", "ningar", "ningens", "ningarna",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Endings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsEnding(ReadOnlySpan<char> rest) => rest.Length <= 8 && Lookup.Contains(rest);
}
