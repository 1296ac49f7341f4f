using System.Text.Json;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;
using ClassScan.TestSupport;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Personnummer;

/// <summary>
/// Every Skatteverket test personnummer (allPins.json, the Testpersonnummer CSVs) and test samordningsnummer
/// (allCoords.json) is found in every written form, batched into large texts to stay fast.
/// </summary>
[Trait("Category", SharedData.Category)]
public sealed class SkatteverketTestNumberTests
{
    private const int Ref = FixedTimeProvider.ScanYear;

    public static TheoryData<int> FormatIndexes => [0, 1, 2, 3];

    [SharedTheory]
    [MemberData(nameof(FormatIndexes))]
    public void Detect_AllPinsInFormat_EveryNumberFoundAsPersonnummer(int formatIndex)
    {
        var problems = CheckFormat(LoadJson("allPins.json"), formatIndex, FindingKinds.Personnummer);

        Assert.Empty(problems);
    }

    [SharedTheory]
    [MemberData(nameof(FormatIndexes))]
    public void Detect_AllCoordsInFormat_EveryNumberFoundAsSamordningsnummer(int formatIndex)
    {
        var problems = CheckFormat(LoadJson("allCoords.json"), formatIndex, FindingKinds.Samordningsnummer);

        Assert.Empty(problems);
    }

    [SharedTheory]
    [MemberData(nameof(FormatIndexes))]
    public void Detect_SkatteverketCsvInFormat_EveryNumberFoundAsPersonnummer(int formatIndex)
    {
        var problems = CheckFormat(LoadCsv(), formatIndex, FindingKinds.Personnummer);

        Assert.Empty(problems);
    }

    [SharedFact]
    public void LoadCsv_AllFiles_SameNumbersAsAllPins()
    {
        var csv = LoadCsv();

        Assert.Equal(41_129, csv.Count);
        Assert.Equal(LoadJson("allPins.json").ToHashSet(), csv.ToHashSet());
    }

    [SharedFact]
    public void Validate_EveryTestNumberInEveryForm_ResolvesTheRightYear()
    {
        var problems = new List<string>();
        foreach (var (file, kind) in new[] { ("allPins.json", IdentityNumberKind.Personnummer), ("allCoords.json", IdentityNumberKind.Samordningsnummer) })
        {
            foreach (var twelve in LoadJson(file))
            {
                var year = int.Parse(twelve[..4]);
                for (var f = 0; f < 3; f++)
                {
                    var result = PersonnummerValidator.Validate(NumberFormats.Format(twelve, f, Ref), Ref);
                    if (result.Kind != kind || result.Year != year) problems.Add($"{NumberFormats.Format(twelve, f, Ref)}: {result}");
                }

                // YYMMDDNNNN carries no century: with the birth year as reference it must resolve to that year.
                var plain = PersonnummerValidator.Validate(NumberFormats.Format(twelve, 3, Ref), year);
                if (plain.Kind != kind || plain.Year != year) problems.Add($"{twelve[2..]} (ref {year}): {plain}");
            }
        }

        Assert.Empty(problems.Take(20));
    }

    private static List<string> CheckFormat(List<string> numbers, int formatIndex, string kind)
    {
        Assert.True(numbers.Count > 1000, "test list unexpectedly small");
        var written = numbers.Select(n => NumberFormats.Format(n, formatIndex, Ref)).ToList();
        return BatchDetection.Check(written, kind, FixedTimeProvider.ScanDate);
    }

    private static List<string> LoadJson(string file) =>
        JsonSerializer.Deserialize<List<string>>(File.ReadAllText(SharedData.Path("testdata", "personnummer", file)))!;

    /// <summary>Header "Testpersonnummer", then one 12-digit number per CRLF line; blank lines occur.</summary>
    private static List<string> LoadCsv()
    {
        var numbers = new List<string>();
        foreach (var path in Directory.GetFiles(SharedData.Path("testdata", "skatteverket"), "*.csv").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(path))
            {
                var value = line.Trim();
                if (value.Length == 0 || value == "Testpersonnummer") continue;
                Assert.Matches("^[0-9]{12}$", value);
                numbers.Add(value);
            }
        }

        return numbers;
    }
}
