using System.Text;
using System.Text.RegularExpressions;

namespace ClassScan.Extraction.Text;

/// <summary>
/// Decodes text files the way Swedish office files are found in practice: a BOM wins (UTF-8, UTF-16 LE/BE,
/// UTF-32 LE), then UTF-16 without BOM (recognised by its zero bytes), then strict UTF-8, then a declared
/// charset (HTML/XML), and finally Windows-1252, the legacy Windows code page in which å, ä and ö are single
/// bytes. Invalid UTF-8 is therefore never decoded with replacement characters.
/// </summary>
internal static partial class TextDecoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Windows-1252 from the code-pages provider (built into .NET, not registered globally on purpose).</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? Encoding.Latin1;

    public static string Decode(ReadOnlySpan<byte> bytes, bool sniffDeclaredCharset = false)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8OrFallback(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return Encoding.UTF32.GetString(bytes[4..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(bytes[2..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        if (LooksLikeUtf16(bytes, out bool bigEndian))
            return (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);

        if (TryStrictUtf8(bytes, out var text)) return text;
        if (sniffDeclaredCharset && DeclaredEncoding(bytes) is { } declared) return declared.GetString(bytes);
        return Windows1252.GetString(bytes);
    }

    /// <summary>True for UTF-16 text, with or without BOM (e.g. an e-mail saved by a Windows tool).</summary>
    public static bool IsUtf16(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksLikeUtf16(bytes, out _);

    private static string Utf8OrFallback(ReadOnlySpan<byte> bytes) =>
        TryStrictUtf8(bytes, out var text) ? text : Windows1252.GetString(bytes);

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>UTF-16 without BOM: in Latin text every other byte is zero; text files otherwise have none.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = bytes[..(Math.Min(bytes.Length, 1024) & ~1)];
        if (sample.Length < 4) return false;
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0) zeroEven++;
            if (sample[i + 1] == 0) zeroOdd++;
        }
        int pairs = sample.Length / 2;
        if (zeroOdd > pairs * 0.4 && zeroEven < pairs * 0.05) return true;
        if (zeroEven > pairs * 0.4 && zeroOdd < pairs * 0.05)
        {
            bigEndian = true;
            return true;
        }
        return false;
    }

    /// <summary>A charset named in the first kilobyte (HTML meta or XML declaration), if .NET knows it.</summary>
    private static Encoding? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 2048)]);
        var m = CharsetPattern().Match(head);
        if (!m.Success) return null;
        try
        {
            var name = m.Groups[1].Value;
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();
}
