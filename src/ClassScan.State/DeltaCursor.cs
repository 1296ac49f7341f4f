namespace ClassScan.State;

/// <summary>
/// Where a drive's delta crawl stands. <see cref="DeltaLink"/> is committed only once every item of the feed
/// that produced it has a verdict; until then a feed in progress is described by the Feed* values, so a
/// killed run resumes from the page it reached (<see cref="FeedNext"/>) or from the staged, complete feed
/// (<see cref="FeedFinal"/>).
/// </summary>
public sealed record DeltaCursor(string Scope, string? DeltaLink, string? FeedNext, string? FeedFinal, bool FeedFull, bool FeedStarted);
