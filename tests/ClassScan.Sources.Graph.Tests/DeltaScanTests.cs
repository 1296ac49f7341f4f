using Xunit.Abstractions;
using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class DeltaScanTests(ITestOutputHelper output) : GraphTestBase
{
    private void Report(string run) =>
        output.WriteLine($"{run}: {Server.Requests.Count} requests ({Server.Count(FakeRequestKind.Delta)} delta pages, " +
            $"{Server.Count(FakeRequestKind.Content)} /content, {Server.Count(FakeRequestKind.Download)} downloads)");

    [Fact]
    public async Task Scan_ThousandsOfItemsThenEditsDeletesRenames_DeltaRunDownloadsOnlyChangedFiles()
    {
        var drive = Server.AddDrive("d1");
        var folders = Enumerable.Range(0, 40).Select(i => drive.AddFolder(null, $"Mapp {i:D2}")).ToList();
        var sub = drive.AddFolder(folders[1].Id, "Under");
        var files = Enumerable.Range(0, 2000).Select(i => drive.AddFile(i % 97 == 0 ? sub.Id : folders[i % 40].Id, $"dok{i:D4}.txt", Text(i, i % 7 == 0))).ToList();
        bool Flagged(FakeItem f) => System.Text.Encoding.UTF8.GetString(f.Content).Contains("PNR", StringComparison.Ordinal);

        // Run 1: the whole drive, across pages.
        var first = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Report("full run");

        Assert.True(first.Summary.Complete);
        Assert.Equal(2000, first.Results.Count);
        Assert.All(first.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.Equal(files.Count(Flagged), first.Results.Count(r => r.MustLeave));
        Assert.Equal((2000 + 40 + 2 + 199) / 200, Server.Count(FakeRequestKind.Delta)); // files, folders, subfolder and root
        Assert.Equal(2000, Server.Count(FakeRequestKind.Content));
        Assert.Equal(2000, Server.Count(FakeRequestKind.Download));
        Assert.All(Server.Requests.Where(r => r.Kind == FakeRequestKind.Content), r => Assert.True(r.HasAuthorization));
        Assert.All(Server.Requests.Where(r => r.Kind == FakeRequestKind.Download), r => Assert.False(r.HasAuthorization, "the bearer token reached the download host"));
        Assert.All(Server.Requests, r => Assert.StartsWith("NONISV|Testkommun|ClassScan/", r.UserAgent));
        Assert.Equal(files.Count(Flagged), first.Changes.Count(c => c.Kind == FlagChangeKind.NewlyFlagged));
        var sample = first.Results.First(r => r.Item.Name == "dok0007.txt");
        Assert.Equal("Dokument/Mapp 07/dok0007.txt", sample.Item.Path);
        Assert.Equal("Anna Berg", sample.Item.LastModifiedBy);
        Assert.EndsWith("/Mapp 07/dok0007.txt", sample.Item.WebUrl);

        // Between runs: edits, an item edited twice, an edit then a delete, renames, a moved folder, deletes, new files.
        var newlyFlagged = files[3];          // 3 % 7 != 0: gains a personnummer
        var cleaned = files[14];              // flagged, loses it
        var editedTwice = files[15];
        var editedThenDeleted = files[21];    // flagged
        var renamed = files[28];              // flagged, renamed only: no download
        var deletedFlagged = files[35];
        var deletedPlain = files[36];
        var deletedFolder = folders[2];       // holds flagged files, e.g. dok0042
        var renamedFolder = folders[7];
        drive.Edit(newlyFlagged.Id, Text(3, true));
        drive.Edit(cleaned.Id, Text(14, false));
        drive.Edit(editedTwice.Id, "första ändringen");
        drive.Edit(editedTwice.Id, "andra ändringen");
        drive.Edit(editedThenDeleted.Id, Text(21, true) + " ändrad");
        drive.Delete(editedThenDeleted.Id);
        drive.Rename(renamed.Id, "omdöpt.txt");
        drive.Rename(renamedFolder.Id, "Mapp sju");
        drive.Delete(deletedFlagged.Id);
        drive.Delete(deletedPlain.Id);
        var inDeletedFolder = files.Where(f => f.ParentId == deletedFolder.Id).ToList();
        drive.Delete(deletedFolder.Id);
        var added = drive.AddFile(folders[3].Id, "ny.txt", Text(9000, true));
        var addedPlain = drive.AddFile(null, "ny2.txt", Text(9001, false));
        Server.ResetLog();

        var second = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Report("delta run");

        Assert.True(second.Summary.Complete);
        Assert.Equal(1, Server.Count(FakeRequestKind.Delta));
        string[] changed = [newlyFlagged.Id, cleaned.Id, editedTwice.Id, added.Id, addedPlain.Id];
        Assert.Equal(changed.Order(), Server.Requests.Where(r => r.Kind == FakeRequestKind.Content).Select(r => r.ItemId!).Order());
        Assert.Equal(5, second.Results.Count);
        Assert.Equal(1, second.Run.Unchanged); // the renamed file: in the feed, same cTag

        var changes = second.Changes;
        FlagChange Change(string name) => Assert.Single(changes, c => c.Path.EndsWith("/" + name, StringComparison.Ordinal));
        Assert.Equal((FlagChangeKind.NewlyFlagged, "changed"), (Change("dok0003.txt").Kind, Change("dok0003.txt").Why));
        Assert.Equal((FlagChangeKind.NewlyFlagged, "new"), (Change("ny.txt").Kind, Change("ny.txt").Why));
        Assert.Equal("Bo Ek", Change("dok0003.txt").LastModifiedBy);
        Assert.NotNull(Change("ny.txt").WebUrl);
        Assert.Equal((FlagChangeKind.NoLongerFlagged, "cleaned"), (Change("dok0014.txt").Kind, Change("dok0014.txt").Why));
        Assert.Equal((FlagChangeKind.NoLongerFlagged, "deleted"), (Change("dok0021.txt").Kind, Change("dok0021.txt").Why));
        Assert.Equal((FlagChangeKind.NoLongerFlagged, "deleted"), (Change("dok0035.txt").Kind, Change("dok0035.txt").Why));
        foreach (var f in inDeletedFolder.Where(Flagged))
            Assert.Equal((FlagChangeKind.NoLongerFlagged, "deleted"), (Change(f.Name).Kind, Change(f.Name).Why));
        Assert.Equal((FlagChangeKind.StillFlagged, "renamed"), (Change("omdöpt.txt").Kind, Change("omdöpt.txt").Why));
        Assert.EndsWith("/dok0028.txt", Change("omdöpt.txt").PreviousPath);
        var inRenamedFolder = files.Where(f => f.ParentId == renamedFolder.Id && Flagged(f)).ToList();
        Assert.NotEmpty(inRenamedFolder);
        foreach (var f in inRenamedFolder)
        {
            var c = Change(f.Name);
            Assert.Equal(("renamed", "Dokument/Mapp sju/" + f.Name), (c.Why, c.Path));
            Assert.Contains("/Mapp sju/", c.WebUrl);
        }
        var stillFlagged = drive.Files().Where(Flagged).Select(f => f.Id).ToHashSet();
        Assert.Equal(stillFlagged.Count, changes.Count(c => c.Kind != FlagChangeKind.NoLongerFlagged));
        Assert.DoesNotContain(changes, c => c.Path.EndsWith("dok0036.txt", StringComparison.Ordinal));

        var csv = File.ReadAllLines(Path.Combine(OutDir, "changes.csv"));
        Assert.StartsWith("\uFEFFchange;why;path;level;previous_level;reason;detail;web_url;last_modified_by", File.ReadAllText(Path.Combine(OutDir, "changes.csv")));
        Assert.Equal(changes.Count + 1, csv.Length);
        Assert.StartsWith("newly-flagged;", csv[1]);

        // Run 3: nothing changed: one delta request, no downloads, everything still flagged.
        Server.ResetLog();
        var third = await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));
        Report("unchanged run");
        Assert.Equal(1, Server.Count(FakeRequestKind.Delta));
        Assert.Equal(0, Server.Count(FakeRequestKind.Content));
        Assert.Empty(third.Results);
        Assert.All(third.Changes, c => Assert.Equal((FlagChangeKind.StillFlagged, "unchanged"), (c.Kind, c.Why)));
        Assert.Equal(stillFlagged.Count, third.Changes.Count);
    }
}
