namespace ClassScan.Extraction.OpenXml;

/// <summary>Which OOXML application a zip package belongs to, judged from its entry names.</summary>
internal enum OoxmlKind
{
    Unknown,
    Word,
    Excel,
    ExcelBinary,
    PowerPoint,
}
