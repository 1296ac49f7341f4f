namespace ClassScan.Core.Scanning;

/// <summary>
/// Thrown by a stream from <see cref="IDocumentSource.OpenReadAsync"/> when it reaches its end and the bytes it
/// delivered do not match the checksum the source listed for the item (a transfer corrupted on the way; Graph's
/// quickXorHash). The bytes already read are worthless, so the scan opens the item once more from the start; a
/// second mismatch makes the file's row an error with <see cref="Exception.Message"/> and "efter omförsök", so the
/// file is never reported clean on content nobody can vouch for.
/// </summary>
public sealed class ContentMismatchException(string message) : IOException(message);
