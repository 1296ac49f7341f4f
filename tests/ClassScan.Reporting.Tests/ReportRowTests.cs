using System.Reflection;
using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;
using ClassScan.Reporting.Departments;
using ClassScan.Reporting.Html;

namespace ClassScan.Reporting.Tests;

/// <summary>
/// One row schema for every report: the reason and advice a file gets are worded in one place
/// (<see cref="ReviewerText"/>) and read the same in review.csv, the department files and rapport.html; the JSON
/// columns are the CSV's own.
/// </summary>
public sealed class ReportRowTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-rows-");

    public void Dispose() => dir.Delete(recursive: true);

    private static readonly ScanStatus[] Blind = [ScanStatus.Encrypted, ScanStatus.NoText, ScanStatus.Unsupported, ScanStatus.Error];

    public static TheoryData<ScanStatus> BlindStatuses() => [.. Blind];

    /// <summary>Writes the results through results/review.csv, the department files and rapport.html together.</summary>
    private async Task<(List<Dictionary<string, string>> Results, List<Dictionary<string, string>> Review, List<Dictionary<string, string>> Department, string Html)> WriteAllAsync(params ScanResult[] results)
    {
        var map = new DepartmentMap([]);
        await using (var sink = new CompositeSink([new CsvReportSink(dir.FullName), new DepartmentReportSink(dir.FullName, map), new HtmlReportSink(dir.FullName, map)]))
            await Results.RunAsync(sink, results);
        return (CsvFile.Read(Path.Combine(dir.FullName, "results.csv")).Rows,
            CsvFile.Read(Path.Combine(dir.FullName, "review.csv")).Rows,
            CsvFile.Read(Path.Combine(dir.FullName, DepartmentReportSink.FolderName, DepartmentMap.FileNameFor(DepartmentMap.Unknown))).Rows,
            File.ReadAllText(Path.Combine(dir.FullName, HtmlReportSink.FileName)));
    }

    [Theory]
    [MemberData(nameof(BlindStatuses))]
    public async Task Reports_BlindSpot_ReviewActionDepartmentActionAndRapportAdviceAreOneText(ScanStatus status)
    {
        var (_, review, department, html) = await WriteAllAsync(Results.Blind("/d/fil.bin", status, "orsak"));

        var advice = ReviewerText.Action(status);
        Assert.Equal(advice, Assert.Single(review)["action"]);
        Assert.Equal(advice, Assert.Single(department)["Åtgärd"]);
        Assert.Contains("<td>" + HtmlEscaping.Encode(advice) + "</td>", html, StringComparison.Ordinal);
        Assert.StartsWith(status == ScanStatus.Error ? ReviewerText.DeleteOrReview : ReviewerText.Review, advice, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_EachBlindStatus_ItsOwnAdvice()
    {
        var advice = Blind.Select(s => ReviewerText.Action(s)).ToList();

        Assert.Equal(advice.Count, advice.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(KlassaLevel.StriktKonfidentiell, "snarast")]
    [InlineData(KlassaLevel.Konfidentiell, "eller ta bort filen om den får gallras")]
    public async Task Reports_FlaggedFile_MoveAdviceInDepartmentFileAndNotInReview(KlassaLevel level, string words)
    {
        var (_, review, department, _) = await WriteAllAsync(Results.Flagged("/d/flagga.pdf", level));

        Assert.Empty(review);
        var action = Assert.Single(department)["Åtgärd"];
        Assert.Equal(ReviewerText.Action(ScanStatus.Ok, level), action);
        Assert.StartsWith(ReviewerText.Move + " till godkänd lagring utanför M365", action, StringComparison.Ordinal);
        Assert.Contains(words, action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_SuspicionWithoutEvidence_ReviewAdviceStartsWithTheReviewWordAndNoDepartmentRow()
    {
        var suspected = Results.Clean("/d/anteckning.docx") with
        {
            Classification = new ClassificationResult(KlassaLevel.Intern, "Inga känsliga uppgifter", "R5+ML-1+granska") { Review = "liknar nivå 3 utan bevisning" },
        };

        var (_, review, department, _) = await WriteAllAsync(suspected);

        Assert.Equal(ReviewerText.ForSuspicion, Assert.Single(review)["action"]);
        Assert.StartsWith(ReviewerText.Review + ":", ReviewerText.ForSuspicion, StringComparison.Ordinal);
        Assert.Empty(department);
    }

    [Fact]
    public async Task Reports_CleanFile_NoAdviceAnywhere()
    {
        var clean = Results.Clean("/d/ren.docx");

        var (results, review, department, _) = await WriteAllAsync(clean);

        Assert.Single(results);
        Assert.Empty(review);
        Assert.Empty(department);
        Assert.Equal("", ReportRow.Of(clean).Action);
    }

    [Fact]
    public async Task Reports_JudgedFileWithNote_ResultsReasonAndDepartmentWhyAreOneText()
    {
        var noted = Results.Flagged("/d/delvis.pdf", reason: "Personnummer (regel 3)") with { StatusDetail = "2 bilagor lästes inte" };

        var (results, _, department, _) = await WriteAllAsync(noted);

        Assert.Equal("Personnummer (regel 3) (obs: 2 bilagor lästes inte)", Assert.Single(results)["reason"]);
        Assert.Equal(results[0]["reason"], Assert.Single(department)["Varför"]);
    }

    [Fact]
    public async Task Reports_BlindSpot_ResultsReasonIsTheCauseAndDepartmentWhySaysItInWords()
    {
        var (results, review, department, _) = await WriteAllAsync(Results.Blind("/d/last.pdf", ScanStatus.Encrypted, "lösenordsskyddad pdf"));

        Assert.Equal("lösenordsskyddad pdf", Assert.Single(results)["reason"]);
        Assert.Equal("lösenordsskyddad pdf", Assert.Single(review)["reason"]);
        Assert.Equal("Kunde inte läsas (lösenordsskyddad eller krypterad): lösenordsskyddad pdf", Assert.Single(department)["Varför"]);
    }

    [Fact]
    public void Of_SameResultTwice_OneRow()
    {
        var result = Results.Flagged("/d/a.pdf");

        Assert.Same(ReportRow.Of(result), ReportRow.Of(result));
        Assert.NotSame(ReportRow.Of(result), ReportRow.Of(result with { }));
    }

    [Fact]
    public void ReportColumns_EveryRowType_SameColumnsAsItsCsvHeader()
    {
        foreach (var type in ReportRowTypes.All)
        {
            var all = (System.Collections.IEnumerable)typeof(ReportColumns<>).MakeGenericType(type).GetProperty("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var names = all.Cast<object>().Select(c => (string)c.GetType().GetProperty("Name")!.GetValue(c)!);

            Assert.Equal(ReportRowTypes.Columns(type).Select(ReportRowTypes.Header), names);
        }
    }

    [Fact]
    public void ReportColumns_ColumnWithoutAJsonForm_RefusedRatherThanGuessed()
    {
        var ex = Assert.Throws<TypeInitializationException>(() => ReportColumns<RowWithDate>.All);

        Assert.IsType<NotSupportedException>(ex.InnerException);
    }

    private sealed class RowWithDate
    {
        [CsvHelper.Configuration.Attributes.Name("when"), CsvHelper.Configuration.Attributes.Index(0)]
        public DateTime When { get; init; }
    }
}
