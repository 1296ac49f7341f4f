namespace ClassScan.State.Work;

/// <summary>A scan process as the registry knows it. <see cref="Id"/> is --node (default "host:pid"); <see cref="Lease"/> tells status how long a silent node still counts as alive.</summary>
public sealed record NodeInfo(string Id, string Host, int Pid, DateTimeOffset Started, TimeSpan Lease);
