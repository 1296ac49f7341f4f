namespace ClassScan.Ocr;

/// <summary>
/// Whether a rendered page (8-bit binary PGM, as pdftoppm -gray writes it) has any ink at all. A blank page costs
/// tesseract seconds to find nothing on; counting dark pixels costs milliseconds. Conservative: a page is blank only
/// when fewer than <see cref="MaxDarkPixels"/> pixels are darker than mid-grey, far less than one short word at
/// 300 dpi, so a page with text is never skipped. Anything it cannot parse counts as not blank (tesseract decides).
/// </summary>
internal static class PgmInk
{
    /// <summary>A word of 10-point text at 300 dpi darkens a few hundred pixels; a speck of dust a handful.</summary>
    public const int MaxDarkPixels = 100;

    public static bool IsBlank(string path)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!TryReadHeader(f, out var pixels, out var max) || max is < 1 or > 255) return false;
        var threshold = max / 2;
        var buffer = new byte[1 << 16];
        long seen = 0, dark = 0;
        int n;
        while (seen < pixels && (n = f.Read(buffer, 0, (int)Math.Min(buffer.Length, pixels - seen))) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (buffer[i] < threshold && ++dark >= MaxDarkPixels) return false;
            }
            seen += n;
        }
        return seen == pixels;
    }

    /// <summary>"P5", width, height, maxval, separated by whitespace (and # comments), then one whitespace byte.</summary>
    private static bool TryReadHeader(Stream s, out long pixels, out int max)
    {
        pixels = 0;
        max = 0;
        if (s.ReadByte() != 'P' || s.ReadByte() != '5') return false;
        Span<long> values = stackalloc long[3];
        for (var k = 0; k < 3; k++)
        {
            int c;
            do
            {
                c = s.ReadByte();
                if (c == '#')
                {
                    while (c is not ('\n' or -1)) c = s.ReadByte();
                }
            }
            while (c is ' ' or '\t' or '\r' or '\n' or '#');
            long v = 0;
            var digits = 0;
            while (c is >= '0' and <= '9' && digits < 10)
            {
                v = v * 10 + (c - '0');
                digits++;
                c = s.ReadByte();
            }
            if (digits == 0 || c is not (' ' or '\t' or '\r' or '\n')) return false;
            values[k] = v;
        }
        pixels = values[0] * values[1];
        max = (int)Math.Min(values[2], int.MaxValue);
        return pixels > 0;
    }
}
