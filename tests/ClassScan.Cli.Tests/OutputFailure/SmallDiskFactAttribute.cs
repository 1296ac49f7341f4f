namespace ClassScan.Cli.Tests.OutputFailure;

/// <summary>A fact that fills or write-protects a real small disk (<see cref="SmallDisk"/>); skipped, with the reason,
/// where a tmpfs cannot be mounted, so it never passes without having run.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.Unavailable is { } why) Skip = why;
    }
}
