using System.Text;
using ClassScan.Core.Privacy;
using ClassScan.TestSupport.Documents;

namespace ClassScan.Cli.Tests;

/// <summary>
/// Staff name files and folders after the person ("19121212-1212 Anna utredning.docx"). The reports go to every
/// förvaltning and end up in M365, so every output masks the number in names as evidence does, and names the file by
/// its report id instead; <c>classscan show ID</c> gives the full path back, on the scanner host only.
/// </summary>
public sealed class FileNamePrivacyTests : IDisposable
{
    private const string Pnr = "19121212-1212";   // Skatteverket's test number (Tolvan Tolvansson)
    private const string Pnr2 = "190905271474";    // another valid test number, written as in a register export

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-filenames-");

    public void Dispose() => work.Delete(recursive: true);

    private string In => Path.Combine(work.FullName, "in");

    private string Out => Path.Combine(work.FullName, "out");

    private void WriteFiles()
    {
        var folder = Path.Combine(In, $"Elevakter/{Pnr} Tolvan");
        TestDocuments.Write(folder, $"{Pnr} Anna utredning.docx", TestDocuments.Docx($"Utredning om Tolvan, personnummer {Pnr}. Diagnos: diabetes typ 1."));
        TestDocuments.Write(folder, $"Beslut_{Pnr2}.txt", Encoding.UTF8.GetBytes("Beslut om skolskjuts. Inga personuppgifter i texten."));
        TestDocuments.Write(folder, $"{Pnr} trasig.docx", Encoding.ASCII.GetBytes("PK\u0003\u0004 trasig"));
        TestDocuments.Write(In, "Protokoll 20231105-1430.txt", Encoding.UTF8.GetBytes("Protokoll från nämndens sammanträde."));
    }

    [Fact]
    public async Task Scan_PersonnummerInFileAndFolderNames_NoOutputHoldsThemAndShowResolvesTheId()
    {
        WriteFiles();

        var run = await CliRunner.RunAsync("scan", In, "--out", Out, "--parallelism", "2", "--no-model");

        Assert.True(run.ExitCode == ExitCodes.FilesMustLeave, run.StdErr + run.StdOut);
        OutputPrivacy.AssertFolderClean(Out);
        OutputPrivacy.AssertNoFullPersonnummer("stdout", run.StdOut);
        OutputPrivacy.AssertNoFullPersonnummer("stderr", run.StdErr);
        var rows = ReportReader.Read(Path.Combine(Out, "results.csv"));
        Assert.Equal(4, rows.Count);
        var flagged = Assert.Single(rows, r => r["must_leave"] == "true");
        Assert.EndsWith("Elevakter/19121212-**** Tolvan/19121212-**** Anna utredning.docx", flagged["path"]);
        Assert.Contains(rows, r => r["path"].EndsWith("Beslut_19090527-****.txt", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["path"].EndsWith("Protokoll 20231105-1430.txt", StringComparison.Ordinal)); // a date and a time stay as written
        Assert.All(rows, r => Assert.True(ReportIdentity.IsWellFormed(r["id"]), r["id"]));
        Assert.Equal(4, rows.Select(r => r["id"]).Distinct().Count());
        var review = Assert.Single(ReportReader.Read(Path.Combine(Out, "review.csv")));
        Assert.EndsWith("19121212-**** trasig.docx", review["path"]);
        Assert.Equal(rows.Single(r => r["path"] == review["path"])["id"], review["id"]);

        var show = await CliRunner.RunAsync("show", flagged["id"], "--out", Out);

        Assert.True(show.ExitCode == 0, show.StdErr);
        Assert.Contains(Path.Combine(In, $"Elevakter/{Pnr} Tolvan/{Pnr} Anna utredning.docx"), show.StdOut);
        Assert.Contains("nivå 3", show.StdOut);
    }

    [Fact]
    public async Task Scan_SecondRunAndRename_SameIdsAndChangesMasked()
    {
        WriteFiles();
        var first = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model");
        Assert.True(first.ExitCode == ExitCodes.FilesMustLeave, first.StdErr);
        var before = ReportReader.Read(Path.Combine(Out, "results.csv")).ToDictionary(r => r["path"], r => r["id"]);
        var folder = Path.Combine(In, $"Elevakter/{Pnr} Tolvan");
        File.Move(Path.Combine(folder, $"{Pnr} Anna utredning.docx"), Path.Combine(folder, $"{Pnr} Anna utredning v2.docx"));

        var second = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model");

        Assert.True(second.ExitCode == ExitCodes.FilesMustLeave, second.StdErr);
        OutputPrivacy.AssertFolderClean(Out);
        var after = ReportReader.Read(Path.Combine(Out, "results.csv")).ToDictionary(r => r["path"], r => r["id"]);
        // Unchanged files keep their ids from night to night (carried from the state, not read again).
        foreach (var (path, id) in before.Where(b => !b.Key.Contains("Anna", StringComparison.Ordinal))) Assert.Equal(id, after[path]);
        var changes = ReportReader.Read(Path.Combine(Out, "changes.csv"));
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.True(ReportIdentity.IsWellFormed(c["id"]), c["id"]));
        Assert.All(changes, c => Assert.DoesNotContain("1212 ", c["path"] + c["previous_path"] + c["detail"] + c["scope"], StringComparison.Ordinal));
        Assert.Contains(changes, c => c["path"].EndsWith("19121212-**** Anna utredning v2.docx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Show_RunWithoutState_SaysWhyItCannotResolve()
    {
        WriteFiles();
        var scan = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--no-state");
        Assert.True(scan.ExitCode == ExitCodes.FilesMustLeave, scan.StdErr);
        OutputPrivacy.AssertFolderClean(Out);
        var id = ReportReader.Read(Path.Combine(Out, "results.csv"))[0]["id"];
        Assert.True(ReportIdentity.IsWellFormed(id), id);

        var show = await CliRunner.RunAsync("show", id, "--out", Out);

        Assert.Equal(ExitCodes.UsageError, show.ExitCode);
        Assert.Contains("--no-state", show.StdErr);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("19121212-1212")]
    public async Task Show_NotAnId_UsageErrorWithoutEchoingANumber(string text)
    {
        var show = await CliRunner.RunAsync("show", text, "--out", Out);

        Assert.Equal(ExitCodes.UsageError, show.ExitCode);
        OutputPrivacy.AssertNoFullPersonnummer("stderr", show.StdErr);
    }

    [Fact]
    public async Task Show_UnknownId_NotFound()
    {
        WriteFiles();
        await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model");

        var show = await CliRunner.RunAsync("show", "f0000000000zz", "--out", Out);

        Assert.Equal(ExitCodes.NotFound, show.ExitCode);
        Assert.Contains("finns inte", show.StdErr);
    }
}
