namespace ClassScan.Sources.Graph.Tests.Fakes;

internal sealed record FakeUser(string Id, string DisplayName, string Upn, string? DriveId);
