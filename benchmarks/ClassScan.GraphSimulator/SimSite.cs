namespace ClassScan.GraphSimulator;

/// <summary>A SharePoint site and the indexes of its document libraries.</summary>
internal sealed record SimSite(string Id, string DisplayName, string WebUrl, List<int> Drives);
