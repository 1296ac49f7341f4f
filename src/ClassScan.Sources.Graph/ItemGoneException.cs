namespace ClassScan.Sources.Graph;

/// <summary>The item was deleted between listing and download (404): recorded as deleted, not as a failure to retry.</summary>
internal sealed class ItemGoneException() : Exception("filen finns inte längre (borttagen efter listningen)");
