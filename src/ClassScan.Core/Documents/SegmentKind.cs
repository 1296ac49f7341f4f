namespace ClassScan.Core.Documents;

/// <summary>
/// Where in a document a piece of text came from. Detectors use it to tell a secrecy stamp in a header
/// from the same words in running text; reports use it to say where evidence sits.
/// </summary>
public enum SegmentKind
{
    Body,
    Table,
    Header,
    Footer,
    Footnote,
    Endnote,
    Comment,
    TextBox,
    Notes,
    SheetName,
    Cell,
    Metadata,
    Attachment,
}
