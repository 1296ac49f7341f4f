namespace ClassScan.Sources.Graph.Tests.Fakes;

internal enum FakeRequestKind
{
    Delta,
    Content,
    Download,
    Drive,
    /// <summary>GET /drives/{d}/items/{i} (one item's metadata).</summary>
    Item,
    Site,
    SiteDrives,
    AllSites,
    Users,
    /// <summary>GET /users/delta (and its nextLink/deltaLink).</summary>
    UsersDelta,
    UserDrive,
    Unknown,
}
