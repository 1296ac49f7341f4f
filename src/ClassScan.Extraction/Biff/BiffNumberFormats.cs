using ClassScan.Extraction.OpenXml;

namespace ClassScan.Extraction.Biff;

/// <summary>
/// The number format of each cell style of a binary workbook (.xls XF records, .xlsb BrtXF): XF index → format id
/// → code, custom codes from FORMAT/BrtFmt, built-in ids as in OOXML. Numbers are then shown by
/// <see cref="ExcelDisplayFormat"/>, so a value reads the same whichever of the three formats the workbook is in.
/// </summary>
internal sealed class BiffNumberFormats
{
    // A workbook has at most 4,050 (xls) or 65,430 (xlsb) styles; the caps stop a crafted file from growing the tables.
    private const int MaxStyles = 65536;
    private const int MaxCustom = 4096;

    private readonly List<int> styleFormats = [];
    private readonly Dictionary<int, string> custom = [];

    public bool Date1904 { get; set; }

    public void AddStyle(int formatId)
    {
        if (styleFormats.Count < MaxStyles) styleFormats.Add(formatId);
    }

    public void AddFormat(int formatId, string code)
    {
        if (custom.Count < MaxCustom || custom.ContainsKey(formatId)) custom[formatId] = code;
    }

    public string? FormatCode(int styleIndex)
    {
        if (styleIndex < 0 || styleIndex >= styleFormats.Count) return null;
        int id = styleFormats[styleIndex];
        return custom.TryGetValue(id, out var code) ? code : ExcelDisplayFormat.BuiltInCode(id);
    }

    public string Display(double value, int styleIndex) => ExcelDisplayFormat.Format(value, FormatCode(styleIndex), Date1904);

    /// <summary>An RK number (MS-XLS 2.5.217, MS-XLSB 2.5.122): a 30-bit integer or the high bits of a double, optionally ÷100.</summary>
    public static double DecodeRk(uint rk)
    {
        double value = (rk & 0x02) != 0
            ? (int)rk >> 2
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 0x01) != 0 ? value / 100 : value;
    }

    /// <summary>The text Excel shows for an error code (BErr, MS-XLS 2.5.10).</summary>
    public static string ErrorText(byte code) => code switch
    {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => "",
    };
}
