using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Tests.OpenXml;

public class ExcelDisplayFormatTests
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
        Assert.Equal(expected, ExcelDisplayFormat.Format(value, code, date1904: false));
    }

    /// <summary>What a reader of the sheet sees beside the number: literal text, the zero section, conditions.</summary>
    [Theory]
    [InlineData(1234d, "0\" kr\"", "1234 kr")]
    [InlineData(42d, "\"ID \"0", "ID 42")]
    [InlineData(0d, "0;-0;\"noll\"", "noll")]
    [InlineData(-1234.5, "#,##0.00 \"kr\";[Red]-#,##0.00 \"kr\"", "-1234.50 kr")]
    [InlineData(19121212d, "[>99999999]0000-00-00;0", "19121212")]
    [InlineData(1234.5, "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)", "1234.50")]
    [InlineData(5.25, "# ?/?", "5 1/4")]
    [InlineData(1.25, "[h]:mm:ss", "30:00:00")]
    public void Format_TextAndSections_AsExcelShowsThem(double value, string code, string expected)
    {
        Assert.Equal(expected, ExcelDisplayFormat.Format(value, code, date1904: false));
    }

    /// <summary>Formats that would hide or split the digits of an integral value (a personnummer) do not.</summary>
    [Theory]
    [InlineData(198112189876d, "0.00E+00", "198112189876")]
    [InlineData(198112189876d, "##0.0E+0", "198112189876")]
    [InlineData(198112189876d, "#,##0", "198112189876")]
    [InlineData(1.5, "0.00E+00", "1.50E+00")]
    public void Format_DigitHidingCodes_KeepTheDigits(double value, string code, string expected)
    {
        Assert.Equal(expected, ExcelDisplayFormat.Format(value, code, date1904: false));
    }

    [Theory]
    [InlineData(45356d, "d-mmm-yy", "2024-03-05")]
    [InlineData(45356d, "dddd d mmmm yyyy", "2024-03-05")]
    [InlineData(45356.75, "h:mm AM/PM", "18:00:00")]
    [InlineData(-1d, "yyyy-mm-dd", "-1")]
    [InlineData(2958466d, "yyyy-mm-dd", "2958466")]
    public void Format_DateCodes_IsoOrTheNumberOutsideTheCalendar(double value, string code, string expected)
    {
        Assert.Equal(expected, ExcelDisplayFormat.Format(value, code, date1904: false));
    }

    [Theory]
    [InlineData("\"unterminated")]
    [InlineData("[")]
    [InlineData("0;0;0;0;0;0")]
    public void Format_BrokenCode_FallsBackToGeneral(string code)
    {
        Assert.Equal("198112189876", ExcelDisplayFormat.Format(198112189876d, code, date1904: false));
    }

    [Fact]
    public void Format_Date1904_UsesOtherEpoch()
    {
        Assert.Equal("1904-01-02", ExcelDisplayFormat.Format(1, "yyyy-mm-dd", date1904: true));
    }

    /// <summary>
    /// Date-only codes are formatted without the package from 1900-03-01 on (and in the 1904 system): the same day
    /// as the package gives, across the leap-day boundary, the last millisecond of a day and the calendar's end.
    /// </summary>
    [Theory]
    [InlineData(1d, false)]
    [InlineData(59d, false)]
    [InlineData(60d, false)]
    [InlineData(61d, false)]
    [InlineData(62.5, false)]
    [InlineData(45356d, false)]
    [InlineData(45356.9999999, false)]
    [InlineData(45356.99999999999, false)]
    [InlineData(2958465d, false)]
    [InlineData(0d, true)]
    [InlineData(1d, true)]
    [InlineData(43890.99999999, true)]
    public void Format_DateOnlyCode_SameDayAsTheFormatPackage(double value, bool date1904)
    {
        var package = new ExcelNumberFormat.NumberFormat("yyyy-mm-dd").Format(value, System.Globalization.CultureInfo.InvariantCulture, date1904);

        Assert.Equal(package, ExcelDisplayFormat.Format(value, "dd.mm.yyyy", date1904));
    }

    /// <summary>Integers in the General format skip the package: the digits, as the package's text or the digit rule gives.</summary>
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(-5d, "-5")]
    [InlineData(12345678901d, "12345678901")]
    [InlineData(-198112189876d, "-198112189876")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(2.5, "2.5")]
    [InlineData(-0.125, "-0.125")]
    public void Format_GeneralCode_DigitsOfTheValue(double value, string expected)
    {
        Assert.Equal(expected, ExcelDisplayFormat.Format(value, "General", date1904: false));
    }

    [Theory]
    [InlineData(14, "yyyy-mm-dd")]
    [InlineData(0, "General")]
    [InlineData(49, "@")]
    [InlineData(31, "yyyy-mm-dd")]
    [InlineData(200, null)]
    public void BuiltInCode_KnownIds_Mapped(int id, string? expected)
    {
        Assert.Equal(expected, ExcelDisplayFormat.BuiltInCode(id));
    }
}
