using ClassScan.Sources.Graph.Tests.Fakes;

namespace ClassScan.Sources.Graph.Tests;

/// <summary>Sites of social services, schools and HR first (URL globs), on one node as on several.</summary>
public sealed class SitePriorityTests : GraphTestBase
{
    [Theory]
    [InlineData("https://kommun.sharepoint.com/sites/socialtjanst/Delade dokument", 0)]
    [InlineData("https://kommun.sharepoint.com/sites/IFO-individochfamilj/Dokument", 1)]
    [InlineData("https://kommun.sharepoint.com/sites/aldreomsorg/Dokument", 2)]
    [InlineData("https://kommun.sharepoint.com/sites/elevh%C3%A4lsa/Dokument", 5)]
    [InlineData("https://kommun.sharepoint.com/sites/Grundskola-Norr/Dokument", 6)]
    [InlineData("https://kommun.sharepoint.com/sites/HR/Dokument", 9)]
    [InlineData("https://kommun.sharepoint.com/sites/personalavdelningen/Dokument", 10)]
    public void Of_SensitiveSite_ItsGlobsRank(string url, int priority) =>
        Assert.Equal(priority, new SitePriorities(null).Of(url));

    [Theory]
    [InlineData("https://kommun.sharepoint.com/sites/kommunikation/Dokument")]
    [InlineData("https://kommun.sharepoint.com/sites/gatukontoret/Dokument")]
    [InlineData("https://kommun-my.sharepoint.com/personal/anna_kommun_se/Documents")] // a OneDrive: /personal/ is not /sites/*personal*
    [InlineData("https://kommun.sharepoint.com/Delade dokument/skola")]                 // "skola" in a folder of the root site, not a site name
    [InlineData(null)]
    public void Of_OtherDrive_AfterEveryGlob(string? url) =>
        Assert.Equal(SitePriorities.Defaults.Count, new SitePriorities(null).Of(url));

    [Fact]
    public void Of_ConfiguredGlobs_ReplaceTheDefaults()
    {
        var priorities = new SitePriorities(["*/sites/ekonomi*"]);

        Assert.Equal((0, 1), (priorities.Of("https://k.sharepoint.com/sites/ekonomi/Dokument"), priorities.Of("https://k.sharepoint.com/sites/socialtjanst/Dokument")));
    }

    [Fact]
    public async Task Scan_SocialServicesDriveListedLast_IsScannedFirst()
    {
        var plain = Server.AddDrive("d-gata", "Gata");
        plain.AddFile(null, "plan.txt", Text(1, flagged: false));
        var social = new FakeDrive("d-soc", "Dokument", "https://contoso.example/sites/socialtjanst/Delade dokument");
        Server.Drives[social.Id] = social;
        social.AddFile(null, "utredning.txt", Text(2, flagged: true));

        var outcome = await ScanHarness.GraphAsync(Server, Work.FullName, new GraphScanTargets { Drives = ["d-gata", "d-soc"] });

        Assert.Equal(2, outcome.Results.Count);
        Assert.Equal(["d-soc", "d-gata"], Server.Requests.Where(r => r.Kind == FakeRequestKind.Delta).Select(r => r.DriveId!).Distinct());
    }
}
