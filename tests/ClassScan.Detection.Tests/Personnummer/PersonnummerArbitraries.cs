using FsCheck;
using FsCheck.Fluent;

namespace ClassScan.Detection.Tests.Personnummer;

/// <summary>A valid personnummer or samordningsnummer built from a birth date, birth number and the Luhn digit.</summary>
public sealed record GeneratedNumber(DateOnly BirthDate, int BirthNumber, bool Samordningsnummer)
{
    /// <summary>YYYYMMDDNNNC (synthetic, safe to print in a failing case).</summary>
    public string Twelve
    {
        get
        {
            var day = BirthDate.Day + (Samordningsnummer ? 60 : 0);
            var nine = $"{BirthDate.Year % 100:00}{BirthDate.Month:00}{day:00}{BirthNumber:000}";
            return $"{BirthDate.Year / 100}{nine}{IdentityNumberOracle.CheckDigit(nine)}";
        }
    }

    public override string ToString() => Twelve;
}

/// <summary>Swedish-looking text to put before and after a number; each side ends in a clean boundary.</summary>
public sealed record SurroundingText(string Before, string After);

/// <summary>FsCheck generators for the personnummer properties.</summary>
public static class PersonnummerArbitraries
{
    private static readonly DateOnly First = new(1900, 1, 1);
    private static readonly DateOnly Last = new(2025, 12, 31);

    private static readonly string[] Words =
    [
        "Beslut", "om", "bistånd", "enligt", "socialtjänstlagen", "för", "sökande", "Anna", "Svensson", "född",
        "boende", "på", "Storgatan", "i", "Örebro", "kommun", "handläggare", "ärendet", "avser", "Dnr", "SN",
        "2024/123", "tel.", "070-174 06 12", "datum", "2024-01-15", "kl.", "14.30", "belopp", "1 250,00", "kr",
        "bankgiro", "5050-1055", "OCR", "4519121212121255", "org.nr", "212000-0449", "å", "ä", "ö", "–", "\n", "personnummer",
    ];

    private static readonly string[] BeforeEdges = [" ", " (", ": ", "\n", " pnr", " Pnr:", "\t", " nr."];
    private static readonly string[] AfterEdges = [" ", ")", ",", ".", ";", "\n", " kr", "abc"];

    public static Arbitrary<GeneratedNumber> Numbers() =>
        (from offset in Gen.Choose(0, Last.DayNumber - First.DayNumber)
         from birthNumber in Gen.Choose(1, 999)
         from samordning in Gen.Elements(false, true)
         select new GeneratedNumber(First.AddDays(offset), birthNumber, samordning)).ToArbitrary();

    public static Arbitrary<SurroundingText> Texts() =>
        (from before in Gen.ListOf(Gen.Elements(Words))
         from beforeEdge in Gen.Elements(BeforeEdges)
         from afterEdge in Gen.Elements(AfterEdges)
         from after in Gen.ListOf(Gen.Elements(Words))
         select new SurroundingText(
             string.Join(' ', before) + beforeEdge,
             afterEdge + " " + string.Join(' ', after))).ToArbitrary();

    /// <summary>
    /// Valid numbers (any format, interim ones too) glued to random runs of digits, separators and letters, so
    /// that candidates, near-misses and every boundary rule occur often.
    /// </summary>
    public static Arbitrary<DigitSoup> Soups()
    {
        var noise =
            from length in Gen.Choose(1, 8)
            from chars in Gen.ArrayOf(Gen.Elements("0123456789-+ .,TXEa\n".ToCharArray()), length)
            select new string(chars);
        var number =
            from n in Numbers().Generator
            from format in Gen.Choose(0, NumberFormats.Names.Length - 1)
            from interim in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
            select interim && !n.Samordningsnummer ? Interim(n, format) : NumberFormats.Format(n.Twelve, format, 2026);
        var chunk = Gen.Frequency((2, noise), (1, number), (1, Gen.Elements(" ", "(", ")", ", ", "pnr ", "SE45", "-", ".")));
        return Gen.ListOf(chunk).Select(parts => new DigitSoup(string.Concat(parts))).ToArbitrary();
    }

    /// <summary>The number with an interim letter for its first birth-number digit and a matching check digit.</summary>
    private static string Interim(GeneratedNumber n, int format)
    {
        var twelve = n.Twelve;
        var letter = "TRSUWXJKLMN"[n.BirthNumber % 11];
        var nine = string.Concat(twelve.AsSpan(2, 6), "1", twelve.AsSpan(9, 2));
        var interim = string.Concat(twelve.AsSpan(0, 8), letter.ToString(), twelve.AsSpan(9, 2), IdentityNumberOracle.CheckDigit(nine).ToString());
        return NumberFormats.Format(interim, format, 2026);
    }
}

/// <summary>Random text made mostly of digits.</summary>
public sealed record DigitSoup(string Text);
