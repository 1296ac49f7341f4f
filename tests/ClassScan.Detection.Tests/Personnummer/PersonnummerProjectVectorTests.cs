using System.Text.Json;
using ClassScan.Core.Documents;
using ClassScan.Core.Findings;
using ClassScan.Detection.Personnummer;
using ClassScan.TestSupport;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Personnummer;

/// <summary>
/// The personnummer project's shared vectors (../shared/testdata/personnummer, read unchanged): every valid number
/// is found in every form given, every invalid one is neither found nor validated.
/// </summary>
[Trait("Category", SharedData.Category)]
public sealed class PersonnummerProjectVectorTests
{
    private static readonly string[] FormatKeys = ["integer", "long_format", "short_format", "separated_format", "separated_long"];

    private static readonly PersonnummerDetector Detector = new(FixedTimeProvider.ScanDate);

    [SharedTheory]
    [InlineData("list.json")]
    [InlineData("interim.json")]
    [InlineData("orgnumber.json")]
    public void Detect_VectorFile_ValidFoundInEveryFormatInvalidNever(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Path("testdata", "personnummer", file)));
        var problems = new List<string>();
        var checkedForms = 0;

        foreach (var vector in json.RootElement.EnumerateArray())
        {
            var valid = vector.GetProperty("valid").GetBoolean();
            var kind = KindOf(vector.GetProperty("type").GetString()!);
            var year = vector.TryGetProperty("long_format", out var longForm) ? int.Parse(longForm.GetString()![..4]) : 0;

            foreach (var key in FormatKeys)
            {
                if (!vector.TryGetProperty(key, out var element)) continue;
                var value = element.ValueKind == JsonValueKind.Number ? element.GetInt64().ToString() : element.GetString()!;
                if (value == "0" && kind == FindingKinds.Interimsnummer) continue; // interim numbers have no integer form
                checkedForms++;
                
                // A plain 10-digit form carries no century hint ("-" is implied), so only its validity is checked.
                Check(value, valid, kind, value.Length == 10 ? 0 : year, problems);
            }
        }

        Assert.True(checkedForms > 0);
        Assert.Empty(problems);
    }

    [SharedFact]
    public void Detect_StructuredJson_ValidFoundInvalidNever()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Path("testdata", "personnummer", "structured.json")));
        var problems = new List<string>();
        var count = 0;

        foreach (var type in json.RootElement.EnumerateObject())
        foreach (var representation in type.Value.EnumerateObject())
        foreach (var validity in representation.Value.EnumerateObject())
        foreach (var element in validity.Value.EnumerateArray())
        {
            var value = element.ValueKind == JsonValueKind.Number ? element.GetInt64().ToString() : element.GetString()!;
            count++;
            Check(value, validity.Name == "valid", KindOf(type.Name), 0, problems);
        }

        Assert.Equal(70, count);
        Assert.Empty(problems);
    }

    private static void Check(string value, bool valid, string kind, int expectedYear, List<string> problems)
    {
        var text = $"Uppgift: {value}.";
        var findings = new List<Finding>();
        Detector.Detect(new ExtractedText([new TextSegment(SegmentKind.Body, "vektor", text)]), findings);
        var result = PersonnummerValidator.Validate(value, FixedTimeProvider.ScanYear);

        if (!valid)
        {
            if (findings.Count != 0 || result.IsValid) problems.Add($"invalid but accepted: '{value}'");
            return;
        }

        if (findings.Count != 1 || findings[0].Start != 9 || findings[0].Length != value.Length || findings[0].Kind != kind)
            problems.Add($"valid but not found as {kind}: '{value}'");
        if (!result.IsValid || (expectedYear != 0 && result.Year != expectedYear))
            problems.Add($"valid but validator says {result.Kind} {result.Year}: '{value}'");
    }

    private static string KindOf(string type) => type switch
    {
        "ssn" => FindingKinds.Personnummer,
        "con" => FindingKinds.Samordningsnummer,
        "interim" => FindingKinds.Interimsnummer,
        _ => "none", // "org": never valid
    };
}
