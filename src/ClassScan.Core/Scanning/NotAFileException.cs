namespace ClassScan.Core.Scanning;

/// <summary>
/// Thrown by <see cref="IDocumentSource.OpenReadAsync"/> for an entry that turned out at open time to be no regular
/// file (a named pipe, socket or device that replaced a file after listing): it is never read. The scan reports
/// it as unsupported with <see cref="Exception.Message"/> as the reason. An I/O race, so an exception like the
/// other open failures of a source.
/// </summary>
public sealed class NotAFileException(string message) : IOException(message);
