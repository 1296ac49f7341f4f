using System.Globalization;
using System.Text;
using ClassScan.TestSupport.Spreadsheets;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// The CSV reports opened in a real spreadsheet engine, LibreOffice Calc, with formula evaluation on (as Excel always
/// does): every string column of every row type holds hostile values and must show text. Control files written without
/// the protection show that Calc does run them, so these tests can fail. One soffice run for all files (start-up
/// takes seconds), then one assertion per column.
/// </summary>
[Trait("Category", LibreOffice.Category)]
public sealed class CsvLibreOfficeTests(CsvLibreOfficeTests.Workbooks books) : IClassFixture<CsvLibreOfficeTests.Workbooks>
{
    /// <summary>What Calc is given in every string column, one value per row. Calc runs those starting with '='.</summary>
    internal static readonly string[] Values =
    [
        "=1+1",
        "=HYPERLINK(\"http://x\",\"klick\")",
        "=A1",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
        " =1+1",
        "\u3000=1+1",
        "\ufeff=1+1",
        "\uff1d1+1",
        "'=1+1",
        "a\n=1+1",
        "a\r=1+1",
    ];

    private static readonly string[] Runnable = Values.Where(v => v.StartsWith('=')).ToArray();

    public static TheoryData<string, string> StringColumns() => CsvFormulaInjectionTests.StringColumns();

    public static TheoryData<string> ResultColumns() => [.. ReportRowTypes.StringColumns(typeof(ResultRow)).Select(p => p.Name)];

    [LibreOfficeTheory]
    [MemberData(nameof(StringColumns))]
    public async Task Calc_HostileValueInColumn_ShownAsTextNotRun(string rowType, string column)
    {
        var sheet = (await books.SheetsAsync())[rowType];
        var type = ReportRowTypes.Named(rowType);
        var at = Column(sheet, type, column);

        Assert.Equal(Values.Length + 1, sheet.Count); // header + one row per value: no value split its row
        for (var i = 0; i < Values.Length; i++)
        {
            var row = sheet[i + 1];
            Assert.Equal(ReportRowTypes.Columns(type).Count, row.Count); // every column filled: strings hostile, counts 0
            var cell = row[at];
            Assert.False(cell.IsFormula, $"{rowType}.{column}: Calc made {Show(Values[i])} the formula {cell.Formula}");
            Assert.Equal("string", cell.ValueType);
            Assert.Equal(Lines(HostileCellsShown(Values[i])), Lines(cell.Text));
        }
    }

    [LibreOfficeTheory]
    [MemberData(nameof(ResultColumns))]
    public async Task Calc_ResultsWrittenWithoutProtection_RunsTheFormula(string column)
    {
        var sheet = (await books.SheetsAsync())[Workbooks.Unprotected];
        var at = Column(sheet, typeof(ResultRow), column);

        Assert.Equal(Runnable.Length + 1, sheet.Count);
        for (var i = 0; i < Runnable.Length; i++) Assert.True(sheet[i + 1][at].IsFormula, $"{column}: {Show(Runnable[i])} was not run");
        Assert.Equal("2", sheet[1][at].Text); // =1+1 computed
        Assert.Equal("klick", sheet[2][at].Text); // the link's label, not the text of the cell
    }

    [LibreOfficeFact]
    public async Task Calc_PreviousConfigurationLoneLineFeed_SplitsRowAndRunsWhatFollows()
    {
        // CsvHelper with NewLine "\r\n" quoted only fields holding "\r\n": a bare line feed in a file name ended the
        // record, and the rest of the name became the first cell of a row of its own.
        var sheet = (await books.SheetsAsync())[Workbooks.PreviousConfiguration];

        Assert.Equal(3, sheet.Count);
        Assert.True(sheet[2][0].IsFormula, $"expected a formula, got {Show(sheet[2][0].Text)}");
    }

    private static int Column(IReadOnlyList<IReadOnlyList<SpreadsheetCell>> sheet, Type type, string column)
    {
        var header = ReportRowTypes.Header(type.GetProperty(column)!);
        var at = sheet[0].Select(c => c.Text).ToList().IndexOf(header);
        Assert.True(at >= 0, $"no column {header} in Calc's header row");
        return at;
    }

    // Calc shows the apostrophe the report adds (it is a character of the cell in CSV import, not a hidden marker).
    private static string HostileCellsShown(string value) => CsvCell.NeedsPrefix(value) ? "'" + value : value;

    // A cell's lines as Calc keeps them: it turns CR, LF and CRLF inside a quoted field into line breaks.
    private static string Lines(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static string Show(string s) => "\"" + string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";

    /// <summary>Writes the CSVs once and opens them all in one soffice run, on first use (never for skipped tests).</summary>
    public sealed class Workbooks : IDisposable
    {
        public const string Unprotected = "unprotected";
        public const string PreviousConfiguration = "previous-configuration";

        private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-calc-");
        private readonly Lazy<Task<Dictionary<string, IReadOnlyList<IReadOnlyList<SpreadsheetCell>>>>> sheets;

        public Workbooks() => sheets = new(OpenAsync);

        public Task<Dictionary<string, IReadOnlyList<IReadOnlyList<SpreadsheetCell>>>> SheetsAsync() => sheets.Value;

        public void Dispose()
        {
            try { dir.Delete(recursive: true); } catch (IOException) { } // soffice may still hold its profile for a moment
        }

        private async Task<Dictionary<string, IReadOnlyList<IReadOnlyList<SpreadsheetCell>>>> OpenAsync()
        {
            var files = new List<(string Name, string Path)>();
            foreach (var type in ReportRowTypes.All)
            {
                var path = Path.Combine(dir.FullName, type.Name + ".csv");
                await ReportRowTypes.WriteAsync(type, path, Values.Select(v => ReportRowTypes.Row(type, _ => v)));
                files.Add((type.Name, path));
            }

            var unprotected = Path.Combine(dir.FullName, Unprotected + ".csv");
            WritePlain(unprotected, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" },
                Runnable.Select(v => (ResultRow)ReportRowTypes.Row(typeof(ResultRow), _ => v)));
            files.Add((Unprotected, unprotected));

            var previous = Path.Combine(dir.FullName, PreviousConfiguration + ".csv");
            WritePlain(previous, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", NewLine = "\r\n", InjectionOptions = InjectionOptions.Escape },
                [new ResultRow { Path = "elev\n=1+1.txt", Status = "ok" }]);
            files.Add((PreviousConfiguration, previous));

            var opened = await LibreOffice.OpenCsvAsync(files.Select(f => f.Path).ToList(), Path.Combine(dir.FullName, "calc"));
            return files.Select((f, i) => (f.Name, Sheet: opened[i])).ToDictionary(x => x.Name, x => x.Sheet);
        }

        private static void WritePlain(string path, CsvConfiguration config, IEnumerable<ResultRow> rows)
        {
            using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
            using var csv = new CsvWriter(writer, config);
            csv.WriteRecords(rows);
        }
    }
}
