using System.Globalization;
using ClassScan.Detection.Personnummer;

namespace ClassScan.Detection.Tests.Personnummer;

/// <summary>
/// An independent, deliberately naive re-statement of the rules (strings, <see cref="DateTime"/>, right-to-left
/// Luhn), used to judge the production validator in property tests. Slow and allocating on purpose.
/// </summary>
internal static class IdentityNumberOracle
{
    private const string InterimLetters = "TRSUWXJKLMN";

    public static IdentityNumberKind Classify(string value, int referenceYear)
    {
        string date, serial;
        var sep = "";
        if (value.Length is 11 or 13)
        {
            sep = value.Substring(value.Length - 5, 1);
            if (sep != "-" && sep != "+") return IdentityNumberKind.None;
            date = value[..^5];
        }
        else if (value.Length is 10 or 12)
        {
            date = value[..^4];
        }
        else
        {
            return IdentityNumberKind.None;
        }

        serial = value[^4..];
        if (!date.All(char.IsAsciiDigit) || !serial[1..].All(char.IsAsciiDigit)) return IdentityNumberKind.None;
        var interim = InterimLetters.Contains(serial[0]);
        if (!interim && !char.IsAsciiDigit(serial[0])) return IdentityNumberKind.None;
        if (serial.StartsWith("000", StringComparison.Ordinal)) return IdentityNumberKind.None;

        var yy = int.Parse(date[^6..^4], CultureInfo.InvariantCulture);
        var month = int.Parse(date[^4..^2], CultureInfo.InvariantCulture);
        var day = int.Parse(date[^2..], CultureInfo.InvariantCulture);
        int year;
        if (date.Length == 8)
        {
            year = int.Parse(date[..4], CultureInfo.InvariantCulture);
            if (year / 100 is not (18 or 19 or 20)) return IdentityNumberKind.None;
        }
        else
        {
            year = referenceYear;
            while (year % 100 != yy) year--;
            if (sep == "+") year -= 100;
        }

        IdentityNumberKind kind;
        if (!interim && day is >= 60 and <= 91 && month is >= 0 and <= 12)
            kind = IdentityNumberKind.Samordningsnummer;
        else if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            kind = interim ? IdentityNumberKind.Interimsnummer : IdentityNumberKind.Personnummer;
        else
            return IdentityNumberKind.None;

        var ten = date[^6..] + (interim ? "1" : serial[..1]) + serial[1..];
        var sum = 0;
        for (var i = 0; i < ten.Length; i++)
        {
            var d = ten[ten.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }

        return sum % 10 == 0 ? kind : IdentityNumberKind.None;
    }

    /// <summary>The check digit that makes YYMMDD + three-digit birth number valid.</summary>
    public static char CheckDigit(string nineDigits)
    {
        for (var c = '0'; c <= '9'; c++)
        {
            var ten = nineDigits + c;
            var sum = 0;
            for (var i = 0; i < 10; i++)
            {
                var d = ten[9 - i] - '0';
                if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
            }

            if (sum % 10 == 0) return c;
        }

        throw new InvalidOperationException("unreachable");
    }
}
