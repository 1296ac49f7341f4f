namespace ClassScan.TestSupport.Documents;

/// <summary>One worksheet being built by <see cref="XlsxBuilder"/>.</summary>
public sealed class XlsxSheet
{
    internal XlsxSheet(string name) => Name = name;

    internal string Name { get; }

    internal List<object?[]> Rows { get; } = [];

    internal List<(string CellRef, string Text)> Comments { get; } = [];

    internal string? HeaderText { get; private set; }

    internal string? FooterText { get; private set; }

    internal bool IsHidden { get; private set; }

    /// <summary>
    /// Appends a row. Cells: string (shared string), int/long/double/decimal (number, general format),
    /// bool, DateTime (date serial with format yyyy-mm-dd), <see cref="XlsxCell"/>, or null (empty cell).
    /// </summary>
    public XlsxSheet Row(params object?[] cells)
    {
        Rows.Add(cells);
        return this;
    }

    /// <summary>A legacy cell comment (note) on e.g. "B2".</summary>
    public XlsxSheet Comment(string cellRef, string text)
    {
        Comments.Add((cellRef, text));
        return this;
    }

    /// <summary>Print header (odd pages); Excel codes such as &amp;L/&amp;C/&amp;R may be included.</summary>
    public XlsxSheet Header(string text)
    {
        HeaderText = text;
        return this;
    }

    public XlsxSheet Footer(string text)
    {
        FooterText = text;
        return this;
    }

    public XlsxSheet Hidden()
    {
        IsHidden = true;
        return this;
    }
}
