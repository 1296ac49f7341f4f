namespace ClassScan.Extraction.Rtf;

/// <summary>What <see cref="RtfTokenizer.Next"/> found.</summary>
internal enum RtfTokenKind
{
    /// <summary>The input is used up.</summary>
    End,

    /// <summary><c>{</c>: a group opens (formatting state is saved).</summary>
    GroupStart,

    /// <summary><c>}</c>: a group closes (formatting state is restored).</summary>
    GroupEnd,

    /// <summary><c>\word</c> or <c>\wordN</c>: <see cref="RtfTokenizer.Word"/>, <see cref="RtfTokenizer.Parameter"/>.</summary>
    ControlWord,

    /// <summary><c>\</c> and one non-letter (<c>\~ \- \_ \* \{ \\</c>...): <see cref="RtfTokenizer.Symbol"/>.</summary>
    ControlSymbol,

    /// <summary><c>\'hh</c>: one byte in the current code page, in <see cref="RtfTokenizer.Parameter"/>.</summary>
    HexByte,

    /// <summary>A run of literal bytes (line ends removed): <see cref="RtfTokenizer.Data"/>.</summary>
    Text,

    /// <summary><c>\binN</c> and the N raw bytes after it: <see cref="RtfTokenizer.Data"/> (never decoded as text).</summary>
    Binary,
}
