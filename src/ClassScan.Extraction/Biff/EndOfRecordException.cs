namespace ClassScan.Extraction.Biff;

/// <summary>
/// A BIFF structure claims more bytes than its record (and continuations) hold. Thrown by the record readers and
/// caught by the workbook readers, which keep what was read before the damage; never leaves this folder.
/// </summary>
internal sealed class EndOfRecordException() : Exception("BIFF record ended early");
