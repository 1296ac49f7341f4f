using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Tests.OpenXml;

public class ExcelNumberFormatTests
{
    [Theory]
    [InlineData(198112189876d, null, "198112189876")]
    [InlineData(198112189876d, "General", "198112189876")]
    [InlineData(198112189876d, "0", "198112189876")]
    [InlineData(8112189876d, "000000-0000", "811218-9876")]
    [InlineData(8112189876d, "000000\\-0000", "811218-9876")]
    [InlineData(8112189876d, "000000\"-\"0000", "811218-9876")]
    [InlineData(12345d, "00000", "12345")]
    [InlineData(1234d, "00000", "01234")]
    [InlineData(19121212d, "0000-00-00", "1912-12-12")]
    [InlineData(0.1 + 0.2, "General", "0.3")]
    [InlineData(1.5, "0.00", "1.50")]
    [InlineData(1234567.891, "#,##0.00", "1234567.89")]
    [InlineData(0.25, "0%", "25%")]
    [InlineData(45356d, "yyyy-mm-dd", "2024-03-05")]
    [InlineData(45356d, "[$-41D]d/m/yyyy", "2024-03-05")]
    [InlineData(45356.5, "yyyy-mm-dd hh:mm", "2024-03-05 12:00:00")]
    [InlineData(0.75, "h:mm", "18:00:00")]
    [InlineData(-5d, "0;(0)", "(5)")]
    [InlineData(1e25, "General", "1E+25")]
    public void Format_Value_AsDisplayed(double value, string? code, string expected)
    {
        Assert.Equal(expected, ExcelNumberFormat.Format(value, code, date1904: false));
    }

    [Fact]
    public void Format_Date1904_UsesOtherEpoch()
    {
        Assert.Equal("1904-01-02", ExcelNumberFormat.Format(1, "yyyy-mm-dd", date1904: true));
    }

    [Theory]
    [InlineData(14, "yyyy-mm-dd")]
    [InlineData(0, "General")]
    [InlineData(49, "@")]
    [InlineData(31, "yyyy-mm-dd")]
    [InlineData(200, null)]
    public void BuiltInCode_KnownIds_Mapped(int id, string? expected)
    {
        Assert.Equal(expected, ExcelNumberFormat.BuiltInCode(id));
    }
}
