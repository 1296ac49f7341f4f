namespace ClassScan.Core.Documents;

/// <summary>What OCR gave for one page: its text (possibly empty: a blank page), or why it could not be read.</summary>
/// <param name="Text">The recognised text, cleaned of OCR noise in digit groups; null when the page could not be read.</param>
/// <param name="Failure">A short cause in Swedish that quotes no page content ("tesseract avslutades med kod 1"); null on success.</param>
public sealed record PageRecognition(string? Text, string? Failure)
{
    public static PageRecognition Read(string text) => new(text ?? "", null);

    public static PageRecognition Failed(string why) => new(null, why);
}
