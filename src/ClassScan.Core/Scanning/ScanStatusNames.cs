namespace ClassScan.Core.Scanning;

/// <summary>The status words used in reports (stable, documented in the README).</summary>
public static class ScanStatusNames
{
    public static string ToReportName(this ScanStatus status) => status switch
    {
        ScanStatus.Ok => "ok",
        ScanStatus.NoText => "no-text",
        ScanStatus.Encrypted => "encrypted",
        ScanStatus.Unsupported => "unsupported",
        _ => "error",
    };
}
