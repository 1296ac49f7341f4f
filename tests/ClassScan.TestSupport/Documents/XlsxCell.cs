namespace ClassScan.TestSupport.Documents;

/// <summary>
/// A cell for <see cref="XlsxSheet.Row"/> when a plain value is not enough: a number with a number format, or an
/// inline string (t="inlineStr" instead of the shared string table). Plain strings, numbers, bools and
/// <see cref="DateTime"/> can be passed to <see cref="XlsxSheet.Row"/> directly.
/// </summary>
public sealed record XlsxCell
{
    private XlsxCell()
    {
    }

    public double? Number { get; private init; }

    public string? FormatCode { get; private init; }

    public string? InlineText { get; private init; }

    /// <summary>A number shown with an Excel format code, e.g. ("8112189876", "000000-0000") or (0.25, "0%").</summary>
    public static XlsxCell Formatted(double value, string formatCode) => new() { Number = value, FormatCode = formatCode };

    public static XlsxCell Inline(string text) => new() { InlineText = text };
}
