namespace ClassScan.Pipeline;

/// <summary>The file is larger than <c>MaxFileBytes</c>; it is reported, not read.</summary>
public sealed class FileTooLargeException(long size, long max)
    : Exception($"gräns MaxFileBytes: filen är {size / (1024 * 1024):N0} MB, högst {max / (1024 * 1024):N0} MB läses");
