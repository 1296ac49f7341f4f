namespace ClassScan.Core.Scanning;

/// <summary>Outcome of reading one file. Anything but <see cref="Ok"/> is a blind spot a person must look at.</summary>
public enum ScanStatus
{
    /// <summary>Read and judged.</summary>
    Ok,
    /// <summary>Read, but no text layer (scanned PDF, image-only): content unknown.</summary>
    NoText,
    /// <summary>Password-protected or encrypted.</summary>
    Encrypted,
    /// <summary>A format we do not extract.</summary>
    Unsupported,
    /// <summary>Corrupt, truncated, unreadable, timed out or over a limit.</summary>
    Error,
}
