using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class RequestHeaderTests : GraphTestBase
{
    [Fact]
    public async Task Scan_EveryKindOfRequest_SaysWhoCallsInTheUserAgent()
    {
        var library = Server.AddDrive("lib1");
        var corrupt = library.AddFile(null, "a.txt", Text(1, true));
        var onedrive = Server.AddDrive("od1", "OneDrive");
        onedrive.DriveType = "business";
        onedrive.AddFile(null, "b.txt", Text(2, false));
        Server.Sites.Add(new FakeSite("contoso.example,1,2", "Skola", "https://contoso.example/sites/skola", ["lib1"]));
        Server.Users.Add(new FakeUser("u1", "Anna Berg", "anna@contoso.example", "od1"));
        Server.Fault = r => r is { Kind: FakeRequestKind.Download, Attempt: 1 } && r.ItemId == corrupt.Id ? FakeFault.Corrupt : null;

        await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { Sites = ["https://contoso.example/sites/skola"], AllOneDrives = true, Drives = ["od1"] });

        var kinds = Server.Requests.Select(r => r.Kind).ToHashSet();
        Assert.Superset(new HashSet<FakeRequestKind> { FakeRequestKind.Site, FakeRequestKind.SiteDrives, FakeRequestKind.Drive, FakeRequestKind.UsersDelta,
            FakeRequestKind.UserDrive, FakeRequestKind.Delta, FakeRequestKind.Content, FakeRequestKind.Download, FakeRequestKind.Item }, kinds);
        Assert.All(Server.Requests, r => Assert.Matches(@"^NONISV\|Testkommun\|ClassScan/\d+\.\d+\.\d+$", r.UserAgent));
    }

    [Fact]
    public async Task Delta_NoPermissionScanningPreferValues()
    {
        Server.AddDrive("d1").AddFile(null, "a.txt", Text(1, false));

        await ScanHarness.GraphAsync(Server, Work.FullName, Drive("d1"));

        // deltashowsharingchanges and its companions are for permission scanning (Sites.FullControl.All); see DeltaQuery.
        var delta = Assert.Single(Server.Requests, r => r.Kind == FakeRequestKind.Delta);
        Assert.Equal("", delta.Prefer);
    }
}
