using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClassScan.Cli.Tests;

/// <summary>Reads a report CSV the way Excel would (semicolons, RFC 4180 quotes) into dictionaries by column name.</summary>
internal static class ReportReader
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? ""));
        return rows;
    }
}
