namespace ClassScan.Core.Documents;

/// <summary>A run of extracted text with its location.</summary>
/// <param name="Kind">The kind of part the text came from.</param>
/// <param name="Location">Short human-readable location in Swedish, e.g. "sida 3", "blad 'Lön'", "bild 2 anteckningar".</param>
/// <param name="Text">The text. Never written to reports or logs.</param>
public sealed record TextSegment(SegmentKind Kind, string Location, string Text);
