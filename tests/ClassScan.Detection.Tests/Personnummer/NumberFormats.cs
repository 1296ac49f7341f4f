namespace ClassScan.Detection.Tests.Personnummer;

/// <summary>Writes a 12-character number (YYYYMMDD + four) in the forms people use in documents.</summary>
internal static class NumberFormats
{
    public static readonly string[] Names = ["YYYYMMDDNNNN", "YYYYMMDD-NNNN", "YYMMDD-NNNN", "YYMMDDNNNN"];

    /// <summary>
    /// The form <paramref name="formatIndex"/> of <paramref name="twelve"/>. The 10-digit separated form uses "+"
    /// from the calendar year the person turns 100 (Skatteverket), judged at <paramref name="referenceYear"/>.
    /// </summary>
    public static string Format(string twelve, int formatIndex, int referenceYear) => formatIndex switch
    {
        0 => twelve,
        1 => string.Concat(twelve.AsSpan(0, 8), "-", twelve.AsSpan(8)),
        2 => string.Concat(twelve.AsSpan(2, 6), Separator(twelve, referenceYear), twelve.AsSpan(8)),
        3 => twelve[2..],
        _ => throw new ArgumentOutOfRangeException(nameof(formatIndex)),
    };

    public static string Separator(string twelve, int referenceYear) =>
        referenceYear - int.Parse(twelve.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture) >= 100 ? "+" : "-";

    /// <summary>The masked sample the detector must produce for a written form: the date part, the separator, "****".</summary>
    public static string ExpectedSample(string written)
    {
        var dateLength = written.Length is 10 or 11 ? 6 : 8;
        var separator = written.Length is 11 or 13 ? written[dateLength] : '-';
        return string.Concat(written.AsSpan(0, dateLength), separator.ToString(), "****");
    }
}
