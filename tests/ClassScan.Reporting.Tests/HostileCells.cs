namespace ClassScan.Reporting.Tests;

/// <summary>
/// Cell values that a spreadsheet could run, and what the report must write for each. Synthetic: names a person could
/// give a file, folder, site or drive, or put in a Graph display name.
/// </summary>
internal static class HostileCells
{
    /// <summary>Values that must be written with a leading apostrophe (OWASP's four characters, tab, CR, and the variants).</summary>
    public static readonly string[] Prefixed =
    [
        "=HYPERLINK(\"http://x\",\"klick\")",
        "=HYPERLINK(\"http://x\";\"klick\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "=A1",
        "\t=1+1",
        "\r=1+1",
        "\n=1+1",
        "\t",
        " =1+1",
        "   +1+1",
        "\u00a0=1+1",   // no-break space
        "\u3000=1+1",   // ideographic space
        "\u200b=1+1",   // zero-width space
        "\ufeff=1+1",   // byte order mark
        "\uff1d1+1",    // full-width =
        "\uff0b1+1",    // full-width +
        "\uff0d1+1",    // full-width -
        "\uff20SUM(1+1)", // full-width @
        "'=1+1",        // looks escaped already: gets one more, so reading back is exact
        "''@SUM(1+1)",
    ];

    /// <summary>Values with a line break or separator inside: one quoted cell, nothing added (the quotes keep the row whole).</summary>
    public static readonly string[] Embedded =
    [
        "a\n=1+1",
        "a\r=1+1",
        "a\r\n=1+1",
        "a;=1+1",
        "a\"=1+1",
    ];

    /// <summary>Ordinary values that must be written exactly as they are.</summary>
    public static readonly string[] Benign =
    [
        "Skola/Dokument/elevlista.docx",
        "Anna Berg",
        "x=1+1",
        "a-b",
        "anna@kommun.example",
        "'citat'",
        "''",
        "2025-03-04 05:06",
        "Personnummer som identifierar en person (regel 3)",
        "19121212-****",
        "3",
    ];

    public static IEnumerable<string> All => Prefixed.Concat(Embedded).Concat(Benign);

    /// <summary>What the report must hold for <paramref name="value"/>, as a CSV reader sees the cell.</summary>
    public static string Expected(string value) => Prefixed.Contains(value) ? "'" + value : value;
}
