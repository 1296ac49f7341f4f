namespace ClassScan.Extraction.Rtf;

/// <summary>Where the text of an RTF group goes (RTF 1.9.1 "destinations"); inherited by nested groups.</summary>
internal enum RtfDestination
{
    Body,
    Header,
    Footer,
    Footnote,
    Endnote,
    Comment,
    TextBox,

    /// <summary>A <c>\info</c> field or user property value we keep (title, subject...): see <see cref="RtfDocumentReader"/>.</summary>
    MetadataField,

    /// <summary>The name of a <c>\userprops</c> property; its <c>\staticval</c> is the value.</summary>
    PropertyName,

    /// <summary><c>\info</c> and <c>\userprops</c> themselves: their text is not content, only some fields are kept.</summary>
    Info,

    /// <summary><c>\fonttbl</c>: read for the fonts' character sets, its text (font names) dropped.</summary>
    FontTable,

    /// <summary>Not text: styles, colours, pictures, object data, field codes, unknown <c>\*</c> destinations.</summary>
    Skip,
}
