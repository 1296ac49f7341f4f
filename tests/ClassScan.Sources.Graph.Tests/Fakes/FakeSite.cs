namespace ClassScan.Sources.Graph.Tests.Fakes;

internal sealed record FakeSite(string Id, string DisplayName, string WebUrl, IReadOnlyList<string> DriveIds);
