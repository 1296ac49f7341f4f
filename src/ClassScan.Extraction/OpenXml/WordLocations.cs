namespace ClassScan.Extraction.OpenXml;

/// <summary>Swedish location labels for Word segments (shown in reports as evidence positions).</summary>
internal static class WordLocations
{
    // Word does not store page breaks reliably (they depend on layout), so "sida N" is not knowable.
    public const string Body = "brödtext";
    public const string Header = "sidhuvud";
    public const string Footer = "sidfot";
    public const string Footnote = "fotnot";
    public const string Endnote = "slutnot";
    public const string Comment = "kommentar";
    public const string SmartArt = "SmartArt";
    public const string Properties = "dokumentegenskaper";

    public static string Table(int n) => $"tabell {n}";

    public static string TextBox(int n) => $"textruta {n}";
}
