using ClassScan.Core.Classification;
using ClassScan.Core.Scanning;

namespace ClassScan.Reporting.Tests;

/// <summary>review.csv holds blind spots and the classifier's suspicions without evidence ("granska"); neither is a flag.</summary>
public sealed class CsvReportSinkReviewTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("classscan-review-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public async Task WriteAsync_SuspicionWithoutEvidence_IsAGranskaRowButNotFlagged()
    {
        var suspected = Results.Clean("/d/anteckning.docx") with
        {
            Classification = new ClassificationResult(KlassaLevel.Intern, "Inga känsliga uppgifter", "R5+ML-1+granska")
            {
                Review = "Klassificeraren bedömer texten som nivå 3 (91 %), men ingen detektor hittade bevisning: granska manuellt",
            },
        };
        await using (var sink = new CsvReportSink(dir.FullName))
        {
            await sink.WriteAsync(suspected, CancellationToken.None);
            await sink.WriteAsync(Results.Clean("/d/ren.docx"), CancellationToken.None);
            await sink.WriteAsync(Results.Blind("/d/last.pdf"), CancellationToken.None);
            await sink.WriteAsync(Results.Flagged("/d/flagga.pdf"), CancellationToken.None);
            await sink.CompleteAsync(Results.Summary([suspected]), CancellationToken.None);
        }

        var review = CsvFile.Read(Path.Combine(dir.FullName, "review.csv")).Rows;
        var flagged = CsvFile.Read(Path.Combine(dir.FullName, "flagged.csv")).Rows;

        Assert.Equal(["/d/anteckning.docx", "/d/last.pdf"], review.Select(r => r["path"]));
        var granska = review[0];
        Assert.Equal(ReviewRow.SuspicionStatus, granska["status"]);
        Assert.StartsWith("Klassificeraren bedömer", granska["reason"], StringComparison.Ordinal);
        Assert.Equal(ReviewerText.ForSuspicion, granska["action"]);
        Assert.Equal("encrypted", review[1]["status"]);
        Assert.Equal(["/d/flagga.pdf"], flagged.Select(r => r["path"]));
    }
}
