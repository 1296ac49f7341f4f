namespace ClassScan.Detection.Individuals;

/// <summary>A personal name in a segment, as word indexes.</summary>
/// <param name="First">The first word (a given name, or a capitalised word after a role or private label).</param>
/// <param name="Last">The last word (the surname, or <paramref name="First"/> for a given name alone).</param>
/// <param name="HasSurname">A capitalised surname follows the given name(s).</param>
/// <param name="KnownGivenName">The first word is in the gazetteer (not just capitalised after a role).</param>
internal readonly record struct NameSpan(int First, int Last, bool HasSurname, bool KnownGivenName);
