using System.Xml.Linq;

namespace ClassScan.Cli.Tests;

/// <summary>
/// rapport.html's "since last run" and changes.csv come from one list (the state's previous-run query): through the
/// real binary, a file renamed between two nights is a move in both, never new in one and gone in the other.
/// </summary>
public sealed class RapportChangesTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("classscan-rapport-changes-");

    public void Dispose() => work.Delete(recursive: true);

    private string In => Path.Combine(work.FullName, "in");
    private string Out => Path.Combine(work.FullName, "out");

    private void WriteInput()
    {
        Directory.CreateDirectory(In);
        File.WriteAllText(Path.Combine(In, "elevlista 19121212-1212.txt"), "Elevlista\nElsa Berg 19121212-1212\n");
        File.WriteAllText(Path.Combine(In, "lonelista.txt"), "Lön för Oskar Lind 121212+1212\n");
        File.WriteAllText(Path.Combine(In, "veckobrev.txt"), "Hej! På fredag är det friluftsdag.");
    }

    /// <summary>The files rapport.html lists under one heading of its change section ("Nya flaggor", ...), with the
    /// count in the heading.</summary>
    private static (int Count, List<(string Path, string Why)> Files) Listed(XDocument rapport, string heading)
    {
        var section = rapport.Descendants("section").Single(s => (string?)s.Attribute("id") == "forandring");
        var h3 = section.Elements("h3").Single(h => h.Value.StartsWith(heading + " (", StringComparison.Ordinal));
        var count = int.Parse(h3.Value[(heading.Length + 2)..^1], System.Globalization.CultureInfo.InvariantCulture);
        var table = h3.ElementsAfterSelf().TakeWhile(e => e.Name != "h3").FirstOrDefault(e => e.Name == "table");
        var files = table?.Descendants("tbody").Single().Elements("tr").Select(tr => tr.Elements("td").ToArray()).Select(td => (td[0].Value, td[3].Value)).ToList() ?? [];
        return (count, files);
    }

    [Fact]
    public async Task Scan_FlaggedFileRenamedBetweenRuns_ChangesCsvAndRapportBothSayMoved()
    {
        WriteInput();
        var first = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--in-process");
        Assert.True(first.ExitCode == 1, first.StdErr);
        File.Move(Path.Combine(In, "elevlista 19121212-1212.txt"), Path.Combine(In, "klass 7B 19121212-1212.txt"));

        var second = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--in-process");

        Assert.True(second.ExitCode == 1, second.StdErr);
        var changes = ReportReader.Read(Path.Combine(Out, "changes.csv"));
        var movedIn = Assert.Single(changes, c => c["change"] == "newly-flagged");
        Assert.Equal("moved-in", movedIn["why"]);
        Assert.EndsWith("klass 7B 19121212-****.txt", movedIn["path"]);
        Assert.EndsWith("elevlista 19121212-****.txt", movedIn["previous_path"]);
        Assert.Equal("moved", Assert.Single(changes, c => c["change"] == "no-longer-flagged")["why"]);
        Assert.Equal("unchanged", Assert.Single(changes, c => c["change"] == "still-flagged")["why"]);

        var rapport = ReviewOutput.AssertRapport(Out);
        var moved = Listed(rapport, "Flyttade eller omdöpta");
        Assert.Equal(1, moved.Count);
        var (path, why) = Assert.Single(moved.Files);
        Assert.Equal(movedIn["path"], path);
        Assert.Equal(movedIn["detail"], why);
        Assert.Equal(0, Listed(rapport, "Nya flaggor").Count);
        Assert.Empty(Listed(rapport, "Nya flaggor").Files);
        Assert.Equal(0, Listed(rapport, "Inte längre flaggade").Count);
        Assert.Empty(Listed(rapport, "Inte längre flaggade").Files);
        OutputPrivacy.AssertFolderClean(Out);
    }

    [Fact]
    public async Task Scan_FlaggedFileDeletedAndNewOneAdded_RapportCountsMatchChangesCsv()
    {
        WriteInput();
        var first = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--in-process");
        Assert.True(first.ExitCode == 1, first.StdErr);
        File.Delete(Path.Combine(In, "elevlista 19121212-1212.txt"));
        File.WriteAllText(Path.Combine(In, "lonelista.txt"), "Lönelistan är flyttad till HR-systemet.");
        File.WriteAllText(Path.Combine(In, "klasslista.txt"), "Klasslista\nTolvan Tolvansson 19121212-1212\nÅk 7\n");

        var second = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--in-process");

        Assert.True(second.ExitCode == 1, second.StdErr);
        var changes = ReportReader.Read(Path.Combine(Out, "changes.csv"));
        Assert.Equal(["newly-flagged/new", "no-longer-flagged/cleaned", "no-longer-flagged/deleted"],
            changes.Select(c => c["change"] + "/" + c["why"]).Order(StringComparer.Ordinal));
        var rapport = ReviewOutput.AssertRapport(Out);
        var newly = Listed(rapport, "Nya flaggor");
        Assert.Equal(changes.Where(c => c["change"] == "newly-flagged").Select(c => c["path"]), newly.Files.Select(f => f.Path));
        var resolved = Listed(rapport, "Inte längre flaggade");
        Assert.Equal(2, resolved.Count);
        Assert.Equal(changes.Where(c => c["change"] == "no-longer-flagged").Select(c => c["path"]).Order(StringComparer.Ordinal),
            resolved.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.Equal(0, Listed(rapport, "Flyttade eller omdöpta").Count);
    }

    [Fact]
    public async Task Scan_NoStateTwice_RapportSaysNoComparisonAndNoChangesCsv()
    {
        WriteInput();
        await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--in-process", "--no-state");
        File.Move(Path.Combine(In, "elevlista 19121212-1212.txt"), Path.Combine(In, "klass 7B 19121212-1212.txt"));

        var second = await CliRunner.RunAsync("scan", In, "--out", Out, "--no-model", "--in-process", "--no-state");

        Assert.True(second.ExitCode == 1, second.StdErr);
        Assert.False(File.Exists(Path.Combine(Out, "changes.csv")));
        var section = ReviewOutput.AssertRapport(Out).Descendants("section").Single(s => (string?)s.Attribute("id") == "forandring").Value;
        Assert.Contains("Ingen jämförelse", section);
        Assert.DoesNotContain("Nya flaggor", section);
        Assert.DoesNotContain("elevlista", section);
    }
}
