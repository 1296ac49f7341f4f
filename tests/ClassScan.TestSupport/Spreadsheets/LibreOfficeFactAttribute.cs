using Xunit;

namespace ClassScan.TestSupport.Spreadsheets;

/// <summary>A fact that needs LibreOffice. Mark the class with <c>[Trait("Category", "LibreOffice")]</c> too.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (LibreOffice.SkipReason is { } reason) Skip = reason;
    }
}
