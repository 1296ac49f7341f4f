namespace ClassScan.Core.Findings;

/// <summary>
/// One detector hit. Holds where the hit is and a masked sample, never the matched value itself,
/// so that a finding can be logged or reported without leaking what it found.
/// </summary>
/// <param name="DetectorId">Stable id of the detector, e.g. "se.personnummer".</param>
/// <param name="Kind">What was found, e.g. "personnummer", "samordningsnummer", "halsa", "osl-markering".</param>
/// <param name="Confidence">Detector confidence.</param>
/// <param name="SegmentIndex">Index into <see cref="Documents.ExtractedText.Segments"/>.</param>
/// <param name="Start">Offset of the hit in the segment text.</param>
/// <param name="Length">Length of the hit in the segment text.</param>
/// <param name="MaskedSample">A sample safe to show, e.g. "19121212-****".</param>
/// <param name="Detail">Optional structured detail safe to show (e.g. "26:1" for an OSL marking).</param>
public sealed record Finding(
    string DetectorId,
    string Kind,
    Confidence Confidence,
    int SegmentIndex,
    int Start,
    int Length,
    string MaskedSample,
    string? Detail = null);
