using ClassScan.Detection.Personnummer;
using ClassScan.TestSupport.Fakes;

namespace ClassScan.Detection.Tests.Personnummer;

public sealed class PersonnummerValidatorTests
{
    private const int Ref = FixedTimeProvider.ScanYear;

    /// <summary>Value, reference year, expected kind, expected full year (0 when invalid). The kind is boxed: the
    /// enum is internal to Detection, and a public test member cannot name it in its signature.</summary>
    public static TheoryData<string, int, object, int> Cases => new()
    {
        // Century of 10-digit forms (Skatteverket): "-" = under 100 this year, "+" = 100 or more.
        { "640823-3234", Ref, IdentityNumberKind.Personnummer, 1964 },
        { "640823+3234", Ref, IdentityNumberKind.Personnummer, 1864 },
        { "6408233234", Ref, IdentityNumberKind.Personnummer, 1964 },
        { "121212-1212", Ref, IdentityNumberKind.Personnummer, 2012 },
        { "121212+1212", Ref, IdentityNumberKind.Personnummer, 1912 },
        { "121212-1212", 2012, IdentityNumberKind.Personnummer, 2012 },
        { "121212-1212", 2011, IdentityNumberKind.Personnummer, 1912 },
        { "19121212-1212", 1950, IdentityNumberKind.Personnummer, 1912 },
        { "19121212+1212", Ref, IdentityNumberKind.Personnummer, 1912 },
        { "191212121212", Ref, IdentityNumberKind.Personnummer, 1912 },
        // Leap years decide 29 February; the century decides the leap year of a 10-digit form.
        { "000229-2399", Ref, IdentityNumberKind.Personnummer, 2000 },
        { "20000229-2399", Ref, IdentityNumberKind.Personnummer, 2000 },
        { "000229+2399", Ref, IdentityNumberKind.None, 0 },
        { "000229-2399", 1999, IdentityNumberKind.None, 0 },
        { "19240229-1237", Ref, IdentityNumberKind.Personnummer, 1924 },
        { "19230229-1238", Ref, IdentityNumberKind.None, 0 },
        // Real calendar date.
        { "19120431-1235", Ref, IdentityNumberKind.None, 0 },
        { "19121200-1232", Ref, IdentityNumberKind.None, 0 },
        { "19121232-1234", Ref, IdentityNumberKind.None, 0 },
        { "191312-1230", Ref, IdentityNumberKind.None, 0 },
        // Samordningsnummer: day + 60, and Skatteverket's test numbers with day 60 / month 00 / day − 60 not real.
        { "701063-2391", Ref, IdentityNumberKind.Samordningsnummer, 1970 },
        { "121291-1232", Ref, IdentityNumberKind.Samordningsnummer, 2012 },
        { "120461-1238", Ref, IdentityNumberKind.Samordningsnummer, 2012 },
        { "191500722390", Ref, IdentityNumberKind.Samordningsnummer, 1915 },
        { "191806602395", Ref, IdentityNumberKind.Samordningsnummer, 1918 },
        { "192004912388", Ref, IdentityNumberKind.Samordningsnummer, 1920 },
        { "121292-1231", Ref, IdentityNumberKind.None, 0 },
        // Interim numbers: letter counts as 1; E is not an interim letter; lower case is not written.
        { "000101-T220", Ref, IdentityNumberKind.Interimsnummer, 2000 },
        { "20000101N220", Ref, IdentityNumberKind.Interimsnummer, 2000 },
        { "000101-E221", Ref, IdentityNumberKind.None, 0 },
        { "000101-t220", Ref, IdentityNumberKind.None, 0 },
        // Organisationsnummer (month digits ≥ 20), also in the 12-digit "16" form.
        { "212000-0449", Ref, IdentityNumberKind.None, 0 },
        { "2120000449", Ref, IdentityNumberKind.None, 0 },
        { "162120000449", Ref, IdentityNumberKind.None, 0 },
        { "556036-0793", Ref, IdentityNumberKind.None, 0 },
        { "802005-1952", Ref, IdentityNumberKind.None, 0 },
        // Birth number 000 is never issued, even with a correct check digit.
        { "20150916-0006", Ref, IdentityNumberKind.None, 0 },
        { "1509160006", Ref, IdentityNumberKind.None, 0 },
        // Century other than 18/19/20, Luhn failure, wrong shapes and separators.
        { "17121212-1212", Ref, IdentityNumberKind.None, 0 },
        { "1212121213", Ref, IdentityNumberKind.None, 0 },
        { "19121212 1212", Ref, IdentityNumberKind.None, 0 },
        { "121212 1212", Ref, IdentityNumberKind.None, 0 },
        { "121212/1212", Ref, IdentityNumberKind.None, 0 },
        { "12121212121", Ref, IdentityNumberKind.None, 0 },
        { "121212-12121", Ref, IdentityNumberKind.None, 0 },
        { "١٢١٢١٢-١٢١٢", Ref, IdentityNumberKind.None, 0 },
        { "", Ref, IdentityNumberKind.None, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_TableCase_ReturnsExpectedKindAndYear(string value, int referenceYear, object expectedKind, int year)
    {
        var kind = (IdentityNumberKind)expectedKind;
        var result = PersonnummerValidator.Validate(value, referenceYear);

        Assert.Equal(kind, result.Kind);
        Assert.Equal(year, result.Year);
        Assert.Equal(kind != IdentityNumberKind.None, result.IsValid);
        Assert.Equal(result.IsValid, PersonnummerValidator.IsValid(value, referenceYear));
        Assert.Equal(kind, IdentityNumberOracle.Classify(value, referenceYear));
    }

    [Fact]
    public void ToString_ValidResult_DoesNotContainTheNumber()
    {
        var text = PersonnummerValidator.Validate("640823-3234", Ref).ToString();

        Assert.DoesNotContain("3234", text);
        Assert.DoesNotContain("640823", text);
    }
}
