using System.Text;
using ClassScan.Extraction.Text;

namespace ClassScan.Extraction.Rtf;

/// <summary>
/// Code pages of RTF text: the <c>\fcharsetN</c> of a font (the Windows LOGFONT character sets, RTF 1.9.1 "Font
/// table") and the encodings behind them, from the code-pages provider that <see cref="TextDecoding"/> uses too
/// (asked directly, not registered process-wide). An unknown or unavailable code page reads as Windows-1252,
/// the code page of Swedish Windows.
/// </summary>
internal static class RtfCodePages
{
    public const int Windows1252 = 1252;

    /// <summary>The code page of a font character set; null for DEFAULT_CHARSET (1), which means the document's own.</summary>
    public static int? FromCharset(int charset) => charset switch
    {
        0 => Windows1252,      // ANSI_CHARSET
        1 => null,             // DEFAULT_CHARSET
        2 => Windows1252,      // SYMBOL_CHARSET: glyph codes, no better reading than Latin
        77 => 10000,           // Mac Roman
        78 => 10001,           // Mac Japanese
        79 => 10003,           // Mac Korean
        80 => 10008,           // Mac Chinese simplified
        81 => 10002,           // Mac Chinese traditional
        128 => 932,            // SHIFTJIS_CHARSET
        129 => 949,            // HANGUL_CHARSET
        130 => 1361,           // JOHAB_CHARSET
        134 => 936,            // GB2312_CHARSET
        136 => 950,            // CHINESEBIG5_CHARSET
        161 => 1253,           // GREEK_CHARSET
        162 => 1254,           // TURKISH_CHARSET
        163 => 1258,           // VIETNAMESE_CHARSET
        177 => 1255,           // HEBREW_CHARSET
        178 => 1256,           // ARABIC_CHARSET
        186 => 1257,           // BALTIC_CHARSET
        204 => 1251,           // RUSSIAN_CHARSET
        222 => 874,            // THAI_CHARSET
        238 => 1250,           // EASTEUROPE_CHARSET
        254 => 437,            // PC437_CHARSET
        255 => 850,            // OEM_CHARSET
        _ => null,
    };

    /// <summary>The encoding of <paramref name="codePage"/>, Windows-1252 when .NET has none of that number.</summary>
    public static Encoding Get(int codePage)
    {
        if (codePage == Windows1252) return TextDecoding.Windows1252;
        try
        {
            // UTF-8 (65001) and the like come from the BCL, the Windows and DBCS pages from the provider.
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return TextDecoding.Windows1252;
        }
    }
}
