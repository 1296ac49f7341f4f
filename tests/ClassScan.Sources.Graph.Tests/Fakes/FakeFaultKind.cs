namespace ClassScan.Sources.Graph.Tests.Fakes;

internal enum FakeFaultKind
{
    /// <summary>Answer with an error status (and Retry-After when given).</summary>
    Status,
    /// <summary>Drop the connection before answering.</summary>
    Reset,
    /// <summary>Send the headers and half the body (download or delta page), then drop the connection.</summary>
    Truncate,
    /// <summary>Send a download's whole body with one byte changed, as a transfer corrupted on the way.</summary>
    Corrupt,
}
