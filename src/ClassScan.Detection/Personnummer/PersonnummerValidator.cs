namespace ClassScan.Detection.Personnummer;

/// <summary>
/// Validates Swedish personnummer, samordningsnummer and interim numbers as written in documents.
/// Pure, allocation-free and thread-safe; never throws.
/// </summary>
/// <remarks>
/// Accepted shapes (exactly, no surrounding text): <c>YYMMDDNNNC</c>, <c>YYMMDD-NNNC</c>, <c>YYMMDD+NNNC</c>,
/// <c>YYYYMMDDNNNC</c>, <c>YYYYMMDD-NNNC</c>, <c>YYYYMMDD+NNNC</c>; an interim number has one of the letters
/// T R S U W X J K L M N in place of the first N. Any other separator (a space included) is invalid:
/// Skatteverket writes the number with "-" or "+" only, and "19090527 1474" is a negative vector of the
/// personnummer project.
/// </remarks>
internal static class PersonnummerValidator
{
    /// <summary>
    /// Validates <paramref name="value"/>.
    /// </summary>
    /// <param name="value">The number exactly as written (10–13 characters).</param>
    /// <param name="referenceYear">
    /// The calendar year of the scan, used to pick the century of a 10-digit number. Pass the scan date's
    /// year, never the wall clock read inside library code, so results are reproducible.
    /// </param>
    public static PersonnummerValidationResult Validate(ReadOnlySpan<char> value, int referenceYear)
    {
        int dateLength;
        var separator = '\0';
        switch (value.Length)
        {
            case 10: dateLength = 6; break;
            case 11: dateLength = 6; separator = value[6]; break;
            case 12: dateLength = 8; break;
            case 13: dateLength = 8; separator = value[8]; break;
            default: return PersonnummerValidationResult.Invalid;
        }

        if (separator is not ('\0' or '-' or '+')) return PersonnummerValidationResult.Invalid;

        var date = value[..dateLength];
        var birthNumber = value[^4..];
        if (!AllAsciiDigits(date) || !AllAsciiDigits(birthNumber[1..])) return PersonnummerValidationResult.Invalid;

        var interim = !char.IsAsciiDigit(birthNumber[0]);
        if (interim && !IsInterimLetter(birthNumber[0])) return PersonnummerValidationResult.Invalid;

        // Birth numbers run 001–999: Skatteverket never issues 000, and the personnummer project's vectors
        // reject it ("201509160006" passes Luhn and is still invalid).
        if (birthNumber[..3] is "000") return PersonnummerValidationResult.Invalid;

        var yy = TwoDigits(date, dateLength - 6);
        var month = TwoDigits(date, dateLength - 4);
        var day = TwoDigits(date, dateLength - 2);

        int year;
        if (dateLength == 8)
        {
            // Registers keep 12 digits with century 18, 19 or 20 (Skatteverket); any other century is a longer
            // number that only looks like one (and the dev corpus counts 12-digit forms the same way).
            var century = TwoDigits(date, 0);
            if (century is not (18 or 19 or 20)) return PersonnummerValidationResult.Invalid;
            year = century * 100 + yy;
        }
        else
        {
            year = ResolveCentury(yy, separator == '+', referenceYear);
        }

        IdentityNumberKind kind;
        if (day >= 60)
        {
            // Samordningsnummer: birth day + 60 (folkbokföringslagen 18 a §). Skatteverket's own test
            // samordningsnummer (allCoords.json) also use day 60 (birth day unknown) and month 00 (birth
            // month unknown), and some whose day − 60 does not exist in that month (e.g. 31 April). Every one of
            // them must be found, so for samordningsnummer we accept month 00–12 and day 60–91 and deliberately
            // skip the month-length check. Interim numbers are never combined with day + 60.
            if (interim || month > 12 || day > 91) return PersonnummerValidationResult.Invalid;
            kind = IdentityNumberKind.Samordningsnummer;
        }
        else
        {
            // Personnummer: a real calendar date (Skatteverket may move the day within the month when a date
            // runs out of birth numbers, but it stays a real date). Month ≥ 20 is an organisationsnummer.
            if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month))
                return PersonnummerValidationResult.Invalid;
            kind = interim ? IdentityNumberKind.Interimsnummer : IdentityNumberKind.Personnummer;
        }

        return Luhn(date[(dateLength - 6)..], birthNumber)
            ? new PersonnummerValidationResult(kind, year)
            : PersonnummerValidationResult.Invalid;
    }

    /// <summary>True when <paramref name="value"/> is a valid personnummer, samordningsnummer or interim number.</summary>
    /// <param name="value">The number exactly as written.</param>
    /// <param name="referenceYear">The calendar year of the scan (picks the century of a 10-digit number).</param>
    public static bool IsValid(ReadOnlySpan<char> value, int referenceYear) => Validate(value, referenceYear).IsValid;

    /// <summary>
    /// Century of a 10-digit number (Skatteverket): with "-" (or no separator) the latest century in which the
    /// person is under 100 in <paramref name="referenceYear"/>; with "+" (written from the calendar year the
    /// person turns 100) one century earlier.
    /// </summary>
    internal static int ResolveCentury(int yy, bool plus, int referenceYear)
    {
        var year = referenceYear - Mod100(referenceYear) + yy;
        if (year > referenceYear) year -= 100;
        if (plus) year -= 100;
        return year;
    }

    /// <summary>
    /// Luhn (weights 2,1,2,…) over the ten characters YYMMDD + NNNC, as Skatteverket defines the check digit;
    /// an interim letter counts as 1 (personnummer project spec v3.1).
    /// </summary>
    private static bool Luhn(ReadOnlySpan<char> yymmdd, ReadOnlySpan<char> birthNumber)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var c = i < 6 ? yymmdd[i] : birthNumber[i - 6];
            var d = char.IsAsciiDigit(c) ? c - '0' : 1;
            if ((i & 1) == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    private static bool IsInterimLetter(char c) => c is 'T' or 'R' or 'S' or 'U' or 'W' or 'X' or 'J' or 'K' or 'L' or 'M' or 'N';

    private static bool AllAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static int TwoDigits(ReadOnlySpan<char> s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    private static int Mod100(int x) => ((x % 100) + 100) % 100;

    // Own Gregorian rule instead of DateTime.DaysInMonth: works for any year (no exception for a year ≤ 0 from
    // an odd reference year), keeping the "never throws" promise.
    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };
}
