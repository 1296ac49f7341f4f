namespace ClassScan.TestSupport.Spreadsheets;

/// <summary>
/// One cell as LibreOffice Calc holds it after opening a file: what it shows (<see cref="Text"/>, lines joined with
/// "\n"), its formula when Calc made it one (<see cref="Formula"/>, e.g. <c>of:=1+1</c>; null for plain text or
/// numbers) and its ODF value type ("string", "float", ...; null for an empty cell).
/// </summary>
public sealed record SpreadsheetCell(string Text, string? Formula, string? ValueType)
{
    public static SpreadsheetCell Empty { get; } = new("", null, null);

    public bool IsFormula => Formula is not null;
}
