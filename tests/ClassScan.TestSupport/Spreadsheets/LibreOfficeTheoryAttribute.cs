using Xunit;

namespace ClassScan.TestSupport.Spreadsheets;

/// <summary>A theory that needs LibreOffice; its data source must not start soffice.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (LibreOffice.SkipReason is { } reason) Skip = reason;
    }
}
