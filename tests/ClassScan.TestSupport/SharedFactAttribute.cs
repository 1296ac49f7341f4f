using Xunit;

namespace ClassScan.TestSupport;

/// <summary>A fact that needs ../shared. Mark the class or method with <c>[Trait("Category", "Shared")]</c> too.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.SkipReason is { } reason) Skip = reason;
    }
}
