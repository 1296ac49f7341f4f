using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// Formula injection: every string column of every CSV row type, filled with every hostile value, must come out as
/// a cell no spreadsheet runs; ordinary values must come out untouched, and our own reader must get back exactly
/// what was written (the previous-run comparison matches files by path).
/// </summary>
public sealed class CsvFormulaInjectionTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-csvinj-");

    public void Dispose() => dir.Delete(recursive: true);

    public static TheoryData<string, string> StringColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in ReportRowTypes.All)
            foreach (var p in ReportRowTypes.StringColumns(t))
                data.Add(t.Name, p.Name);
        return data;
    }

    /// <summary>The raw cells of a report CSV by column name, read without any unescaping.</summary>
    private static (string[] Header, List<Dictionary<string, string>> Rows) ReadRaw(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", BadDataFound = null });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return (header, rows);
    }

    [Fact]
    public void ReportRowTypes_ReportingAssembly_FindsAllFourWithAPathColumn()
    {
        Assert.Equal(["ChangeRow", "DepartmentRow", "ResultRow", "ReviewRow"], ReportRowTypes.All.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(ReportRowTypes.All, t => Assert.Contains(ReportRowTypes.StringColumns(t), p => p.Name is "Path" or "File"));
    }

    [Theory]
    [MemberData(nameof(StringColumns))]
    public async Task Write_HostileOrOrdinaryValueInColumn_CellNeutralisedOrUntouched(string rowType, string column)
    {
        var type = ReportRowTypes.Named(rowType);
        var values = HostileCells.All.ToList();
        var path = Path.Combine(dir.FullName, rowType + ".csv");

        await ReportRowTypes.WriteAsync(type, path, values.Select(v => ReportRowTypes.Row(type, p => p.Name == column ? v : null)));

        var (header, rows) = ReadRaw(path);
        Assert.Equal(ReportRowTypes.Columns(type).Select(ReportRowTypes.Header), header); // discovery matches what is written
        Assert.Equal(values.Count, rows.Count); // no value split its row
        var name = ReportRowTypes.Header(type.GetProperty(column)!);
        for (var i = 0; i < values.Count; i++)
        {
            var cell = rows[i][name];
            Assert.True(HostileCells.Expected(values[i]) == cell, $"{rowType}.{column}: {Show(values[i])} written as {Show(cell)}");
            Assert.Equal(values[i], CsvCell.Restore(cell));
        }
    }

    [Fact]
    public async Task Write_EveryColumnHostile_NoCellStartsAFormulaInAnyRowType()
    {
        foreach (var type in ReportRowTypes.All)
        {
            var path = Path.Combine(dir.FullName, type.Name + ".csv");
            await ReportRowTypes.WriteAsync(type, path, HostileCells.Prefixed.Select(v => ReportRowTypes.Row(type, _ => v)));

            var (_, rows) = ReadRaw(path);
            Assert.Equal(HostileCells.Prefixed.Length, rows.Count);
            foreach (var cell in rows.SelectMany(r => r.Values))
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or ' ', $"{type.Name}: cell {Show(cell)}");
        }
    }

    [Theory]
    [InlineData("=x.docx")]
    [InlineData("+x.docx")]
    [InlineData("-x.docx")]
    [InlineData("@x.docx")]
    [InlineData("\tx.docx")]
    [InlineData(" =x.docx")]
    [InlineData("'=x.docx")]
    [InlineData("''=x.docx")]
    [InlineData("'x.docx")]
    [InlineData("x.docx")]
    public void Restore_WhatNeutraliseWrote_IsTheOriginal(string value) =>
        Assert.Equal(value, CsvCell.Restore(CsvCell.Neutralise(value)!));

    [Theory]
    [InlineData("'x.docx")]  // a real name that starts with an apostrophe: nothing was added, nothing is taken
    [InlineData("'")]
    [InlineData("x")]
    [InlineData("")]
    public void Restore_ValueWithoutAddedPrefix_Unchanged(string value) => Assert.Equal(value, CsvCell.Restore(value));

    private static string Show(string s) => "\"" + string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString())) + "\"";
}
