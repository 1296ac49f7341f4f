namespace ClassScan.Sources.Graph.Tests.Fakes;

internal enum FakeRequestKind
{
    Delta,
    Content,
    Download,
    Drive,
    Site,
    SiteDrives,
    AllSites,
    Users,
    UserDrive,
    Unknown,
}
