using Xunit;

namespace ClassScan.TestSupport.Ocr;

/// <summary>A theory that runs tesseract and pdftoppm (<see cref="OcrAvailability"/>). Mark it <c>[Trait("Category", "Ocr")]</c> too.</summary>
public sealed class OcrTheoryAttribute : TheoryAttribute
{
    public OcrTheoryAttribute()
    {
        if (OcrAvailability.SkipReason is { } reason) Skip = reason;
    }
}
