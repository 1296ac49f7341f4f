using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Reporting.Tests;

/// <summary>Reads a report CSV as Excel would: header plus rows by column name.</summary>
internal static class CsvFile
{
    public static (string[] Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read()) rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return (header, rows);
    }
}
