namespace ClassScan.Detection.Lexicons;

/// <summary>How one word of a lexicon term may appear in text (see README.md in this folder).</summary>
internal enum TokenMode
{
    /// <summary>The whole word, or the word plus a genitive "s".</summary>
    Exact,
    /// <summary>The stem plus a Swedish inflection ending.</summary>
    Inflect,
    /// <summary>Inflection, or a compound with the stem first or last.</summary>
    Compound,
    /// <summary>Inflection, or a compound with the stem last.</summary>
    Head,
    /// <summary>Inflection, or a compound with the stem first.</summary>
    Modifier,
}
