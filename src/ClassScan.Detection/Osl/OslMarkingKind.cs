namespace ClassScan.Detection.Osl;

/// <summary>The wording of a secrecy marking.</summary>
internal enum OslMarkingKind
{
    /// <summary>"SEKRETESS", "Sekretess enligt ...", "Omfattas av sekretess ...", "Personalsekretess ...".</summary>
    Sekretess,
    /// <summary>"HEMLIG", "KVALIFICERAT HEMLIG", "BEGRÄNSAT HEMLIG" (national security unless a chapter is cited).</summary>
    Hemlig,
    /// <summary>"Skyddade personuppgifter", "Skyddad identitet" (21 kap. 3 § OSL).</summary>
    SkyddadePersonuppgifter,
    /// <summary>"Sekretessmarkering" (Skatteverket's marking, 22 kap. 1 § OSL).</summary>
    Sekretessmarkering,
    /// <summary>"KONFIDENTIELL", "STRIKT KONFIDENTIELL" as a stamp (a KLASSA or security-protection label).</summary>
    Konfidentiell,
}
