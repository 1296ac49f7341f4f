using ClassScan.Detection.Text;

namespace ClassScan.Detection.Confidential;

/// <summary>
/// Whether a token looks like a secret value rather than a word, an identifier or a placeholder. The policy's
/// level 2 for credentials needs "a secret value" (classification-policy.md, Hard cases, Passwords): a label with
/// nothing secret after it is a routine about passwords. Pure functions; thread-safe; never throw.
/// </summary>
internal static class SecretValue
{
    /// <summary>
    /// A password-like token: 8-64 characters without spaces that mixes upper case, lower case and digits, or
    /// carries a sign that identifiers do not use (! # $ % & * + = ? ~ ^) together with two other classes.
    /// Host names ("sw-skola-02"), case and serial numbers ("NS-2107-4458"), dates, e-mail addresses, URLs and
    /// paths fail: they mix at most two classes with the signs . - _ / : only.
    /// </summary>
    public static bool LooksLikePassword(ReadOnlySpan<char> v)
    {
        v = TrimWrapping(v);
        if (v.Length is < 8 or > 64) return false;
        if (v.Contains('@') || v.Contains("://", StringComparison.Ordinal) || v.Contains('\\') || v[0] == '/') return false;
        if (IsPlaceholder(v)) return false;
        bool lower = false, upper = false, digit = false, strongSign = false;
        foreach (var c in v)
        {
            if (char.IsWhiteSpace(c)) return false;
            if (char.IsLower(c)) lower = true;
            else if (char.IsUpper(c)) upper = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else if (c is '!' or '#' or '$' or '%' or '&' or '*' or '+' or '=' or '?' or '~' or '^') strongSign = true;
        }
        // "Namespace.Type_Method1": a dotted identifier, not a password.
        if (!strongSign && v.Contains('.')) return false;
        var classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0);
        return (lower && upper && digit) || (strongSign && classes >= 2);
    }

    /// <summary>
    /// A machine secret after an API-key, token or secret label: 16-128 characters of letters, digits and
    /// - _ . ~ with both letters and digits (hex and base64 keys).
    /// </summary>
    public static bool LooksLikeKey(ReadOnlySpan<char> v)
    {
        v = TrimWrapping(v);
        if (v.Length is < 16 or > 128) return false;
        bool letter = false, digit = false;
        foreach (var c in v)
        {
            if (char.IsAsciiLetter(c)) letter = true;
            else if (char.IsAsciiDigit(c)) digit = true;
            else if (c is not ('-' or '_' or '.' or '~' or '+' or '/' or '=')) return false;
        }
        return letter && digit && !IsPlaceholder(v);
    }

    /// <summary>A PIN or a door/alarm code: 4-8 digits, optionally ending in # or *; not a year-like 19xx/20xx followed by a date separator.</summary>
    public static bool LooksLikeCode(ReadOnlySpan<char> v)
    {
        var digits = v.TrimEnd("#*");
        if (digits.Length is < 4 or > 8 || digits.ContainsAnyExcept(CharSets.AsciiDigits)) return false;
        return !IsRepeated(digits);
    }

    /// <summary>"****", "xxxxxx", "<ditt lösenord>", "[lösenord]", "{password}", "$(Secret)", "%PWD%", "…": examples, not values.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> v)
    {
        v = v.Trim();
        if (v.IsEmpty) return true;
        if (v[0] is '<' or '[' or '{' or '(' or '$' or '%' || v[^1] is '>' or ']' or '}') return true;
        if (v.Contains("…", StringComparison.Ordinal) || v.Contains("...", StringComparison.Ordinal)) return true;
        if (IsRepeated(v)) return true;
        var lower = v.ToString().ToLowerInvariant();
        foreach (var word in PlaceholderWords)
            if (lower.Contains(word, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsRepeated(ReadOnlySpan<char> v)
    {
        foreach (var c in v)
            if (char.ToLowerInvariant(c) != char.ToLowerInvariant(v[0])) return false;
        return true;
    }

    private static ReadOnlySpan<char> TrimWrapping(ReadOnlySpan<char> v) => v.Trim().Trim("`'\"”“’*").TrimEnd(".,;)");

    private static readonly string[] PlaceholderWords =
    [
        "ditt", "your", "lösenord", "password", "passwd", "changeme", "example", "exempel", "secret", "hemlig", "xxxx", "****", "redacted",
        "maskerat", "dolt", "hidden", "placeholder",
    ];
}
