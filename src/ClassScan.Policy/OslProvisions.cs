using System.Globalization;
using ClassScan.Core.Findings;

namespace ClassScan.Policy;

/// <summary>
/// The OSL provision → KLASSA level table of the rule book (classification-policy.md rule 1 and the table in
/// domain-notes.md): a marking citing 25 or 26 kap., 21 kap. 1, 3 or 3 a §, 22 kap. 1 § or 23 kap. 2 § gives 3;
/// national-security wording, protected identity and an uncited marking naming social services, health care or
/// elevhälsa give 3; every other marking gives 2. The one home of this table: the marking parser picks the
/// strongest citation with it, the rule engine sets the floor with it and the classifier's features read it.
/// Pure and thread-safe.
/// </summary>
public static class OslProvisions
{
    /// <summary>Level implied by a cited provision: 25, 26, 21:1, 21:3, 21:3a, 22:1, 23:2 → 3; others → 2.</summary>
    public static int LevelFor(int chapter, string? section)
    {
        if (chapter is 25 or 26) return 3;
        return (chapter, section) switch
        {
            (21, "1" or "3" or "3a") => 3,
            (22, "1") => 3,
            (23, "2") => 3,
            _ => 2,
        };
    }

    /// <summary>The level a marking with this <see cref="MarkingDetails">Detail</see> implies (2 or 3); 2 for anything unknown.</summary>
    public static int ImpliedLevelOf(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail)) return 2;
        switch (detail)
        {
            case MarkingDetails.Hemlig or MarkingDetails.StriktKonfidentiell or MarkingDetails.SkyddadePersonuppgifter
                or MarkingDetails.Sekretessmarkering or MarkingDetails.AreaSocialtjanst or MarkingDetails.AreaHalsoOchSjukvard
                or MarkingDetails.AreaElevhalsa:
                return 3;
            case MarkingDetails.Sekretess or MarkingDetails.Konfidentiell or MarkingDetails.AreaPersonal:
                return 2;
        }
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        var chapterText = colon < 0 ? detail : detail[..colon];
        if (!int.TryParse(chapterText, NumberStyles.None, CultureInfo.InvariantCulture, out var chapter)) return 2;
        return LevelFor(chapter, colon < 0 ? null : detail[(colon + 1)..]);
    }

    /// <summary>True when a marking with this Detail puts a document at level 3.</summary>
    public static bool ImpliesLevel3(string? detail) => !string.IsNullOrWhiteSpace(detail) && ImpliedLevelOf(detail) == 3;

    /// <summary>"26:1" → "26 kap. 1 § OSL"; keywords become words a reviewer recognises.</summary>
    public static string Citation(string? detail)
    {
        if (string.IsNullOrEmpty(detail)) return "sekretess";
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        if (char.IsAsciiDigit(detail[0]))
            return colon < 0 ? $"{detail} kap. OSL" : $"{detail[..colon]} kap. {detail[(colon + 1)..]} § OSL";
        return detail switch
        {
            MarkingDetails.SkyddadePersonuppgifter => "skyddade personuppgifter",
            MarkingDetails.StriktKonfidentiell => "strikt konfidentiell",
            MarkingDetails.AreaHalsoOchSjukvard => "sekretess inom hälso- och sjukvård",
            MarkingDetails.AreaSocialtjanst => "sekretess inom socialtjänsten",
            MarkingDetails.AreaElevhalsa => "sekretess inom elevhälsan",
            MarkingDetails.AreaPersonal => "personalsekretess",
            _ => detail,
        };
    }
}
