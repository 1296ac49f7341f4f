namespace ClassScan.Core.Privacy;

/// <summary>
/// Masks values before they reach a report or a log. The policy allows the date part of a
/// personnummer ("19121212-****") and nothing after it.
/// </summary>
public static class Mask
{
    /// <summary>Masks the last four characters (birth number and check digit) of an identity number.</summary>
    /// <param name="datePart">The date part as written (6 or 8 digits).</param>
    /// <param name="separator">The separator as written ('-', '+' or none), kept so the sample shows the form found.</param>
    public static string IdentityNumber(ReadOnlySpan<char> datePart, char? separator)
    {
        Span<char> buffer = stackalloc char[13];
        datePart.CopyTo(buffer);
        var n = datePart.Length;
        buffer[n++] = separator ?? '-';
        "****".AsSpan().CopyTo(buffer[n..]);
        return new string(buffer[..(n + 4)]);
    }

    /// <summary>Keeps the first <paramref name="keep"/> letters of a word and masks the rest ("diag…").</summary>
    public static string Word(ReadOnlySpan<char> word, int keep = 3)
    {
        if (word.Length <= keep) return new string('*', word.Length);
        return string.Concat(word[..keep], new string('*', Math.Min(word.Length - keep, 8)));
    }
}
