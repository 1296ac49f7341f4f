using Xunit;

namespace ClassScan.TestSupport.Ocr;

/// <summary>A fact that runs tesseract and pdftoppm (<see cref="OcrAvailability"/>). Mark it <c>[Trait("Category", "Ocr")]</c> too.</summary>
public sealed class OcrFactAttribute : FactAttribute
{
    public OcrFactAttribute()
    {
        if (OcrAvailability.SkipReason is { } reason) Skip = reason;
    }
}
