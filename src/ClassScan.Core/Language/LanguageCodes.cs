namespace ClassScan.Core.Language;

/// <summary>ISO 639-1 codes the detectors act on.</summary>
public static class LanguageCodes
{
    public const string Swedish = "sv";
    public const string English = "en";
    public const string Finnish = "fi";

    /// <summary>
    /// True when Swedish vocabulary applies to text of this language. Unknown (null) counts as Swedish: a
    /// municipal scanner's default, and text too short to identify (a cell, a subject line) is most often Swedish.
    /// </summary>
    public static bool AllowsSwedishVocabulary(string? language) => language is null or Swedish;

    /// <summary>Swedish display name for a reason ("engelska"), or the code itself.</summary>
    public static string SwedishName(string? language) => language switch
    {
        null => "okänt språk",
        Swedish => "svenska",
        English => "engelska",
        Finnish => "finska",
        "no" or "nb" or "nn" => "norska",
        "da" => "danska",
        "de" => "tyska",
        "fr" => "franska",
        "es" => "spanska",
        "ar" => "arabiska",
        "so" => "somaliska",
        "fa" => "persiska",
        "pl" => "polska",
        "bs" or "hr" or "sr" => "bosniska/kroatiska/serbiska",
        "ti" => "tigrinja",
        "cy" => "walesiska",
        "ru" => "ryska",
        "el" => "grekiska",
        "zh" => "kinesiska",
        "th" => "thailändska",
        "it" => "italienska",
        "nl" => "nederländska",
        "pt" => "portugisiska",
        "la" => "latin",
        _ => language,
    };
}
