using ClassScan.Core.Documents;

namespace ClassScan.Extraction.Internal;

/// <summary>Checks and reads the input stream within <see cref="ExtractionLimits.MaxFileBytes"/>.</summary>
internal static class InputGuard
{
    /// <summary>Stops the extraction when the stream is larger than the limit; rewinds it to the start.</summary>
    public static void CheckSize(Stream content, ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek)
        {
            if (content.Length > limits.MaxFileBytes) ThrowTooLarge(limits);
            content.Position = 0;
        }
    }

    /// <summary>Reads the whole stream into memory, failing once it passes the limit.</summary>
    public static byte[] ReadAll(Stream content, ExtractionLimits limits, CancellationToken ct)
    {
        CheckSize(content, limits);
        var capacity = content.CanSeek ? (int)Math.Min(content.Length, int.MaxValue) : 0;
        using var ms = new MemoryStream(capacity);
        var buffer = new byte[81920];
        int n;
        while ((n = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            if (ms.Length + n > limits.MaxFileBytes) ThrowTooLarge(limits);
            ms.Write(buffer, 0, n);
        }
        return ms.Length == ms.Capacity ? ms.GetBuffer() : ms.ToArray();
    }

    private static void ThrowTooLarge(ExtractionLimits limits) =>
        throw ExtractionStop.Limit(nameof(ExtractionLimits.MaxFileBytes),
            $"file larger than {limits.MaxFileBytes:N0} bytes (MaxFileBytes)");
}
