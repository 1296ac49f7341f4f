using ClassScan.Core.Scanning;
using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

public sealed class TargetResolutionTests : GraphTestBase
{
    private void Tenant()
    {
        Server.AddDrive("lib1", "Dokument").AddFile(null, "a.txt", Text(1, true));
        Server.AddDrive("lib2", "Protokoll").AddFile(null, "b.txt", Text(2, false));
        var onedrive = Server.AddDrive("od1", "OneDrive");
        onedrive.DriveType = "business";
        onedrive.OwnerName = "Anna Berg";
        onedrive.AddFile(null, "c.txt", Text(3, true));
        Server.Sites.Add(new FakeSite("contoso.example,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222", "Skola",
            "https://contoso.example/sites/skola", ["lib1", "lib2"]));
        Server.Sites.Add(new FakeSite("contoso-my.example,3,4", "Anna Berg", "https://contoso-my.sharepoint.example/personal/anna", ["od1"]));
        Server.Users.Add(new FakeUser("u1", "Anna Berg", "anna@contoso.example", "od1"));
        Server.Users.Add(new FakeUser("u2", "Utan Licens", "nolicense@contoso.example", null));
    }

    [Theory]
    [InlineData("https://contoso.example/sites/skola")]
    [InlineData("contoso.example,11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222")]
    public async Task Site_ByUrlOrId_ScansItsDocumentLibraries(string site)
    {
        Tenant();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { Sites = [site] });

        Assert.Equal(["Skola/Dokument/a.txt", "Skola/Protokoll/b.txt"], run.Results.Select(r => r.Item.Path).Order());
    }

    [Fact]
    public async Task AllSitesAndAllOneDrives_PersonalSitesOnlyOnceUsersWithoutDriveSkipped()
    {
        Tenant();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { AllSites = true, AllOneDrives = true });

        Assert.Equal(["OneDrive Anna Berg/c.txt", "Skola/Dokument/a.txt", "Skola/Protokoll/b.txt"], run.Results.Select(r => r.Item.Path).Order());
        Assert.All(run.Results, r => Assert.Equal(ScanStatus.Ok, r.Status));
    }

    [Fact]
    public async Task MissingSite_ErrorRowAndTheRestScanned()
    {
        Tenant();

        var run = await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { Sites = ["https://contoso.example/sites/finns-inte"], Drives = ["lib1"] });

        Assert.Equal(2, run.Results.Count);
        Assert.Contains("404", Assert.Single(run.Results, r => r.Status == ScanStatus.Error).StatusDetail);
    }
}
