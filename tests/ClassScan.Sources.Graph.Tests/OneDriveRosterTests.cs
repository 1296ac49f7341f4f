using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class OneDriveRosterTests : GraphTestBase
{
    private static readonly GraphScanTargets AllOneDrives = new() { AllOneDrives = true };

    private void Users(int count, int withoutDrive = 0)
    {
        Server.PageSize = 40;
        for (var i = 0; i < count; i++)
        {
            string? driveId = null;
            if (i >= withoutDrive)
            {
                var d = Server.AddDrive($"od{i:D3}", "OneDrive");
                d.DriveType = "business";
                d.AddFile(null, $"fil{i:D3}.txt", Text(i, i % 10 == 0));
                driveId = d.Id;
            }
            Server.ChangeUser(new FakeUser($"u{i:D3}", $"Person {i:D3}", $"p{i}@contoso.example", driveId));
        }
    }

    [Fact]
    public async Task SecondNight_NothingChanged_OneUsersDeltaRequestAndNoDriveLookups()
    {
        Users(100);
        var first = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);
        Assert.Equal(100, first.Results.Count);
        Assert.Equal(3, Server.Count(FakeRequestKind.UsersDelta)); // 100 users, 40 a page
        Assert.Equal(100, Server.Count(FakeRequestKind.UserDrive));
        Server.ResetLog();

        var second = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);

        Assert.Equal(1, Server.Count(FakeRequestKind.UsersDelta));
        Assert.Contains("token=", Server.Requests.Single(r => r.Kind == FakeRequestKind.UsersDelta).PathAndQuery);
        Assert.Equal(0, Server.Count(FakeRequestKind.UserDrive));
        Assert.Equal(0, Server.Count(FakeRequestKind.Users));
        Assert.Equal(100, Server.Count(FakeRequestKind.Delta)); // every known OneDrive is still crawled, from its delta link
        Assert.Empty(second.Results);
        Assert.Equal(10, second.Changes.Count(c => c.Kind == FlagChangeKind.StillFlagged));
    }

    [Fact]
    public async Task NextNight_UserAddedRenamedRemoved_OnlyThoseAskedAbout()
    {
        Users(30);
        await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);
        var added = Server.AddDrive("odny", "OneDrive");
        added.AddFile(null, "ny.txt", Text(1, true));
        Server.ChangeUser(new FakeUser("unew", "Ny Person", "ny@contoso.example", "odny"));
        Server.ChangeUser(new FakeUser("u005", "Omdöpt Person", "p5@contoso.example", "od005"));
        Server.RemoveUser("u010"); // her drive holds a flagged file
        Server.ResetLog();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);

        Assert.Equal(["u005", "unew"], Server.Requests.Where(r => r.Kind == FakeRequestKind.UserDrive).Select(r => r.PathAndQuery.Split('/')[3]).Order());
        var crawled = Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).Select(r => r.DriveId).ToHashSet();
        Assert.Contains("odny", crawled);
        Assert.DoesNotContain("od010", crawled); // a removed user's drive is no longer scanned
        Assert.Equal(30, crawled.Count);
        Assert.Equal("OneDrive Ny Person/ny.txt", Assert.Single(run.Results).Item.Path);
    }

    [Fact]
    public async Task UserWithoutOneDrive_AskedAgainUntilItHasOne()
    {
        Users(5, withoutDrive: 1);
        await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);
        // u000 signs in for the first time: OneDrive is made, but no users-delta property changes.
        var late = Server.AddDrive("odsen", "OneDrive");
        late.AddFile(null, "sen.txt", Text(1, false));
        Server.Users[Server.Users.FindIndex(u => u.Id == "u000")] = new FakeUser("u000", "Person 000", "p0@contoso.example", "odsen");
        Server.ResetLog();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);

        Assert.Equal(["/v1.0/users/u000/drive"], Server.Requests.Where(r => r.Kind == FakeRequestKind.UserDrive).Select(r => r.PathAndQuery));
        Assert.Equal("OneDrive Person 000/sen.txt", Assert.Single(run.Results).Item.Path);

        Server.ResetLog();
        await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);
        Assert.Equal(0, Server.Count(FakeRequestKind.UserDrive)); // found: not asked again
    }

    [Fact]
    public async Task StaleUsersDeltaLink_410_ListsEveryoneAgainAndDropsTheMissing()
    {
        Users(10);
        await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);
        lock (Server.Users) Server.Users.RemoveAll(u => u.Id == "u003"); // gone without a trace in the log
        Server.MinValidUsersToken = long.MaxValue;
        Server.ResetLog();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);

        Assert.Equal([410, 200], Server.Requests.Where(r => r.Kind == FakeRequestKind.UsersDelta).Select(r => r.Status));
        Assert.DoesNotContain("od003", Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).Select(r => r.DriveId));
        Assert.Equal(9, Server.Count(FakeRequestKind.Delta));
        Assert.True(run.Summary.Complete);
    }

    [Fact]
    public async Task UsersDeltaFails_YesterdaysDrivesScannedAndAnErrorRow()
    {
        Users(4);
        await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);
        Server.Fault = r => r.Kind == FakeRequestKind.UsersDelta ? FakeFault.Unavailable() : null;
        Server.ResetLog();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);

        Assert.Equal(4, Server.Count(FakeRequestKind.Delta, successfulOnly: true));
        Assert.Contains("användarändringarna kunde inte läsas", Assert.Single(run.Results, r => r.Status == ScanStatus.Error).StatusDetail);
    }

    [Fact]
    public async Task NoUsersDeltaOnTheServer_EveryUserListedAsWithoutAState()
    {
        Users(3);
        Server.UsersDeltaSupported = false;

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, AllOneDrives);

        Assert.Equal(3, run.Results.Count);
        Assert.All(run.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
        Assert.Equal(1, Server.Count(FakeRequestKind.Users));
        Assert.Equal(3, Server.Count(FakeRequestKind.UserDrive));
    }
}
