using Xunit;

namespace ClassScan.TestSupport;

/// <summary>A theory that needs ../shared. Its data source must not touch the shared folder when it is absent.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.SkipReason is { } reason) Skip = reason;
    }
}
