namespace ClassScan.GraphSimulator;

/// <summary>A user with a OneDrive (the index of its drive).</summary>
internal sealed record SimUser(string Id, string DisplayName, string Upn, int Drive);
